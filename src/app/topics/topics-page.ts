import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
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
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { AccessService } from '../access/access.service';
import { DataAge } from '../shared/data-age';
import { ErrorPanel } from '../shared/error-panel';
import { liveResource } from '../shared/live-resource';
import { CreateTopicDialog, type CreateTopicData } from './create-topic-dialog';
import { formatBytes, formatCount, formatCountOf } from './topic-format';
import type { SortOrder, TopicSortField, TopicSummary } from './topic.model';
import { TopicList, type TopicListRow } from './topic-list';
import { TopicsService } from './topics.service';

/**
 * Topics fetched in one request: the server answers all of them from its live model in
 * milliseconds, and the list scrolls them virtually, so there is no "load more".
 */
export const TOPIC_PAGE_SIZE = 10_000;
const SORT_FIELDS: readonly TopicSortField[] = [
  'name',
  'partitions',
  'replicationFactor',
  'underReplicatedPartitions',
  'messageCount',
  'sizeBytes',
];

/**
 * `/clusters/:cluster/topics`: every topic, searchable and sortable. Search, sort and the
 * internal-topic toggle live in the URL, so a link shares exactly this view.
 */
@Component({
  selector: 'kpc-topics-page',
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

  /** The topics, read again every few seconds while the page is in sight; the rows stay while a new search is read. */
  private readonly list = liveResource({
    params: this.query,
    read: (query, options) => this.topics.list(query.cluster, { ...query, page: 0, pageSize: TOPIC_PAGE_SIZE }, options),
    keepsValueAcrossParams: true,
  });
  private readonly items = computed(() => this.list.value()?.items ?? []);
  protected readonly rows = computed(() => this.items().map(toRow));
  protected readonly total = computed(() => this.list.value()?.total ?? 0);
  protected readonly asOf = computed(() => this.list.value()?.asOf);
  protected readonly isLoading = this.list.isLoading;
  /** A failure with nothing to show instead: the error takes the list's place. */
  protected readonly error = computed(() => (this.list.hasValue() ? undefined : this.list.error()));
  /** A failed background update: the last rows stay, marked as not updated. */
  protected readonly updateFailure = computed(() => (this.list.hasValue() ? this.list.error()?.message : undefined));
  protected readonly totalText = computed(() => {
    const count = formatCountOf(this.total(), 'topic', 'topics');
    const shown = this.items().length;
    return shown < this.total() ? `${count} · first ${formatCount(shown)} shown, search to narrow` : count;
  });
  protected readonly isEmpty = computed(() => this.list.hasValue() && !this.isLoading() && this.total() === 0);
  protected readonly isSearching = computed(() => !!this.search());
  /** Why the user may not create topics here (`admin` of some topic); undefined when they may. */
  protected readonly whyNotCreate = computed(() => this.access.whyNot('admin', this.cluster(), { kind: 'topic' }));
  protected readonly canCreate = computed(() => this.whyNotCreate() === undefined);

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

  /** Reads the topics fresh from Kafka rather than from the server's live model. */
  protected refresh(): void {
    this.list.refresh();
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
