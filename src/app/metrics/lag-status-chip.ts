import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTooltipModule } from '@angular/material/tooltip';
import { StateChip } from '../consumer-groups/state-chip';
import { explainRule, statusTone } from './metrics-format';
import type { LagRule, LagStatus } from './metrics.model';

/** A group's or partition's lag status as a coloured chip; the Burrow rule that decided it in the tooltip. */
@Component({
  selector: 'kpc-lag-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTooltipModule, StateChip],
  template: `<span [matTooltip]="explanation()" tabindex="0"><kpc-state-chip [state]="status()" [tone]="tone()" /></span>`,
})
export class LagStatusChip {
  readonly status = input.required<LagStatus>();
  readonly rule = input.required<LagRule>();

  protected readonly tone = computed(() => statusTone(this.status()));
  protected readonly explanation = computed(() => explainRule(this.rule()));
}
