import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { recordText, verdictBadge } from './bridge-rules';
import type { SequenceReport } from './bridge.model';

/** What a check of the sequence found: the verdict, the counts, and the first examples of each finding. */
@Component({
  selector: 'kpc-sequence-report-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule],
  templateUrl: './sequence-report-view.html',
  styleUrl: './bridge-health.scss',
})
export class SequenceReportView {
  readonly report = input.required<SequenceReport>();

  protected readonly badge = computed(() => verdictBadge(this.report()));
  protected readonly toneClass = computed(() => `tone-${this.badge().tone}`);
  protected readonly hasGaps = computed(() => this.report().gaps.missing > 0);
  protected readonly hasDuplicates = computed(() => this.report().duplicates.records > 0);
  protected readonly hasOutOfOrder = computed(() => this.report().outOfOrder.records > 0);
  protected readonly scannedText = computed(() =>
    this.report()
      .scanned.filter((range) => range.toOffset > range.fromOffset)
      .map((range) => `p${range.partition}: ${range.fromOffset}–${range.toOffset - 1}`)
      .join(', '),
  );
  protected readonly recordText = recordText;
  protected readonly recordsText = (records: { partition: number; offset: number }[]) => records.map(recordText).join(', ');
}
