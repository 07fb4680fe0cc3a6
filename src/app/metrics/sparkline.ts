import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { sparklinePath } from './metrics-rules';

const WIDTH = 120;
const HEIGHT = 24;

/** A trend small enough for a table row: one line, no axes, a break where nothing was measured. */
@Component({
  selector: 'kpc-sparkline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <svg [attr.viewBox]="viewBox" preserveAspectRatio="none" role="img" [attr.aria-label]="label()">
      <path [attr.d]="path()" />
    </svg>
  `,
  styles: `
    :host {
      display: inline-block;
      width: 120px;
      height: 24px;
      vertical-align: middle;
    }
    svg {
      width: 100%;
      height: 100%;
      overflow: visible;
    }
    path {
      fill: none;
      stroke: var(--mat-sys-primary);
      stroke-width: 1.5;
      stroke-linejoin: round;
      vector-effect: non-scaling-stroke;
    }
    :host(.warn) path {
      stroke: var(--kpc-warn);
    }
  `,
})
export class Sparkline {
  readonly values = input.required<readonly (number | null)[]>();
  /** What the line shows, for a screen reader. */
  readonly label = input.required<string>();

  protected readonly viewBox = `0 0 ${WIDTH} ${HEIGHT}`;
  protected readonly path = computed(() => sparklinePath(this.values(), WIDTH, HEIGHT));
}
