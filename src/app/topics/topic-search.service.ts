import { HttpParams } from '@angular/common/http';
import { inject, Injectable, InjectionToken } from '@angular/core';
import { Observable } from 'rxjs';
import { ApiError } from '../shared/api-error';
import { formatCount, formatCountOf } from './topic-format';
import type { SearchEvent, SearchFailure, SearchProgressView, SearchQuery, TopicSearchState } from './topic.model';

/** Opens a Server-Sent Events stream; a spec provides a fake one. */
export type EventSourceFactory = (url: string) => EventSource;

export const EVENT_SOURCE = new InjectionToken<EventSourceFactory>('EventSource', {
  providedIn: 'root',
  factory: () => (url) => new EventSource(url),
});

const EVENT_TYPES = ['progress', 'match', 'done'] as const;

/**
 * Whole-topic search: one streamed scan on the server, followed here event by event, and
 * the rules that turn its events into what the message browser shows.
 */
@Injectable({ providedIn: 'root' })
export class TopicSearchService {
  private readonly openEventSource = inject(EVENT_SOURCE);

  /**
   * The search's events as they come. Unsubscribing closes the stream, which stops the scan
   * on the server at once. Completes after `done`; fails with an {@link ApiError} on an
   * `error` event, or when the stream cannot be opened or breaks (EventSource would open it
   * again, searching from the start, so it is closed instead).
   */
  search(cluster: string, topic: string, query: SearchQuery): Observable<SearchEvent> {
    let params = new HttpParams().set('contains', query.contains).set('direction', query.direction).set('limit', query.limit);
    if (query.partition !== undefined) params = params.set('partition', query.partition);
    const url = `/api/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}/search?${params.toString()}`;
    return new Observable<SearchEvent>((subscriber) => {
      const source = this.openEventSource(url);
      for (const type of EVENT_TYPES) {
        source.addEventListener(type, (event) => {
          subscriber.next({ type, data: JSON.parse((event as MessageEvent<string>).data) } as SearchEvent);
          if (type === 'done') {
            source.close();
            subscriber.complete();
          }
        });
      }
      source.addEventListener('error', (event) => {
        source.close();
        // The server's own `error` event carries data; the EventSource's failure does not.
        if (event instanceof MessageEvent && typeof event.data === 'string') {
          const failure = JSON.parse(event.data) as SearchFailure;
          subscriber.error(new ApiError(200, failure.code, failure.message));
        } else {
          subscriber.error(
            new ApiError(
              0,
              'CONSOLE_UNREACHABLE',
              'The search could not start or was cut off: the topic may be gone or the console unreachable',
            ),
          );
        }
      });
      return () => source.close();
    });
  }

  /** A search just started. */
  started(query: SearchQuery): TopicSearchState {
    return { query, matches: [], isRunning: true, isCancelled: false };
  }

  /** The state after one more event. */
  apply(state: TopicSearchState, event: SearchEvent): TopicSearchState {
    switch (event.type) {
      case 'progress':
        return { ...state, progress: event.data };
      case 'match':
        return { ...state, matches: [...state.matches, event.data] };
      case 'done':
        return { ...state, done: event.data, isRunning: false };
      case 'error':
        return { ...state, isRunning: false };
    }
  }

  /** What the progress bar shows: how far, how fast, and how it ended. */
  progressView(state: TopicSearchState): SearchProgressView {
    const progress = state.progress;
    const partitions = progress?.partitions ?? [];
    const total = partitions.reduce((sum, p) => sum + (p.to - p.from), 0);
    const covered = partitions.reduce((sum, p) => sum + (state.query.direction === 'oldest' ? p.position - p.from : p.to - p.position), 0);
    const isComplete = state.done?.stoppedBy === 'end';
    const percent = isComplete ? 100 : total === 0 ? 0 : Math.floor((covered / total) * 100);
    const scanned = state.done?.scannedRecords ?? progress?.scannedRecords ?? 0;
    const elapsedMs = state.done?.elapsedMs ?? progress?.elapsedMs ?? 0;
    const rate = elapsedMs > 0 ? Math.round((scanned / elapsedMs) * 1000) : 0;
    return {
      percent,
      summary: `${formatCount(scanned)} records scanned · ${percent} % · ${formatCount(rate)} records/s`,
      matchesText: formatCountOf(state.matches.length, 'match', 'matches'),
      outcome: outcomeOf(state),
    };
  }
}

function outcomeOf(state: TopicSearchState): string {
  if (state.isCancelled) return 'Cancelled';
  if (state.done?.stoppedBy === 'limit') return `Stopped at ${formatCountOf(state.done.matches, 'match', 'matches')}`;
  if (state.done) return 'Searched the whole topic';
  return '';
}
