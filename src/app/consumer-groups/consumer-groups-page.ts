import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ErrorPanel } from '../shared/error-panel';
import { ListPageHeader } from '../shared/list-page-header';
import { urlList } from '../shared/url-list';
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
  imports: [ConsumerGroupTable, ErrorPanel, ListPageHeader],
  templateUrl: './consumer-groups-page.html',
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 12px;
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

  /** Search and sort in the URL; the groups read again every few seconds while the page is in sight. */
  private readonly list = urlList({
    cluster: this.cluster,
    search: this.search,
    sort: this.sort,
    order: this.order,
    sortFields: SORT_FIELDS,
    defaultSort: 'groupId',
    read: (query, options) => this.consumerGroups.list(query.cluster, { ...query, page: 0, pageSize: GROUP_PAGE_SIZE }, options),
  });
  protected readonly searchText = this.list.searchText;
  protected readonly sortField = this.list.sortField;
  protected readonly sortOrder = this.list.sortOrder;
  private readonly items = this.list.items;
  protected readonly rows = computed(() => this.items().map(toRow));
  protected readonly total = this.list.total;
  protected readonly asOf = this.list.asOf;
  protected readonly hasGroups = this.list.hasValue;
  protected readonly isLoading = this.list.isLoading;
  protected readonly error = this.list.error;
  protected readonly updateFailure = this.list.updateFailure;
  protected readonly summary = computed(() => {
    const lagging = this.items().filter((group) => isLagging(group.totalLag)).length;
    const shown = this.items().length;
    const groups = `${this.total()} groups, ${lagging} lagging`;
    return shown < this.total() ? `${groups} among the first ${shown}` : groups;
  });

  /** Reads the groups fresh from Kafka rather than from the server's live model. */
  protected refresh(): void {
    this.list.refresh();
  }

  protected changeSort(change: { sort: ConsumerGroupSortField; order: SortOrder }): void {
    this.list.changeSort(change);
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
