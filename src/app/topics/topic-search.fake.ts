import type { SearchEvent } from './topic.model';
import type { EventSourceFactory } from './topic-search.service';

/**
 * An EventSource for specs: records the URL it was opened with and whether it was closed,
 * and delivers the events a spec sends as the browser would (a named MessageEvent each).
 */
export class FakeEventSource extends EventTarget {
  isClosed = false;

  constructor(readonly url: string) {
    super();
  }

  close(): void {
    this.isClosed = true;
  }

  /** The server sends one event. */
  send(event: SearchEvent): void {
    this.dispatchEvent(new MessageEvent(event.type, { data: JSON.stringify(event.data) }));
  }

  /** The connection fails (no answer, a 404 before the stream): an `error` event without data. */
  fail(): void {
    this.dispatchEvent(new Event('error'));
  }
}

/** A factory for the EVENT_SOURCE token that keeps every source it opened. */
export function fakeEventSources(): { factory: EventSourceFactory; opened: FakeEventSource[] } {
  const opened: FakeEventSource[] = [];
  return {
    opened,
    factory: (url) => {
      const source = new FakeEventSource(url);
      opened.push(source);
      return source as unknown as EventSource;
    },
  };
}
