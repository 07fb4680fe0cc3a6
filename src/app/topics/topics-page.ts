import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ActivatedRoute, Router } from '@angular/router';
import {
  catchError,
  combineLatest,
  concatMap,
  debounceTime,
  distinct,
  distinctUntilChanged,
  map,
  of,
  scan,
  startWith,
  Subject,
  switchMap,
} from 'rxjs';
import { AccessService } from '../access/access.service';
import type { ApiError } from '../shared/api-error';
import { ErrorPanel } from '../shared/error-panel';
import { apiErrorOf } from '../shared/resource-error';
import { CreateTopicDialog, type CreateTopicData } from './create-topic-dialog';
import { formatBytes, formatCount, formatCountOf } from './topic-format';
import type { SortOrder, TopicSortField, TopicSummary } from './topic.model';
import { TopicList, type TopicListRow } from './topic-list';
import { TopicsService } from './topics.service';

/** Topics fetched per request; the list asks for the next page as the operator scrolls. */
export const TOPIC_PAGE_SIZE = 500;
const SORT_FIELDS: readonly TopicSortField[] = [
  'name',
  'partitions',
  'replicationFactor',
  'underReplicatedPartitions',
  'messageCount',
  'sizeBytes',
];

interface LoadedTopics {
  items: TopicSummary[];
  total: number;
  isLoading: boolean;
  error?: ApiError;
}

/**
 * `/clusters/:cluster/topics`: every topic, searchable and sortable. Search, sort and the
 * internal-topic toggle live in the URL, so a link shares exactly this view.
 */
@Component({
  selector: 'kpc-topics-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ErrorPanel,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    MatTooltipModule,
    TopicList,
  ],
  templateUrl: './topics-page.html',
  styleUrl: './topics-page.scss',
})
export class TopicsPage {
  /** The cluster name, bound from the route. */
  readonly cluster = input.required<string>();
  /** Query parameters: `?search=orders&internal=true&sort=sizeBytes&order=desc`. */
  readonly search = input<string>();
  readonly internal = input<string>();
  readonly sort = input<string>();
  readonly order = input<string>();

  private readonly topics = inject(TopicsService);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly access = inject(AccessService);
  private readonly pageRequests = new Subject<number>();
  private readonly reloads = new Subject<void>();

  /** What is typed in the search box; the URL follows it after a pause. */
  protected readonly searchText = linkedSignal(() => this.search() ?? '');
  protected readonly showsInternal = computed(() => this.internal() === 'true');
  protected readonly sortField = computed(() => SORT_FIELDS.find((field) => field === this.sort()) ?? 'name');
  protected readonly sortOrder = computed((): SortOrder => (this.order() === 'desc' ? 'desc' : 'asc'));
  private readonly query = computed(() => ({
    cluster: this.cluster(),
    search: this.search() ?? '',
    internal: this.showsInternal(),
    sort: this.sortField(),
    order: this.sortOrder(),
  }));

  protected readonly loaded = signal<LoadedTopics>({ items: [], total: 0, isLoading: true });
  protected readonly rows = computed(() => this.loaded().items.map(toRow));
  protected readonly total = computed(() => this.loaded().total);
  protected readonly isLoading = computed(() => this.loaded().isLoading);
  protected readonly error = computed(() => this.loaded().error);
  protected readonly totalText = computed(() => {
    const { items, total } = this.loaded();
    const count = formatCountOf(total, 'topic', 'topics');
    return items.length < total ? `${count} · ${formatCount(items.length)} loaded` : count;
  });
  protected readonly isEmpty = computed(() => !this.isLoading() && !this.error() && this.loaded().total === 0);
  protected readonly isSearching = computed(() => !!this.search());
  /** Why the user may not create topics here (`admin` of some topic); undefined when they may. */
  protected readonly whyNotCreate = computed(() => this.access.whyNot('admin', this.cluster(), { kind: 'topic' }));
  protected readonly canCreate = computed(() => this.whyNotCreate() === undefined);
  private readonly canLoadMore = computed(() => {
    const { items, total, isLoading, error } = this.loaded();
    return !isLoading && !error && items.length < total;
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

    // A new query starts again from page 0; within one query each page is fetched once.
    combineLatest([toObservable(this.query), this.reloads.pipe(startWith(undefined))])
      .pipe(
        switchMap(([query]) =>
          this.pageRequests.pipe(
            startWith(0),
            distinct(),
            concatMap((page) => this.topics.list(query.cluster, { ...query, page, pageSize: TOPIC_PAGE_SIZE })),
            scan((sum: LoadedTopics, page) => ({ items: [...sum.items, ...page.items], total: page.total, isLoading: false }), {
              items: [],
              total: 0,
              isLoading: false,
            }),
            startWith({ items: [], total: 0, isLoading: true }),
            catchError((error: unknown) => of({ items: [], total: 0, isLoading: false, error: apiErrorOf(error) })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((loaded) => this.loaded.set(loaded));
  }

  /** Fetches the next page, if there is one and none is on its way. */
  protected loadMore(): void {
    if (!this.canLoadMore()) return;
    this.loaded.update((loaded) => ({ ...loaded, isLoading: true }));
    this.pageRequests.next(Math.ceil(this.loaded().items.length / TOPIC_PAGE_SIZE));
  }

  protected reload(): void {
    this.reloads.next();
  }

  protected toggleInternal(shown: boolean): void {
    this.updateUrl({ internal: shown ? 'true' : null });
  }

  protected changeSort(change: { sort: TopicSortField; order: SortOrder }): void {
    this.updateUrl({ sort: change.sort === 'name' ? null : change.sort, order: change.order === 'asc' ? null : change.order });
  }

  /** Opens the create dialog; a created topic opens its own page. */
  protected openCreate(): void {
    this.dialog
      .open<CreateTopicDialog, CreateTopicData, string>(CreateTopicDialog, { data: { cluster: this.cluster() }, width: '560px' })
      .afterClosed()
      .subscribe((created) => {
        if (created) void this.router.navigate([created], { relativeTo: this.route });
      });
  }

  private updateUrl(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge', replaceUrl: true });
  }
}

function toRow(topic: TopicSummary): TopicListRow {
  return {
    ...topic,
    isUnderReplicated: topic.underReplicatedPartitions > 0,
    messages: formatCount(topic.messageCount),
    size: formatBytes(topic.sizeBytes),
  };
}
