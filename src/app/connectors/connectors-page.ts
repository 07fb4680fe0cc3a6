import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { interval } from 'rxjs';
import { AccessService } from '../access/access.service';
import { ErrorPanel } from '../shared/error-panel';
import { apiErrorOf } from '../shared/resource-error';
import { ConnectorTable, type ConnectorRow } from './connector-table';
import type { StateFilter } from './connector.model';
import { matchesFilter, stateTone } from './connector-rules';
import { ConnectorsService } from './connectors.service';

/** How often the list refreshes itself: connector states change without the console. */
const REFRESH_MS = 10_000;

const FILTERS: { value: StateFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'running', label: 'Running' },
  { value: 'failed', label: 'Failed' },
  { value: 'paused', label: 'Paused' },
  { value: 'stopped', label: 'Stopped' },
];

/** `/clusters/:cluster/connectors`: the connectors of the cluster's Connect clusters. */
@Component({
  selector: 'kpc-connectors-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ConnectorTable,
    ErrorPanel,
    MatButtonModule,
    MatButtonToggleModule,
    MatChipsModule,
    MatIconModule,
    MatProgressBarModule,
    MatTooltipModule,
    RouterLink,
  ],
  templateUrl: './connectors-page.html',
  styleUrl: './connectors-page.scss',
})
export class ConnectorsPage {
  /** The cluster name, bound from the route. */
  readonly cluster = input.required<string>();
  /** The Connect cluster to show, from `?connect=`; else the first reachable one. */
  readonly connect = input<string>();

  private readonly connectors = inject(ConnectorsService);
  private readonly access = inject(AccessService);

  protected readonly connectClusters = rxResource({
    params: () => this.cluster(),
    stream: ({ params: cluster }) => this.connectors.connectClusters(cluster),
  });
  protected readonly connectClusterList = computed(() => (this.connectClusters.hasValue() ? this.connectClusters.value() : []));
  protected readonly connectClustersError = computed(() => apiErrorOf(this.connectClusters.error()));
  protected readonly hasNoConnectCluster = computed(() => this.connectClusters.hasValue() && this.connectClusterList().length === 0);
  protected readonly hasSeveralConnectClusters = computed(() => this.connectClusterList().length > 1);

  protected readonly selected = linkedSignal(() => {
    const list = this.connectClusterList();
    const asked = list.find((connect) => connect.name === this.connect());
    return (asked ?? list.find((connect) => connect.reachable) ?? list[0])?.name;
  });
  protected readonly selectedSummary = computed(() => this.connectClusterList().find((c) => c.name === this.selected()));

  // Compared by value: a refresh of the Connect clusters must not restart the list's request.
  private readonly listParams = computed(
    () => {
      const connect = this.selected();
      return connect ? { cluster: this.cluster(), connect } : undefined;
    },
    { equal: (a, b) => a?.cluster === b?.cluster && a?.connect === b?.connect },
  );
  protected readonly list = rxResource({
    params: this.listParams,
    stream: ({ params }) => this.connectors.connectors(params.cluster, params.connect),
  });
  protected readonly listError = computed(() => apiErrorOf(this.list.error()));
  protected readonly listErrorTitle = computed(() => `Cannot read Kafka Connect ${this.selected()}`);
  protected readonly isLoading = computed(() => this.connectClusters.isLoading() || this.list.isLoading());
  private readonly all = computed(() => (this.list.hasValue() ? this.list.value() : undefined));

  protected readonly filters = FILTERS;
  protected readonly filter = signal<StateFilter>('all');
  protected readonly counts = computed(() => {
    const all = this.all() ?? [];
    return Object.fromEntries(FILTERS.map(({ value }) => [value, all.filter((c) => matchesFilter(c, value)).length]));
  });
  protected readonly rows = computed<ConnectorRow[] | undefined>(() =>
    this.all()
      ?.filter((connector) => matchesFilter(connector, this.filter()))
      .map((connector) => ({
        connector,
        tone: stateTone(connector.state),
        hasFailedTasks: connector.failedTaskCount > 0,
        topicsLabel: connector.topics.join(', ') || '—',
        link: [connector.connectCluster, connector.name],
      })),
  );
  /** Whether to offer "New connector": the Connect cluster must answer to validate one. */
  protected readonly showsCreate = computed(() => !!this.selectedSummary()?.reachable);
  /** Why the user may not create connectors here (`admin` of some connector); undefined when they may. */
  protected readonly whyNotCreate = computed(() => this.access.whyNot('admin', this.cluster(), { kind: 'connector' }));
  protected readonly canCreate = computed(() => this.whyNotCreate() === undefined);

  constructor() {
    interval(REFRESH_MS)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.refresh());
  }

  /** Shows another Connect cluster's connectors. */
  protected selectConnectCluster(name: string): void {
    this.selected.set(name);
  }

  /** Shows only the connectors in a state. */
  protected selectFilter(filter: StateFilter | undefined): void {
    this.filter.set(filter ?? 'all');
  }

  /** Reads the Connect clusters and connectors again. */
  protected refresh(): void {
    this.connectClusters.reload();
    this.list.reload();
  }
}
