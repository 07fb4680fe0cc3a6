import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { DataAge } from '../shared/data-age';
import { ErrorPanel } from '../shared/error-panel';
import { liveResource } from '../shared/live-resource';
import { ConsumerGroupTable, type ConsumerGroupRow } from './consumer-group-table';
import type { ConsumerGroupSortField, ConsumerGroupSummary, SortOrder } from './consumer-group.model';
import { isLagging, stateTone } from './consumer-group-rules';
import { ConsumerGroupsService } from './consumer-groups.service';

/**
 * Groups fetched in one request: the server answers all of them with their lag from its live
 * model, and the list scrolls them virtually.
 */
export const GROUP_PAGE_SIZE = 10_000;
const SORT_FIELDS: readonly ConsumerGroupSortField[] = ['groupId', 'state', 'memberCount', 'totalLag'];

/**
 * `/clusters/:cluster/consumer-groups`: every group with its state and lag, kept up to date
 * while in sight. Search and sort live in the URL, so a link shares exactly this view.
 */
@Component({
  selector: 'kpc-consumer-groups-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ConsumerGroupTable,
    DataAge,
    ErrorPanel,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  templateUrl: './consumer-groups-page.html',
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .tools {
      display: flex;
      gap: 12px;
      align-items: center;
    }
    .search {
      width: 280px;
    }
    .subtitle {
      display: flex;
      align-items: center;
      gap: 16px;
    }
    .progress {
      height: 4px;
    }
  `,
})
export class ConsumerGroupsPage {
  /** The cluster name, bound from the route. */
  readonly cluster = input.required<string>();
  /** Query parameters: `?search=billing&sort=totalLag&order=desc`. */
  readonly search = input<string>();
  readonly sort = input<string>();
  readonly order = input<string>();

  private readonly consumerGroups = inject(ConsumerGroupsService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** What is typed in the search box; the URL follows it after a pause. */
  protected readonly searchText = linkedSignal(() => this.search() ?? '');
  protected readonly sortField = computed(() => SORT_FIELDS.find((field) => field === this.sort()) ?? 'groupId');
  protected readonly sortOrder = computed((): SortOrder => (this.order() === 'desc' ? 'desc' : 'asc'));
  private readonly query = computed(() => ({
    cluster: this.cluster(),
    search: this.search() ?? '',
    sort: this.sortField(),
    order: this.sortOrder(),
  }));

  /** The groups, read again every few seconds while the page is in sight; the rows stay while a new search is read. */
  private readonly list = liveResource({
    params: this.query,
    read: (query, options) => this.consumerGroups.list(query.cluster, { ...query, page: 0, pageSize: GROUP_PAGE_SIZE }, options),
    keepsValueAcrossParams: true,
  });
  private readonly items = computed(() => this.list.value()?.items ?? []);
  protected readonly rows = computed(() => this.items().map(toRow));
  protected readonly total = computed(() => this.list.value()?.total ?? 0);
  protected readonly asOf = computed(() => this.list.value()?.asOf);
  protected readonly hasGroups = this.list.hasValue;
  protected readonly isLoading = this.list.isLoading;
  /** A failure with nothing to show instead: the error takes the list's place. */
  protected readonly error = computed(() => (this.list.hasValue() ? undefined : this.list.error()));
  /** A failed background update: the last rows stay, marked as not updated. */
  protected readonly updateFailure = computed(() => (this.list.hasValue() ? this.list.error()?.message : undefined));
  protected readonly summary = computed(() => {
    const lagging = this.items().filter((group) => isLagging(group.totalLag)).length;
    const shown = this.items().length;
    const groups = `${this.total()} groups, ${lagging} lagging`;
    return shown < this.total() ? `${groups} among the first ${shown}` : groups;
  });

  constructor() {
    toObservable(this.searchText)
      .pipe(
        debounceTime(300),
        map((text) => text.trim()),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((text) => {
        if (text !== (this.search() ?? '')) this.updateUrl({ search: text || null });
      });
  }

  /** Reads the groups fresh from Kafka rather than from the server's live model. */
  protected refresh(): void {
    this.list.refresh();
  }

  protected changeSort(change: { sort: ConsumerGroupSortField; order: SortOrder }): void {
    this.updateUrl({ sort: change.sort === 'groupId' ? null : change.sort, order: change.order === 'asc' ? null : change.order });
  }

  private updateUrl(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge', replaceUrl: true });
  }
}

function toRow(group: ConsumerGroupSummary): ConsumerGroupRow {
  return {
    ...group,
    tone: stateTone(group.state),
    hasCommitted: group.totalLag !== null,
    isLagging: isLagging(group.totalLag),
    topicsLabel: group.topics.join(', ') || '—',
  };
}
