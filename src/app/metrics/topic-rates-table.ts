import { TableFilter } from './table-filter';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { formatBytes } from '../topics/topic-format';
import { formatByteRate, formatRecordRate } from './metrics-format';
import type { MetricsRange, TopicTrend } from './metrics.model';
import { DEFAULT_RANGE } from './metrics-rules';
import { Sparkline } from './sparkline';
import { tableView } from './table-view';

/** Every topic's write rate and size now, with its rate over the range; the busiest first. */
@Component({
  selector: 'kpc-topic-rates-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TableFilter, MatButtonModule, MatSortModule, MatTableModule, RouterLink, Sparkline],
  templateUrl: './topic-rates-table.html',
  styleUrl: './metrics-table.scss',
})
export class TopicRatesTable {
  readonly cluster = input.required<string>();
  readonly range = input.required<MetricsRange>();
  readonly topics = input.required<readonly TopicTrend[]>();

  protected readonly table = tableView(this.topics, (topic) => topic.topic, { active: 'recordsPerSecond', direction: 'desc' });
  protected readonly rows = computed(() =>
    this.table.view().rows.map((topic) => ({
      ...topic,
      records: formatRecordRate(topic.recordsPerSecond),
      bytes: formatByteRate(topic.bytesPerSecond),
      size: formatBytes(topic.sizeBytes),
    })),
  );
  /** The topic page opens on its throughput tab, over the same range. */
  protected readonly linkQuery = computed(() => ({ tab: 'throughput', range: this.range() === DEFAULT_RANGE ? null : this.range() }));
  protected readonly columns = ['topic', 'recordsPerSecond', 'bytesPerSecond', 'sizeBytes', 'trend'];
  protected readonly trackByTopic = (_: number, row: TopicTrend) => row.topic;
}
