import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { CopartitionGroup, GroupCardView } from './copartition.model';
import { KeyEvidenceTable } from './key-evidence-table';

/** One co-partition group: its verdict, topics, findings with evidence and fixes. */
@Component({
  selector: 'kpc-group-health-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [KeyEvidenceTable, MatButtonModule, MatExpansionModule, MatIconModule, MatProgressBarModule, MatTooltipModule],
  templateUrl: './group-health-card.html',
  styleUrl: './group-health-card.scss',
})
export class GroupHealthCard {
  readonly view = input.required<GroupCardView>();
  /** Why the user may not edit or remove declared groups; undefined when they may. */
  readonly whyNotDeclare = input<string>();
  readonly check = output<CopartitionGroup>();
  readonly edit = output<CopartitionGroup>();
  readonly remove = output<CopartitionGroup>();

  protected readonly toneClass = computed(() => `tone-${this.view().badge.tone}`);
  /** Whether a full check is reading keys now. */
  protected readonly isRunning = computed(() => this.view().job?.status === 'running');
  /** How far a running check has read; nothing once it is done. */
  protected readonly runningProgress = computed(() => (this.isRunning() ? this.view().job?.progress : undefined));
  /** The topics with what the last check read of them; just their names before any check. */
  protected readonly sampledTopics = computed(() => this.view().report?.topics ?? []);
  protected readonly hasFindings = computed(() => this.view().findings.length > 0);
  // A broken group's findings open by themselves: they are what the operator came for.
  protected readonly isBroken = computed(() => this.view().badge.tone === 'error');
  protected readonly findings = computed(() => this.view().findings.map((item) => ({ ...item, hasEvidence: item.rows.length > 0 })));
}
