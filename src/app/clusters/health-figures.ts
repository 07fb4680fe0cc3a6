import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { HealthFigure } from './cluster.model';

/** The overview's headline numbers as cards, coloured by how worried to be. */
@Component({
  selector: 'kpc-health-figures',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (figure of figures(); track figure.label) {
      <section class="figure" [class]="'tone-' + figure.tone" [attr.aria-label]="figure.label">
        <span class="label">{{ figure.label }}</span>
        <span class="value" data-testid="figure-value">{{ figure.value }}</span>
        <span class="hint">{{ figure.hint }}</span>
      </section>
    }
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
      gap: 16px;
    }
    .figure {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: 16px 20px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
      border-left: 4px solid var(--mat-sys-outline-variant);
    }
    .label {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .value {
      font: var(--mat-sys-display-small);
    }
    .hint {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .tone-ok {
      border-left-color: var(--kpc-ok);
    }
    .tone-warn {
      border-left-color: var(--kpc-warn);
      .value {
        color: var(--kpc-warn);
      }
    }
    .tone-error {
      border-left-color: var(--kpc-error);
      .value {
        color: var(--kpc-error);
      }
    }
  `,
})
export class HealthFigures {
  readonly figures = input.required<HealthFigure[]>();
}
