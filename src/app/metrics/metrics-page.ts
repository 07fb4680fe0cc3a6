import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DataAge } from '../shared/data-age';
import { ErrorPanel } from '../shared/error-panel';
import { liveResource } from '../shared/live-resource';
import { EndpointTable } from './endpoint-table';
import type { AppChart } from './metrics.model';
import { rangeInUrl } from './metrics-range';
import { MetricsService } from './metrics.service';
import { PrometheusSetup } from './prometheus-setup';
import { RangePicker } from './range-picker';
import { TimeSeriesChart } from './time-series-chart';

/** The sections, in the order the page shows them: the cluster first, then what runs on it. */
const SECTIONS: readonly AppChart['section'][] = ['Brokers', 'Connect', 'Streams', 'Consumers', 'Producers'];

/**
 * `/clusters/:cluster/metrics`: what the brokers', Connect workers' and Streams apps' own
 * Prometheus endpoints report, charted by section, and how each endpoint's scrape goes.
 */
@Component({
  selector: 'kpc-metrics-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DataAge, EndpointTable, ErrorPanel, MatIconModule, MatProgressBarModule, PrometheusSetup, RangePicker, TimeSeriesChart],
  templateUrl: './metrics-page.html',
  styleUrl: './metrics-page.scss',
})
export class MetricsPage {
  /** The cluster name, bound from the route. */
  readonly cluster = input.required<string>();

  private readonly metrics = inject(MetricsService);
  protected readonly range = rangeInUrl();
  protected readonly apps = liveResource({
    params: () => ({ cluster: this.cluster(), range: this.range.range() }),
    read: (params) => this.metrics.apps(params.cluster, params.range),
    keepsValueAcrossParams: true,
  });
  protected readonly current = this.apps.value;
  protected readonly asOf = computed(() => this.current()?.asOf ?? undefined);
  protected readonly error = computed(() => (this.apps.hasValue() ? undefined : this.apps.error()));
  protected readonly updateFailure = computed(() => (this.apps.hasValue() ? this.apps.error()?.message : undefined));
  /** Whether the cluster's config names no Prometheus endpoint, so there is nothing to scrape. */
  protected readonly isUnconfigured = computed(() => this.current()?.endpoints.length === 0);
  protected readonly endpointsDown = computed(() => (this.current()?.endpoints ?? []).filter((endpoint) => !endpoint.up).length);
  /** The charts by section, the sections without any left out. */
  protected readonly sections = computed(() => {
    const charts = this.current()?.charts ?? [];
    return SECTIONS.map((name) => ({ name, charts: charts.filter((chart) => chart.section === name) })).filter(
      (section) => section.charts.length > 0,
    );
  });
  /** Whether endpoints are configured but nothing has been scraped into a chart yet. */
  protected readonly isWaitingForScrapes = computed(() => !this.isUnconfigured() && !!this.current() && this.sections().length === 0);
}
