import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { CheckJob, CopartitionGroup, CopartitionReport, EvidenceRow, Finding, VerdictBadge } from './copartition.model';
import { KeyEvidenceTable } from './key-evidence-table';

/** Everything one group's card shows, prepared by the page. */
export interface GroupCardView {
  group: CopartitionGroup;
  report: CopartitionReport | null;
  badge: VerdictBadge;
  origin: string;
  isDeclared: boolean;
  job: CheckJob | null;
  percentDone: number;
  findings: { finding: Finding; title: string; rows: EvidenceRow[] }[];
}

/** One co-partition group: its verdict, topics, findings with evidence and fixes. */
@Component({
  selector: 'kpc-group-health-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [KeyEvidenceTable, MatButtonModule, MatExpansionModule, MatIconModule, MatProgressBarModule],
  templateUrl: './group-health-card.html',
  styleUrl: './group-health-card.scss',
})
export class GroupHealthCard {
  readonly view = input.required<GroupCardView>();
  readonly check = output<CopartitionGroup>();
  readonly edit = output<CopartitionGroup>();
  readonly remove = output<CopartitionGroup>();
}
