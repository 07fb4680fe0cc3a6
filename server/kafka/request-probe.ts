import { connectionsApiChannel } from '@platformatic/kafka';

/** Kafka's number for each request kind the probe can count (the protocol's API keys). */
const API_KEYS = { Fetch: 1, ListOffsets: 2, Metadata: 3 } as const;

/** A running count of requests of one kind that this process sent to any broker. */
export interface RequestCount {
  readonly count: number;
  stop(): void;
}

/**
 * Counts the requests of one kind this process sends from now on, through the client's
 * diagnostics channel: a spec's way to see what reached the wire (say, that a cancelled
 * search sends no further fetch), whichever code sent it.
 */
export function countRequests(kind: keyof typeof API_KEYS): RequestCount {
  let count = 0;
  const onStart = (message: unknown) => {
    if ((message as { apiKey?: number }).apiKey === API_KEYS[kind]) count++;
  };
  connectionsApiChannel.start.subscribe(onStart);
  return {
    get count() {
      return count;
    },
    stop: () => connectionsApiChannel.start.unsubscribe(onStart),
  };
}
