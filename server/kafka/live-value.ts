/** A value with the time it was read from the cluster. */
export interface Snapshot<T> {
  value: T;
  /** When the read that produced it started (epoch ms): the data is at least this fresh. */
  asOf: number;
}

/** When the oldest of the parts an answer is made of was read (ISO-8601): the answer's `asOf`. */
export function oldestOf(...parts: (Snapshot<unknown> | undefined)[]): string {
  return new Date(Math.min(...parts.filter((part) => part !== undefined).map((part) => part.asOf))).toISOString();
}

/** Kafka names compared by code unit: one order everywhere, and far cheaper than `localeCompare` on thousands. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How a caller wants a value: anew, or at most so old (see {@link LiveValue.get}). */
export interface ReadOptions {
  fresh?: boolean;
  maxAgeMs?: number;
}

export interface LiveValueOptions {
  /** Read again in the background this often while the value is in use. */
  refreshMs: number;
  /** Older than this, a caller waits for a new read instead of taking what is kept. */
  staleMs: number;
  /** Stop refreshing after this long without a caller. */
  idleMs: number;
  /** Called once the value stops refreshing for want of callers. */
  onIdle?: () => void;
}

/**
 * One piece of what the console knows of a cluster, kept in memory and read again in the
 * background while someone uses it, so callers answer from memory. A caller may ask for a
 * fresh read (a Refresh button); after the console changes the cluster the value is marked
 * out of date and the next caller waits for a read that started after the change, so a change
 * is never followed by a stale answer. One read runs at a time.
 */
export class LiveValue<T> {
  #kept: Snapshot<T> | undefined;
  #reading: { started: number; promise: Promise<Snapshot<T>> } | undefined;
  /** Reads that started before this (epoch ms) do not count: a change happened since. */
  #validFrom = 0;
  #lastUsed = 0;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly options: LiveValueOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The value, from memory when it is recent enough and nothing changed since; `fresh` reads it
   * anew. With `maxAgeMs` the caller takes a value at most that old and does not count as a
   * user: a periodic reader (the metrics sampler) keeps no background refresh going by itself.
   */
  async get({ fresh: asked = false, maxAgeMs }: ReadOptions = {}): Promise<Snapshot<T>> {
    // Kept for no time at all: every caller reads anew.
    const fresh = asked || this.options.staleMs === 0;
    const askedAt = this.now();
    if (maxAgeMs === undefined) {
      this.#lastUsed = askedAt;
      this.#schedule();
    }
    const kept = this.#kept;
    const maxAge = maxAgeMs ?? this.options.staleMs;
    if (!fresh && kept && kept.asOf >= this.#validFrom && askedAt - kept.asOf <= maxAge) return kept;
    // A read already under way counts if it started after what the caller must see.
    const since = fresh ? askedAt : this.#validFrom;
    const reading = this.#reading;
    if (reading && reading.started >= since) return reading.promise;
    if (reading) await reading.promise.catch(() => undefined);
    return this.#readNow();
  }

  /**
   * The value as {@link get} gives it, except before the first read: then it starts that read
   * and answers undefined at once, for a caller that can answer without this part meanwhile.
   */
  async getOnceKept(options: ReadOptions = {}): Promise<Snapshot<T> | undefined> {
    if (this.#kept || options.fresh || this.options.staleMs === 0) return this.get(options);
    if (options.maxAgeMs === undefined) {
      this.#lastUsed = this.now();
      this.#schedule();
    }
    void (this.#reading?.promise ?? this.#readNow()).catch(() => undefined);
    return undefined;
  }

  /** What is kept, however old, without reading; undefined before the first read. */
  peek(): Snapshot<T> | undefined {
    return this.#kept;
  }

  /** Marks what is kept as out of date: the next caller waits for a new read. */
  invalidate(): void {
    this.#validFrom = this.now();
  }

  /** Stops the background reads. */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #readNow(): Promise<Snapshot<T>> {
    const started = this.now();
    const promise = this.read().then((value) => {
      const snapshot = { value, asOf: started };
      if (!this.#kept || this.#kept.asOf <= started) this.#kept = snapshot;
      return snapshot;
    });
    const reading = { started, promise };
    this.#reading = reading;
    void promise
      .catch(() => undefined)
      .finally(() => {
        if (this.#reading === reading) this.#reading = undefined;
      });
    return promise;
  }

  #schedule(): void {
    if (this.#timer || this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.now() - this.#lastUsed > this.options.idleMs) {
        this.options.onIdle?.();
        return;
      }
      const refresh = this.#reading ? this.#reading.promise : this.#readNow();
      void refresh.catch(() => undefined).finally(() => this.#schedule());
    }, this.options.refreshMs);
    this.#timer.unref();
  }
}
