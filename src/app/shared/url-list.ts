import { computed, inject, linkedSignal, type Signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { debounceTime, distinctUntilChanged, map, type Observable } from 'rxjs';
import type { SortOrder } from '../../../server/topics/topic.model';
import { liveResource, type ReadOptions } from './live-resource';

/** What a list page asks the server for: its search, sort and order, on one cluster. */
export interface UrlListQuery<Sort extends string> {
  cluster: string;
  search: string;
  sort: Sort;
  order: SortOrder;
}

export interface UrlListOptions<Sort extends string, Item> {
  /** The page's inputs: the route's cluster and its query parameters. */
  cluster: Signal<string>;
  search: Signal<string | undefined>;
  sort: Signal<string | undefined>;
  order: Signal<string | undefined>;
  sortFields: readonly Sort[];
  /** The sort the URL leaves out. */
  defaultSort: Sort;
  read: (query: UrlListQuery<Sort>, options: ReadOptions) => Observable<{ items: Item[]; total: number; asOf: string }>;
}

/**
 * A list page whose search and sort live in the URL, so a link shares exactly that view: the
 * text typed in the search box (the URL follows it after a pause), the sort, and the list read
 * live for them (again every few seconds while in sight; the rows stay while a new search is
 * read). Call it in a component's field initializer.
 */
export function urlList<Sort extends string, Item>(options: UrlListOptions<Sort, Item>) {
  const router = inject(Router);
  const route = inject(ActivatedRoute);
  const updateUrl = (queryParams: Record<string, string | null>) =>
    void router.navigate([], { relativeTo: route, queryParams, queryParamsHandling: 'merge', replaceUrl: true });

  const searchText = linkedSignal(() => options.search() ?? '');
  const sortField = computed(() => options.sortFields.find((field) => field === options.sort()) ?? options.defaultSort);
  const sortOrder = computed((): SortOrder => (options.order() === 'desc' ? 'desc' : 'asc'));
  const list = liveResource({
    params: computed(() => ({ cluster: options.cluster(), search: options.search() ?? '', sort: sortField(), order: sortOrder() })),
    read: options.read,
    keepsValueAcrossParams: true,
  });
  toObservable(searchText)
    .pipe(
      debounceTime(300),
      map((text) => text.trim()),
      distinctUntilChanged(),
      takeUntilDestroyed(),
    )
    .subscribe((text) => {
      if (text !== (options.search() ?? '')) updateUrl({ search: text || null });
    });

  return {
    searchText,
    sortField,
    sortOrder,
    items: computed(() => list.value()?.items ?? []),
    total: computed(() => list.value()?.total ?? 0),
    asOf: computed(() => list.value()?.asOf),
    hasValue: list.hasValue,
    isLoading: list.isLoading,
    /** A failure with nothing to show instead: the error takes the list's place. */
    error: computed(() => (list.hasValue() ? undefined : list.error())),
    /** A failed background update: the last rows stay, marked as not updated. */
    updateFailure: computed(() => (list.hasValue() ? list.error()?.message : undefined)),
    /** Reads the list fresh from Kafka rather than from the server's live model. */
    refresh: () => list.refresh(),
    changeSort: (change: { sort: Sort; order: SortOrder }) =>
      updateUrl({ sort: change.sort === options.defaultSort ? null : change.sort, order: change.order === 'asc' ? null : change.order }),
  };
}
