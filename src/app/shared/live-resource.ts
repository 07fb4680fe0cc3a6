import { HttpParams } from '@angular/common/http';
import { computed, inject, InjectionToken, signal, type Signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { catchError, concat, defer, EMPTY, exhaustMap, map, merge, of, Subject, switchMap, tap, timer, type Observable } from 'rxjs';
import type { ApiError } from './api-error';
import { PageVisibility } from './page-visibility';
import { apiErrorOf } from './resource-error';

/** Milliseconds between background reads of a page in sight; specs shorten it. */
export const LIVE_PERIOD = new InjectionToken<number>('LIVE_PERIOD', { providedIn: 'root', factory: () => 5_000 });

/** What every read of the live model says besides its data. */
export interface AsOf {
  /** When the data was read from Kafka (ISO-8601). */
  asOf: string;
}

/** How a page asks for one read. */
export interface ReadOptions {
  /**
   * Whether the server reads Kafka now rather than answering from its live model: the
   * Refresh button only, never a background read.
   */
  fresh?: boolean;
}

/** `?fresh=true` when the server must read Kafka now; nothing otherwise. */
export function freshParams(options: ReadOptions): HttpParams {
  return options.fresh ? new HttpParams().set('fresh', true) : new HttpParams();
}

/** What a page reads, and how. */
export interface LiveRead<P, T> {
  /** What to read; a change reads at once and drops any read still on its way. */
  params: () => P;
  read: (params: P, options: ReadOptions) => Observable<T>;
  /**
   * Whether the last answer stays in sight while another query's is read, as a list being
   * searched does; otherwise it goes, so a page never shows one topic under another's name.
   */
  keepsValueAcrossParams?: boolean;
}

/** Data kept up to date while the page is in sight. */
export interface LiveResource<T> {
  /** The last answer; it stays while the next one is read and when a background read fails. */
  readonly value: Signal<T | undefined>;
  /** Whether there is an answer to show. */
  readonly hasValue: Signal<boolean>;
  /** Why the last read failed, until one succeeds. */
  readonly error: Signal<ApiError | undefined>;
  /** Whether the operator waits for a read: the first, a new query's, or a Refresh; never a background one. */
  readonly isLoading: Signal<boolean>;
  /** Reads at once, fresh from Kafka (the Refresh button); background reads go on from there. */
  refresh(): void;
  /**
   * Reads at once from the live model, as after a change made through the console, which the
   * server's next answer always shows; background reads go on from there.
   */
  reload(): void;
}

interface State<T> {
  value?: T;
  error?: ApiError;
  isLoading: boolean;
}

/** A read's answer; `isForOtherParams` when the value in sight answered other params. */
type Outcome<T> = { value: T } | { error: ApiError; isForOtherParams?: boolean };

/**
 * Reads once, then again every {@link LIVE_PERIOD} (5 s) while the page is visible, from the
 * server's live model (never `fresh`): the answer replaces the value in place, with no
 * spinner, so lists tracked by name keep their rows and scroll position. A background read
 * never overlaps another; one that fails keeps the last value and reports the error. Call it
 * in an injection context (a field initializer).
 */
export function liveResource<P, T>(options: LiveRead<P, T>): LiveResource<T> {
  const visibility = inject(PageVisibility);
  const period = inject(LIVE_PERIOD);
  const state = signal<State<T>>({ isLoading: true });
  /** Reads the operator waits for: `true` for a fresh one. */
  const reads = new Subject<boolean>();

  const outcomeOf = (read: Observable<T>): Observable<Outcome<T>> =>
    read.pipe(
      map((value) => ({ value })),
      catchError((error: unknown) => of({ error: apiErrorOf(error)! })),
    );
  // Back in sight after a while away: read at once rather than show old data for a period.
  const backgroundTicks = visibility
    .watch()
    .pipe(switchMap((isVisible, index) => (isVisible ? timer(index === 0 ? period : 0, period) : EMPTY)));

  toObservable(computed(options.params))
    .pipe(
      tap(() => state.update((last) => (options.keepsValueAcrossParams ? { ...last, isLoading: true } : { isLoading: true }))),
      switchMap((params) =>
        merge(of(false), reads).pipe(
          switchMap((fresh, index) =>
            concat(
              defer(() => {
                state.update((last) => ({ ...last, isLoading: true }));
                // The first read of new params that fails leaves nothing in sight: the rows of
                // the last search are no answer to this one.
                return outcomeOf(options.read(params, fresh ? { fresh } : {})).pipe(
                  map((outcome) => ('error' in outcome && index === 0 ? { ...outcome, isForOtherParams: true } : outcome)),
                );
              }),
              backgroundTicks.pipe(exhaustMap(() => outcomeOf(options.read(params, {})))),
            ),
          ),
        ),
      ),
      takeUntilDestroyed(),
    )
    .subscribe((outcome) =>
      state.update((last) => {
        if ('value' in outcome) return { value: outcome.value, isLoading: false };
        return { value: outcome.isForOtherParams ? undefined : last.value, error: outcome.error, isLoading: false };
      }),
    );

  const value = computed(() => state().value);
  return {
    value,
    hasValue: computed(() => value() !== undefined),
    error: computed(() => state().error),
    isLoading: computed(() => state().isLoading),
    refresh: () => reads.next(true),
    reload: () => reads.next(false),
  };
}
