import { computed, signal, type Signal } from '@angular/core';
import type { Sort } from '@angular/material/sort';
import { viewRows, type RowView, type TableSort } from './metrics-rules';

/** Rows a table shows at first, and how many more each "Show more" adds. */
export const ROWS_PER_STEP = 25;

/** A table's filter, sort and length, and the rows they leave in sight. */
export interface TableView<T, K extends string> {
  readonly filter: Signal<string>;
  readonly sort: Signal<TableSort<K>>;
  readonly view: Signal<RowView<T>>;
  /** How many matching rows are out of sight. */
  readonly hidden: Signal<number>;
  filterBy(text: string): void;
  sortBy(sort: Sort): void;
  showMore(): void;
}

/**
 * The state of a table over many rows (thousands of topics): a name filter, a sort, and the first
 * {@link ROWS_PER_STEP} rows, more on request. Call it in an injection context (a field initializer).
 */
export function tableView<T, K extends keyof T & string>(
  rows: Signal<readonly T[]>,
  nameOf: (row: T) => string,
  initialSort: TableSort<K>,
): TableView<T, K> {
  const filter = signal('');
  const sort = signal(initialSort);
  const limit = signal(ROWS_PER_STEP);
  const view = computed(() => viewRows(rows(), nameOf, filter(), sort(), limit()));
  return {
    filter,
    sort,
    view,
    hidden: computed(() => view().matching - view().rows.length),
    filterBy: (text) => {
      filter.set(text);
      limit.set(ROWS_PER_STEP);
    },
    sortBy: ({ active, direction }) => sort.set({ active: active as K, direction }),
    showMore: () => limit.update((shown) => shown + ROWS_PER_STEP),
  };
}
