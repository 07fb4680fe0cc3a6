import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTooltipModule } from '@angular/material/tooltip';
import { explainRule, statusTone } from './metrics-format';
import type { LagRule, LagStatus } from './metrics.model';

/** A group's or partition's lag status as a coloured chip; the Burrow rule that decided it in the tooltip. */
@Component({
  selector: 'kpc-lag-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTooltipModule],
  template: `<span [class]="'chip ' + tone()" [matTooltip]="explanation()" tabindex="0">{{ status() }}</span>`,
  styles: `
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font-size: 12px;
      font-weight: 500;
      letter-spacing: 0.02em;
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
  `,
})
export class LagStatusChip {
  readonly status = input.required<LagStatus>();
  readonly rule = input.required<LagRule>();

  protected readonly tone = computed(() => statusTone(this.status()));
  protected readonly explanation = computed(() => explainRule(this.rule()));
}
