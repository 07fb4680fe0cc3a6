import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { catchError, map, of, Subject, switchMap } from 'rxjs';
import type { ApiError } from '../shared/api-error';
import { ErrorPanel } from '../shared/error-panel';
import { apiErrorOf } from '../shared/resource-error';
import { messageQuery, messageRow, stopReasonText } from './message-format';
import { MessageList } from './message-list';
import type { MessagePage, MessageQuery, MessageSearch, MessageStart, TopicMessage } from './topic.model';
import { TopicsService } from './topics.service';

/** Messages per page: enough to scan by eye, small enough to answer fast. */
const PAGE_LIMIT = 50;

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
  private readonly requests = new Subject<PageRequest>();

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
      untracked(() => this.search());
    });
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
