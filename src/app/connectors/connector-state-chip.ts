import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ConnectorState, StateTone } from './connector.model';

/** A connector or task state, coloured by how it reads at a glance. */
@Component({
  selector: 'kpc-connector-state-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="chip" [class]="tone()">{{ state() }}</span>`,
  styles: `
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      letter-spacing: 0.04em;
      border: 1px solid currentColor;
      white-space: nowrap;
    }
    .ok {
      color: var(--kpc-ok);
      background: color-mix(in srgb, var(--kpc-ok) 10%, transparent);
    }
    .warn {
      color: var(--kpc-warn);
      background: color-mix(in srgb, var(--kpc-warn) 10%, transparent);
    }
    .error {
      color: var(--kpc-error);
      background: color-mix(in srgb, var(--kpc-error) 10%, transparent);
    }
    .neutral {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ConnectorStateChip {
  readonly state = input.required<ConnectorState>();
  readonly tone = input.required<StateTone>();
}
