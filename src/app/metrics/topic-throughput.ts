import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { formatBytes } from '../topics/topic-format';
import { DataAge } from '../shared/data-age';
import { ErrorPanel } from '../shared/error-panel';
import { liveResource } from '../shared/live-resource';
import { formatByteRate, formatRecordRate } from './metrics-format';
import { rangeInUrl } from './metrics-range';
import { MetricsService } from './metrics.service';
import { RangePicker } from './range-picker';
import { TimeSeriesChart } from './time-series-chart';

/** A topic's throughput tab: its write rate in records and bytes, and its size, over the range in the URL; live while in sight. */
@Component({
  selector: 'kpc-topic-throughput',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DataAge, ErrorPanel, MatProgressBarModule, RangePicker, TimeSeriesChart],
  templateUrl: './topic-throughput.html',
  styleUrl: './metrics-section.scss',
})
export class TopicThroughput {
  readonly cluster = input.required<string>();
  readonly topic = input.required<string>();

  private readonly metrics = inject(MetricsService);
  protected readonly range = rangeInUrl();
  protected readonly history = liveResource({
    params: () => ({ cluster: this.cluster(), topic: this.topic(), range: this.range.range() }),
    read: (params) => this.metrics.topicHistory(params.cluster, params.topic, params.range),
  });
  protected readonly current = this.history.value;
  protected readonly asOf = computed(() => this.current()?.asOf ?? undefined);
  protected readonly error = computed(() => (this.history.hasValue() ? undefined : this.history.error()));
  protected readonly updateFailure = computed(() => (this.history.hasValue() ? this.history.error()?.message : undefined));
  /** The latest sample's figures, in words. */
  protected readonly figures = computed(() => {
    const now = this.current()?.current;
    return now
      ? [
          { label: 'records/s', value: formatRecordRate(now.recordsPerSecond) },
          { label: 'written', value: formatByteRate(now.bytesPerSecond) },
          { label: 'on disk', value: formatBytes(now.sizeBytes) },
        ]
      : [];
  });
  protected readonly records = computed(() => [{ label: 'Records/s', values: this.current()?.recordsPerSecond ?? [] }]);
  protected readonly bytes = computed(() => [{ label: 'Bytes/s', values: this.current()?.bytesPerSecond ?? [] }]);
  protected readonly size = computed(() => [{ label: 'Size', values: this.current()?.sizeBytes ?? [] }]);
}
