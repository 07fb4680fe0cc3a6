import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ApiError } from '../shared/api-error';
import { DataAge } from '../shared/data-age';
import { ErrorPanel } from '../shared/error-panel';
import { LagStatusChip } from './lag-status-chip';
import { explainRule, formatCatchUp, formatDuration, formatRecordRate } from './metrics-format';
import type { GroupHistory, MetricsRange } from './metrics.model';
import { RangePicker } from './range-picker';
import { StatusStrip } from './status-strip';
import { TimeSeriesChart } from './time-series-chart';

/**
 * A group's lag over time: its status now with the Burrow rule behind it in plain words, the
 * status over the range, and charts of the lag in records and in seconds and of the consume rate.
 */
@Component({
  selector: 'kpc-group-lag-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DataAge, ErrorPanel, LagStatusChip, MatProgressBarModule, RangePicker, StatusStrip, TimeSeriesChart],
  templateUrl: './group-lag-section.html',
  styleUrls: ['./metrics-section.scss', './group-lag-section.scss'],
})
export class GroupLagSection {
  /** The group's history; undefined until read. */
  readonly history = input.required<GroupHistory | undefined>();
  readonly range = input.required<MetricsRange>();
  /** Why the history could not be read. */
  readonly error = input<ApiError>();
  /** Why the last background update failed, while the last history stays in sight. */
  readonly updateFailure = input<string>();
  readonly isLoading = input(false);
  readonly rangeChange = output<MetricsRange>();
  readonly retry = output<void>();

  protected readonly now = computed(() => this.history()?.current ?? null);
  protected readonly asOf = computed(() => this.history()?.asOf ?? undefined);
  protected readonly explanation = computed(() => {
    const now = this.now();
    return now ? explainRule(now.rule) : '';
  });
  /** The partitions that decide a group's status, each with its own rule, when the group takes its worst partition's. */
  protected readonly deciding = computed(() => {
    const now = this.now();
    if (!now || now.rule !== 'worst-partition') return [];
    return now.partitions
      .filter((partition) => partition.status !== 'OK')
      .map((partition) => ({
        key: `${partition.topic}-${partition.partition}`,
        name: `${partition.topic} partition ${partition.partition}`,
        status: partition.status,
        rule: partition.rule,
        explanation: explainRule(partition.rule),
      }));
  });
  protected readonly figures = computed(() => {
    const now = this.now();
    return now
      ? [
          { label: 'behind', value: formatDuration(now.lagSeconds) },
          { label: 'consumed', value: formatRecordRate(now.consumeRate) },
          { label: 'to catch up', value: formatCatchUp(now) },
        ]
      : [];
  });
  protected readonly lag = computed(() => [{ label: 'Lag', values: this.history()?.lag ?? [] }]);
  protected readonly lagSeconds = computed(() => [{ label: 'Behind by', values: this.history()?.lagSeconds ?? [] }]);
  protected readonly consumeRate = computed(() => [{ label: 'Consumed', values: this.history()?.consumeRate ?? [] }]);
  /** Whether the group was in no sample yet, so no status can be told. */
  protected readonly isUnmeasured = computed(() => !!this.history() && !this.now());
}
