import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { StateTone } from './consumer-group.model';

/** A state or status as a small chip coloured by its tone (a group's state, a connector's, a lag status). */
@Component({
  selector: 'kpc-state-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="chip" [class]="'chip ' + tone()">{{ state() }}</span>`,
  styles: `
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font-size: 12px;
      font-weight: 500;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
    }
    .ok {
      background: #dff3e4;
      color: var(--kpc-ok);
    }
    .warn {
      background: #fdecd2;
      color: var(--kpc-warn);
    }
    .error {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .idle {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
})
export class StateChip {
  readonly state = input.required<string>();
  readonly tone = input<StateTone>('neutral');
}
