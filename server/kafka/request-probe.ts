import { connectionsApiChannel } from '@platformatic/kafka';
import type { Socket } from 'node:net';

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

/** Requests of every kind and the bytes on the wire, both ways, since the probe began. */
export interface TrafficCount {
  readonly requests: number;
  /** Bytes written to and read from the brokers' sockets since the probe began. */
  bytes(): { sent: number; received: number };
  stop(): void;
}

/**
 * Counts every request this process sends from now on and the bytes its broker connections
 * carry meanwhile: what one piece of work costs the cluster, for the bench.
 */
export function countTraffic(): TrafficCount {
  let requests = 0;
  // Each connection's byte counts when the probe first saw it.
  const sockets = new Map<Socket, { written: number; read: number }>();
  const onStart = (message: unknown) => {
    requests++;
    const socket = (message as { connection?: { socket?: Socket } }).connection?.socket;
    // A connection first seen now counts from zero less this request's bytes: close enough for a bench.
    if (socket && !sockets.has(socket)) sockets.set(socket, { written: socket.bytesWritten, read: socket.bytesRead });
  };
  connectionsApiChannel.start.subscribe(onStart);
  return {
    get requests() {
      return requests;
    },
    bytes() {
      let sent = 0;
      let received = 0;
      for (const [socket, start] of sockets) {
        sent += socket.bytesWritten - start.written;
        received += socket.bytesRead - start.read;
      }
      return { sent, received };
    },
    stop: () => connectionsApiChannel.start.unsubscribe(onStart),
  };
}
