import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { takeUntilDestroyed, rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { interval } from 'rxjs';
import { ThroughputSection } from '../metrics/throughput-section';
import { ErrorPanel } from '../shared/error-panel';
import { apiErrorOf } from '../shared/resource-error';
import { BrokerTable } from './broker-table';
import { healthFigures, isHealthy } from './cluster-health';
import { ClustersService } from './clusters.service';
import { HealthFigures } from './health-figures';

/** How often the overview refreshes itself while open. */
const REFRESH_MS = 15_000;

/** `/clusters/:cluster/overview`: brokers and partition health of the selected cluster, then its throughput and lag. */
@Component({
  selector: 'kpc-cluster-overview-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    BrokerTable,
    ErrorPanel,
    HealthFigures,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTooltipModule,
    ThroughputSection,
  ],
  templateUrl: './cluster-overview-page.html',
  styleUrl: './cluster-overview-page.scss',
})
export class ClusterOverviewPage {
  /** The cluster name, bound from the route. */
  readonly cluster = input.required<string>();

  private readonly clusters = inject(ClustersService);

  protected readonly overview = rxResource({
    params: () => this.cluster(),
    stream: ({ params: cluster }) => this.clusters.overview(cluster),
  });
  // A resource in error throws from value(): read it only through this.
  protected readonly current = computed(() => (this.overview.hasValue() ? this.overview.value() : undefined));
  protected readonly error = computed(() => apiErrorOf(this.overview.error()));
  protected readonly figures = computed(() => {
    const overview = this.current();
    return overview ? healthFigures(overview) : [];
  });
  protected readonly isHealthy = computed(() => {
    const overview = this.current();
    return !!overview && isHealthy(overview);
  });

  constructor() {
    interval(REFRESH_MS)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.refresh());
  }

  /** Reads the cluster metadata again. */
  protected refresh(): void {
    this.overview.reload();
  }
}
