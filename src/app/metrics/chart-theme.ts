import type { ChartColours } from './chart-options';

/**
 * The theme's tokens a chart paints with. Material writes them as `light-dark(…)`, which a
 * canvas cannot read, so each is resolved by the browser on a hidden element first.
 */
const SERIES_TOKENS = [
  'var(--mat-sys-primary)',
  'var(--mat-sys-tertiary)',
  'var(--kpc-warn)',
  'var(--kpc-ok)',
  'var(--mat-sys-error)',
  'var(--mat-sys-secondary)',
];

/** The Material theme's colours as the chart's host sees them. */
export function themeColours(host: HTMLElement): ChartColours {
  const probe = host.ownerDocument.createElement('span');
  probe.style.display = 'none';
  host.appendChild(probe);
  const resolve = (token: string) => {
    probe.style.color = token;
    return getComputedStyle(probe).color;
  };
  try {
    return {
      series: SERIES_TOKENS.map(resolve),
      axis: resolve('var(--mat-sys-on-surface-variant)'),
      grid: resolve('var(--mat-sys-outline-variant)'),
    };
  } finally {
    probe.remove();
  }
}
