import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DataAge } from '../shared/data-age';
import { ErrorPanel } from '../shared/error-panel';
import { liveResource } from '../shared/live-resource';
import { GroupLagTable } from './group-lag-table';
import { rangeInUrl } from './metrics-range';
import { MetricsService } from './metrics.service';
import { RangePicker } from './range-picker';
import { TopicRatesTable } from './topic-rates-table';

/**
 * The overview's "Throughput and lag": every topic's rate and every group's lag and status as the
 * console last sampled them, with their trend over the range in the URL; kept live while in sight.
 */
@Component({
  selector: 'kpc-throughput-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DataAge, ErrorPanel, GroupLagTable, MatProgressBarModule, RangePicker, TopicRatesTable],
  templateUrl: './throughput-section.html',
  styleUrl: './metrics-section.scss',
})
export class ThroughputSection {
  readonly cluster = input.required<string>();

  private readonly metrics = inject(MetricsService);
  protected readonly range = rangeInUrl();
  protected readonly overview = liveResource({
    params: () => ({ cluster: this.cluster(), range: this.range.range() }),
    read: (params) => this.metrics.overview(params.cluster, params.range),
    // Another range redraws the sparklines: the tables stay in sight meanwhile.
    keepsValueAcrossParams: true,
  });
  protected readonly current = this.overview.value;
  protected readonly asOf = computed(() => this.current()?.asOf ?? undefined);
  protected readonly error = computed(() => (this.overview.hasValue() ? undefined : this.overview.error()));
  protected readonly updateFailure = computed(() => (this.overview.hasValue() ? this.overview.error()?.message : undefined));
  /** Whether the sampler has not measured this cluster yet, as right after the console starts. */
  protected readonly isWaitingForFirstSample = computed(() => this.current()?.asOf === null);
}
