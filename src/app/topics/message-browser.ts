import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { catchError, map, of, scan, startWith, Subject, switchMap, takeUntil } from 'rxjs';
import type { ApiError } from '../shared/api-error';
import { ErrorPanel } from '../shared/error-panel';
import { apiErrorOf } from '../shared/resource-error';
import { messageQuery, messageRow, stopReasonText } from './message-format';
import { MessageList } from './message-list';
import type {
  MessagePage,
  MessageQuery,
  MessageSearch,
  MessageStart,
  SearchDirection,
  SearchQuery,
  TopicMessage,
  TopicSearchState,
} from './topic.model';
import { TopicSearchProgress } from './topic-search-progress';
import { TopicSearchService } from './topic-search.service';
import { TopicsService } from './topics.service';

/** Messages per page: enough to scan by eye, small enough to answer fast. */
const PAGE_LIMIT = 50;
/** Matches a whole-topic search lists before it stops. */
const SEARCH_LIMIT = 500;

interface Browsed {
  messages: TopicMessage[];
  lastPage?: MessagePage;
  isLoading: boolean;
  error?: ApiError;
}

interface PageRequest {
  query: MessageQuery;
  /** Whether the page replaces what is shown (a new search) or adds to it (load more). */
  isMore: boolean;
}

/**
 * The message browser of one topic: where to start, what to match, and page after page of
 * results. The server bounds every page; the line under the list says what stopped it.
 * A whole-topic search reads everything in one streamed scan instead, showing its progress
 * and its matches as they come, until it ends or is cancelled.
 */
@Component({
  selector: 'kpc-message-browser',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ErrorPanel,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MessageList,
    ReactiveFormsModule,
    TopicSearchProgress,
  ],
  templateUrl: './message-browser.html',
  styleUrl: './message-browser.scss',
})
export class MessageBrowser {
  readonly cluster = input.required<string>();
  readonly topic = input.required<string>();
  /** How many partitions the topic has. */
  readonly partitions = input.required<number>();

  private readonly topics = inject(TopicsService);
  private readonly searching = inject(TopicSearchService);
  private readonly requests = new Subject<PageRequest>();
  private readonly searches = new Subject<SearchQuery>();
  private readonly cancels = new Subject<void>();

  protected readonly form = inject(FormBuilder).nonNullable.group({
    partition: ['all' as number | 'all'],
    start: ['newest' as MessageStart],
    offset: [null as number | null],
    dateTime: [''],
    key: [''],
    contains: [''],
  });
  protected readonly starts: { value: MessageStart; label: string }[] = [
    { value: 'newest', label: 'Newest first' },
    { value: 'oldest', label: 'Oldest first' },
    { value: 'offset', label: 'From offset' },
    { value: 'time', label: 'From date and time' },
  ];
  protected readonly searchForm = inject(FormBuilder).nonNullable.group({
    text: [''],
    direction: ['newest' as SearchDirection],
  });
  private readonly searchText = signal('');
  protected readonly canSearchWholeTopic = computed(() => this.searchText().length > 0);
  /** The whole-topic search shown instead of the pages, while it runs and after. */
  protected readonly wholeTopic = signal<TopicSearchState | undefined>(undefined);
  protected readonly searchView = computed(() => {
    const search = this.wholeTopic();
    return search && this.searching.progressView(search);
  });
  protected readonly searchRows = computed(() => this.wholeTopic()?.matches.map(messageRow) ?? []);
  protected readonly hasSearchRows = computed(() => this.searchRows().length > 0);

  private readonly start = signal<MessageStart>('newest');
  protected readonly needsOffset = computed(() => this.start() === 'offset');
  protected readonly needsTime = computed(() => this.start() === 'time');
  protected readonly partitionNumbers = computed(() => Array.from({ length: this.partitions() }, (_, index) => index));

  protected readonly browsed = signal<Browsed>({ messages: [], isLoading: false });
  private readonly query = signal<MessageQuery | undefined>(undefined);
  protected readonly rows = computed(() => this.browsed().messages.map(messageRow));
  protected readonly hasRows = computed(() => this.rows().length > 0);
  protected readonly isLoading = computed(() => this.browsed().isLoading);
  protected readonly error = computed(() => this.browsed().error);
  protected readonly stopReason = computed(() => {
    const page = this.browsed().lastPage;
    return page ? stopReasonText(page) : '';
  });
  protected readonly canLoadMore = computed(() => !!this.browsed().lastPage?.nextCursor && !this.isLoading());
  protected readonly isEmpty = computed(() => !!this.browsed().lastPage && this.rows().length === 0 && !this.isLoading());
  protected readonly isFiltered = computed(() => !!(this.query()?.key || this.query()?.contains));

  constructor() {
    this.form.controls.start.valueChanges.pipe(takeUntilDestroyed()).subscribe((start) => this.start.set(start));
    this.searchForm.controls.text.valueChanges.pipe(takeUntilDestroyed()).subscribe((text) => this.searchText.set(text));
    // A new search closes the stream of the one before; Cancel closes it, which stops the scan on the server.
    this.searches
      .pipe(
        switchMap((query) =>
          this.searching.search(this.cluster(), this.topic(), query).pipe(
            scan((state, event) => this.searching.apply(state, event), this.searching.started(query)),
            startWith(this.searching.started(query)),
            catchError((error: unknown) =>
              of<TopicSearchState>({ ...(this.wholeTopic() ?? this.searching.started(query)), isRunning: false, error: apiErrorOf(error) }),
            ),
            takeUntil(this.cancels),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((search) => this.wholeTopic.set(search));
    // A new search drops a page still on its way; "load more" is disabled while one is.
    this.requests
      .pipe(
        switchMap((request) =>
          this.topics.browse(this.cluster(), this.topic(), request.query).pipe(
            map((page): Browsed => ({
              messages: request.isMore ? [...this.browsed().messages, ...page.messages] : page.messages,
              lastPage: page,
              isLoading: false,
            })),
            catchError((error: unknown) => of<Browsed>({ ...this.browsed(), isLoading: false, error: apiErrorOf(error) })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((browsed) => this.browsed.set(browsed));
    // Opening the tab, or another topic, shows its newest messages straight away.
    effect(() => {
      this.cluster();
      this.topic();
      untracked(() => {
        this.closeSearch();
        this.search();
      });
    });
  }

  /** Searches every record of the topic (or of the partition chosen) for the text. */
  protected searchWholeTopic(): void {
    const { text, direction } = this.searchForm.getRawValue();
    if (!text) return;
    const partition = this.form.controls.partition.value;
    this.searches.next({ contains: text, direction, limit: SEARCH_LIMIT, ...(partition !== 'all' && { partition }) });
  }

  /** Stops the search, keeping what it found. */
  protected cancelSearch(): void {
    this.cancels.next();
    this.wholeTopic.update((search) => search && { ...search, isRunning: false, isCancelled: true });
  }

  /** Back to the pages of messages. */
  protected closeSearch(): void {
    this.cancels.next();
    this.wholeTopic.set(undefined);
  }

  /** Starts again with what the form says. */
  protected search(): void {
    const { partition, ...rest } = this.form.getRawValue();
    // mat-select shows no label for a null value, so "every partition" is the word 'all' here.
    const search: MessageSearch = { ...rest, partition: partition === 'all' ? null : partition };
    const query = messageQuery(search, PAGE_LIMIT);
    this.query.set(query);
    this.browsed.set({ messages: [], isLoading: true });
    this.requests.next({ query, isMore: false });
  }

  /** Continues exactly where the last page stopped. */
  protected loadMore(): void {
    const query = this.query();
    const cursor = this.browsed().lastPage?.nextCursor;
    if (!query || !cursor) return;
    this.browsed.update((browsed) => ({ ...browsed, isLoading: true, error: undefined }));
    this.requests.next({ query: { ...query, cursor }, isMore: true });
  }

  /** Tries the failed request again: a new search, or the same next page. */
  protected retry(): void {
    if (this.browsed().lastPage) this.loadMore();
    else this.search();
  }
}
