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
  imports: [
    DataAge,
    ErrorPanel,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    StreamsAppTable,
  ],
  templateUrl: './streams-apps-page.html',
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
export class StreamsAppsPage {
  /** The cluster name, bound from the route. */
  readonly cluster = input.required<string>();
  /** Query parameters: `?search=order&sort=totalLag&order=desc`. */
  readonly search = input<string>();
  readonly sort = input<string>();
  readonly order = input<string>();

  private readonly streams = inject(StreamsService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** What is typed in the search box; the URL follows it after a pause. */
  protected readonly searchText = linkedSignal(() => this.search() ?? '');
  protected readonly sortField = computed(() => SORT_FIELDS.find((field) => field === this.sort()) ?? 'applicationId');
  protected readonly sortOrder = computed((): SortOrder => (this.order() === 'desc' ? 'desc' : 'asc'));
  private readonly query = computed(() => ({
    cluster: this.cluster(),
    search: this.search() ?? '',
    sort: this.sortField(),
    order: this.sortOrder(),
  }));

  /** The apps, read again every few seconds while the page is in sight; the rows stay while a new search is read. */
  private readonly list = liveResource({
    params: this.query,
    read: (query, options) => this.streams.list(query.cluster, { ...query, page: 0, pageSize: STREAMS_APP_PAGE_SIZE }, options),
    keepsValueAcrossParams: true,
  });
  private readonly items = computed(() => this.list.value()?.items ?? []);
  protected readonly rows = computed(() => this.items().map(toRow));
  protected readonly total = computed(() => this.list.value()?.total ?? 0);
  protected readonly asOf = computed(() => this.list.value()?.asOf);
  protected readonly hasApps = this.list.hasValue;
  protected readonly isLoading = this.list.isLoading;
  /** A failure with nothing to show instead: the error takes the list's place. */
  protected readonly error = computed(() => (this.list.hasValue() ? undefined : this.list.error()));
  /** A failed background update: the last rows stay, marked as not updated. */
  protected readonly updateFailure = computed(() => (this.list.hasValue() ? this.list.error()?.message : undefined));
  protected readonly summary = computed(() => {
    const lagging = this.items().filter((app) => isLagging(app.totalLag)).length;
    const shown = this.items().length;
    const apps = `${this.total()} ${this.total() === 1 ? 'app' : 'apps'}, ${lagging} lagging`;
    return shown < this.total() ? `${apps} among the first ${shown}` : apps;
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

  /** Reads the apps fresh from Kafka rather than from the server's live model. */
  protected refresh(): void {
    this.list.refresh();
  }

  protected changeSort(change: { sort: StreamsAppSortField; order: SortOrder }): void {
    this.updateUrl({
      sort: change.sort === 'applicationId' ? null : change.sort,
      order: change.order === 'asc' ? null : change.order,
    });
  }

  private updateUrl(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge', replaceUrl: true });
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
