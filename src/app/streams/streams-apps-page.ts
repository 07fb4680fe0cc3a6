import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ErrorPanel } from '../shared/error-panel';
import { ListPageHeader } from '../shared/list-page-header';
import { urlList } from '../shared/url-list';
import { StreamsAppTable, type StreamsAppRow } from './streams-app-table';
import { formatRate } from './streams-format';
import { isLagging, protocolExplanation, protocolLabel, streamsStateTone } from './streams-rules';
import type { SortOrder, StreamsAppSortField, StreamsAppSummary } from './streams.model';
import { StreamsService } from './streams.service';

/**
 * Apps fetched in one request: the server answers all of them with their lag from its live
 * model, and the list scrolls them virtually.
 */
export const STREAMS_APP_PAGE_SIZE = 10_000;
const SORT_FIELDS: readonly StreamsAppSortField[] = ['applicationId', 'state', 'memberCount', 'totalLag'];

/**
 * `/clusters/:cluster/streams`: every Kafka Streams application with its state, lag and rate,
 * kept up to date while in sight. Search and sort live in the URL, so a link shares exactly
 * this view.
 */
@Component({
  selector: 'kpc-streams-apps-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorPanel, ListPageHeader, StreamsAppTable],
  templateUrl: './streams-apps-page.html',
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
  `,
})
export class StreamsAppsPage {
  /** The cluster name, bound from the route. */
  readonly cluster = input.required<string>();
  /** Query parameters: `?search=order&sort=totalLag&order=desc`. */
  readonly search = input<string>();
  readonly sort = input<string>();
  readonly order = input<string>();

  private readonly streams = inject(StreamsService);

  /** Search and sort in the URL; the apps read again every few seconds while the page is in sight. */
  private readonly list = urlList({
    cluster: this.cluster,
    search: this.search,
    sort: this.sort,
    order: this.order,
    sortFields: SORT_FIELDS,
    defaultSort: 'applicationId',
    read: (query, options) => this.streams.list(query.cluster, { ...query, page: 0, pageSize: STREAMS_APP_PAGE_SIZE }, options),
  });
  protected readonly searchText = this.list.searchText;
  protected readonly sortField = this.list.sortField;
  protected readonly sortOrder = this.list.sortOrder;
  private readonly items = this.list.items;
  protected readonly rows = computed(() => this.items().map(toRow));
  protected readonly total = this.list.total;
  protected readonly asOf = this.list.asOf;
  protected readonly hasApps = this.list.hasValue;
  protected readonly isLoading = this.list.isLoading;
  protected readonly error = this.list.error;
  protected readonly updateFailure = this.list.updateFailure;
  protected readonly summary = computed(() => {
    const lagging = this.items().filter((app) => isLagging(app.totalLag)).length;
    const shown = this.items().length;
    const apps = `${this.total()} ${this.total() === 1 ? 'app' : 'apps'}, ${lagging} lagging`;
    return shown < this.total() ? `${apps} among the first ${shown}` : apps;
  });

  /** Reads the apps fresh from Kafka rather than from the server's live model. */
  protected refresh(): void {
    this.list.refresh();
  }

  protected changeSort(change: { sort: StreamsAppSortField; order: SortOrder }): void {
    this.list.changeSort(change);
  }
}

function toRow(app: StreamsAppSummary): StreamsAppRow {
  return {
    ...app,
    tone: streamsStateTone(app.state),
    protocolLabel: protocolLabel(app.protocol),
    protocolExplanation: protocolExplanation(app.protocol),
    hasCommitted: app.totalLag !== null,
    isLagging: isLagging(app.totalLag),
    rate: formatRate(app.consumeRate),
  };
}
