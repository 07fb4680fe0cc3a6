import { setTimeout as sleep } from 'node:timers/promises';
import { Consumer } from '../kafka/client';

export interface SlowConsumerOptions {
  bootstrapServers: string[];
  groupId: string;
  topics: string[];
  /** How long each reading burst lasts; default 20 s. */
  readMs?: number;
  /** How long it then stops reading; default 30 s. */
  pauseMs?: number;
  /** Its pace while reading; default 10 records a second. */
  recordsPerSecond?: number;
  clientId?: string;
  /** Told when reading fails for good (not when stopped); default: nothing. */
  onError?: (error: unknown) => void;
}

/**
 * A classic-protocol consumer group that reads in bursts: it reads (and commits each record)
 * for `readMs` at `recordsPerSecond`, then stops for `pauseMs`. Slower than the monolith while
 * it pauses, faster while it reads, so its lag climbs and drains like a sawtooth and the
 * console always has one group whose lag moves. It stays a member throughout.
 */
export class SlowConsumer {
  readonly #options: Required<SlowConsumerOptions>;
  readonly #stopping = new AbortController();
  #consumer: Consumer | undefined;
  #loop: Promise<void> | undefined;
  #read = 0;

  constructor(options: SlowConsumerOptions) {
    this.#options = {
      readMs: 20_000,
      pauseMs: 30_000,
      recordsPerSecond: 10,
      clientId: 'demo-slow-consumer',
      onError: () => undefined,
      ...options,
    };
  }

  /** Records read (and committed) so far. */
  get recordsRead(): number {
    return this.#read;
  }

  /** Joins the group and starts reading from its committed offsets (the earliest where it has none). */
  async start(): Promise<void> {
    const { bootstrapServers, groupId, topics, clientId } = this.#options;
    this.#consumer = new Consumer({ clientId, groupId, bootstrapBrokers: bootstrapServers, autocommit: false, maxWaitTime: 1000 });
    // A small buffer: while it pauses, the client stops fetching soon instead of filling memory.
    const stream = await this.#consumer.consume({ topics, mode: 'committed', fallbackMode: 'earliest', highWaterMark: 64 });
    const startedAt = Date.now();
    const signal = this.#stopping.signal;
    this.#loop = (async () => {
      const { readMs, pauseMs, recordsPerSecond } = this.#options;
      for await (const message of stream) {
        const intoCycle = (Date.now() - startedAt) % (readMs + pauseMs);
        if (intoCycle >= readMs) await sleep(readMs + pauseMs - intoCycle, undefined, { signal });
        await message.commit();
        this.#read++;
        await sleep(1000 / recordsPerSecond, undefined, { signal });
      }
    })().catch((error: unknown) => {
      if (!signal.aborted) this.#options.onError(error);
    });
  }

  /** Leaves the group and closes the client. */
  async stop(): Promise<void> {
    this.#stopping.abort();
    // Closing ends the stream the loop may be waiting on.
    await this.#consumer?.close(true);
    await this.#loop;
  }
}
