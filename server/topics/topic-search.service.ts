import type { ClusterConfig } from '../kafka/clusters-config';
import type { RawRecord, ScanChunk, ScanStart } from '../kafka/partition-reader';
import { AppError } from '../shared/app-error';
import { toOffset } from '../shared/offset';
import { toMessage } from './message-scan';
import type { MessagesGateway } from './messages.gateway';
import type { TopicsGateway } from './topics.gateway';
import type { SearchEvent, SearchFailure, SearchQuery, SearchStop } from './topic-search.model';

/**
 * How hard a search pulls on the cluster. The bytes in flight are shared by the partitions
 * read at once, so memory stays the same whatever the topic: one response per partition
 * being read, searched and dropped.
 */
export const SEARCH_TUNING = {
  /** Bytes asked for by all fetches in flight together. */
  bytesInFlight: 16 * 1024 * 1024,
  /** The most (and least) one fetch asks for. */
  maxFetchBytes: 8 * 1024 * 1024,
  minFetchBytes: 64 * 1024,
  /** Partitions read at the same time. */
  partitionsAtOnce: 6,
  /** Progress is reported at most this often. */
  progressEveryMs: 250,
};

/** The first window going backward, small: the records' size is not known yet. */
const FIRST_BACKWARD_WINDOW = 100n;
/** Errors a fresh look at the partition's leader cures. */
const LEADER_ERRORS = new Set([
  'LEADER_NOT_AVAILABLE',
  'NOT_LEADER_OR_FOLLOWER',
  'FENCED_LEADER_EPOCH',
  'UNKNOWN_LEADER_EPOCH',
  'NO_RESPONSE',
]);

/** A search checked and bounded: which partitions it reads, over which offsets. */
export interface SearchPlan {
  topic: string;
  query: SearchQuery;
  /** Each partition's records at the start: `[from, to)`. Records written later are not searched. */
  partitions: { partition: number; from: bigint; to: bigint }[];
}

/** Where the events go, and the end of the search when the client leaves. */
export interface SearchSink {
  /** Writes one event; resolves when the client can take more. */
  emit(event: SearchEvent): Promise<void>;
  signal: AbortSignal;
}

/**
 * Searches every record of a topic for some bytes in one pass, streaming progress and
 * matches. Each partition is read in large fetches whose record bytes are searched before
 * anything is decoded (see `PartitionReader.search`); only matches become messages. Going
 * from the newest records, each partition is read backward in windows of offsets that fill
 * one fetch, each window's matches given newest first.
 */
export class TopicSearchService {
  constructor(
    private readonly topics: TopicsGateway,
    private readonly messages: MessagesGateway,
    private readonly tuning = SEARCH_TUNING,
  ) {}

  /**
   * Checks the topic and partition and fixes the range to search; fails (404, 400) before
   * any event is sent, so a bad request is answered with a status and not a stream.
   */
  async plan(cluster: ClusterConfig, topic: string, query: SearchQuery): Promise<SearchPlan> {
    const count = (await this.topics.partitionCounts(cluster, [topic])).get(topic)!;
    if (query.partition !== undefined && query.partition >= count) {
      throw new AppError('PARTITION_NOT_FOUND', `${topic} has no partition ${query.partition}: it has partitions 0 to ${count - 1}`);
    }
    const ref = [{ name: topic, partitions: count }];
    const earliest = (await this.topics.offsets(cluster, ref, 'earliest')).get(topic) ?? [];
    const latest = (await this.topics.offsets(cluster, ref, 'latest')).get(topic) ?? [];
    const numbers = query.partition === undefined ? [...Array(count).keys()] : [query.partition];
    return {
      topic,
      query,
      partitions: numbers.map((partition) => ({ partition, from: earliest[partition] ?? 0n, to: latest[partition] ?? 0n })),
    };
  }

  /**
   * Runs the search to its end, its limit, or until the sink's signal aborts: then no
   * further fetch is sent, and what a fetch in flight brings back is dropped. A failure
   * after the stream began becomes its last event.
   */
  async run(cluster: ClusterConfig, plan: SearchPlan, sink: SearchSink): Promise<void> {
    const search = new RunningSearch(plan, sink, this.tuning, (start, needle, bytes, refresh) =>
      this.messages.search(cluster, plan.topic, start, needle, bytes, refresh),
    );
    try {
      await search.run();
    } catch (error) {
      if (sink.signal.aborted) return;
      await sink.emit({ type: 'error', data: failureOf(error) });
      if (!(error instanceof AppError)) throw error;
    }
  }
}

type Fetch = (start: ScanStart, needle: Buffer, maxBytes: number, refreshMetadata: boolean) => Promise<ScanChunk>;

interface PartitionState {
  partition: number;
  from: bigint;
  to: bigint;
  position: bigint;
  records: number;
  bytes: number;
}

/** One search's state: its totals, each partition's position, and whether to go on. */
class RunningSearch {
  readonly #started = Date.now();
  readonly #needle: Buffer;
  readonly #states: PartitionState[];
  readonly #stop = new AbortController();
  readonly #fetchBytes: number;
  #matches = 0;
  #stoppedBy: SearchStop = 'end';
  #lastProgress = 0;

  constructor(
    private readonly plan: SearchPlan,
    private readonly sink: SearchSink,
    private readonly tuning: typeof SEARCH_TUNING,
    private readonly fetch: Fetch,
  ) {
    this.#needle = Buffer.from(plan.query.contains, 'utf8');
    const isNewestFirst = plan.query.direction === 'newest';
    this.#states = plan.partitions.map((p) => ({ ...p, position: isNewestFirst ? p.to : p.from, records: 0, bytes: 0 }));
    const atOnce = Math.min(this.#states.length, tuning.partitionsAtOnce) || 1;
    this.#fetchBytes = Math.max(tuning.minFetchBytes, Math.min(tuning.maxFetchBytes, Math.floor(tuning.bytesInFlight / atOnce)));
    const stop = () => this.#stop.abort();
    if (sink.signal.aborted) stop();
    else sink.signal.addEventListener('abort', stop, { once: true });
  }

  get #isStopped(): boolean {
    return this.#stop.signal.aborted;
  }

  async run(): Promise<void> {
    await this.#progress(true);
    const waiting = [...this.#states];
    const worker = async () => {
      for (let state = waiting.shift(); state && !this.#isStopped; state = waiting.shift()) {
        await (this.plan.query.direction === 'oldest' ? this.#forward(state) : this.#backward(state));
      }
    };
    await Promise.all(Array.from({ length: Math.min(waiting.length, this.tuning.partitionsAtOnce) }, worker)).catch((error: unknown) => {
      // One partition failed: the others stop at their next fetch rather than read on for nothing.
      this.#stop.abort();
      throw error;
    });
    if (this.sink.signal.aborted) return;
    await this.#progress(true);
    await this.sink.emit({
      type: 'done',
      data: {
        scannedRecords: this.#total('records'),
        matches: this.#matches,
        elapsedMs: Date.now() - this.#started,
        stoppedBy: this.#stoppedBy,
      },
    });
  }

  /** From the partition's oldest record to its newest, matches given as found. */
  async #forward(state: PartitionState): Promise<void> {
    while (state.position < state.to && !this.#isStopped) {
      const chunk = await this.#read(state, state.position, state.to);
      if (!chunk) return;
      // A fetch may read past the end the search fixed at its start; what lies there is not counted.
      state.position = minOf(chunk.nextOffset, state.to);
      for (const match of chunk.matches) if (!(await this.#match(match))) return;
      await this.#progress();
    }
  }

  /**
   * From the partition's newest record to its oldest, in windows of offsets sized to fill one
   * fetch by the bytes per record seen so far; a window's matches are given newest first.
   */
  async #backward(state: PartitionState): Promise<void> {
    let window = FIRST_BACKWARD_WINDOW;
    while (state.position > state.from && !this.#isStopped) {
      const end = state.position;
      const start = maxOf(state.from, end - window);
      let found: RawRecord[] = [];
      for (let at = start; at < end;) {
        const chunk = await this.#read(state, at, end);
        if (!chunk) return;
        at = chunk.nextOffset;
        // Only the newest matches of a window can still be given, as many as the limit leaves.
        found = [...found, ...chunk.matches].sort((a, b) => (a.offset < b.offset ? 1 : -1)).slice(0, this.#room());
        await this.#progress();
      }
      state.position = start;
      for (const match of found) if (!(await this.#match(match))) return;
      await this.#progress();
      const bytesPerRecord = state.records > 0 ? state.bytes / state.records : 0;
      // 0.8: a window begins inside a batch, whose earlier records come along in the fetch.
      if (bytesPerRecord > 0) window = maxOf(1n, BigInt(Math.floor((this.#fetchBytes * 0.8) / bytesPerRecord)));
    }
  }

  /**
   * One fetch of `[offset, end)`, counted; undefined when the search stopped meanwhile (its
   * result is then dropped) or the partition has nothing more to give.
   */
  async #read(state: PartitionState, offset: bigint, end: bigint): Promise<ScanChunk | undefined> {
    let chunk: ScanChunk | undefined;
    for (let attempt = 0; ; attempt++) {
      if (this.#isStopped) return undefined;
      chunk = await this.fetch({ partition: state.partition, offset, end }, this.#needle, this.#fetchBytes, attempt > 0);
      if (this.#isStopped) return undefined;
      if (!chunk.error || !LEADER_ERRORS.has(chunk.error) || attempt >= 3) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    if (chunk.error === 'OFFSET_OUT_OF_RANGE') {
      // Retention removed records since the search began: go on from the log's start.
      if (chunk.logStartOffset < 0n || chunk.logStartOffset >= end) return { ...chunk, error: undefined, nextOffset: end };
      return { ...chunk, error: undefined, nextOffset: maxOf(offset, chunk.logStartOffset) };
    }
    if (chunk.error) {
      throw new AppError(
        'KAFKA_UNAVAILABLE',
        `Partition ${state.partition} of ${this.plan.topic} cannot be read now (${chunk.error}); search again`,
      );
    }
    if (chunk.nextOffset <= offset) {
      // Nothing came back below the end: the partition was truncated (or purged) under the search.
      return chunk.highWatermark <= offset ? { ...chunk, nextOffset: end } : undefined;
    }
    state.records += chunk.records;
    state.bytes += chunk.bytes;
    return chunk;
  }

  /** How many more matches the limit allows. */
  #room(): number {
    return Math.max(0, this.plan.query.limit - this.#matches);
  }

  /** Gives one match; false when the search is to stop (client gone, limit reached). */
  async #match(record: RawRecord): Promise<boolean> {
    if (this.#isStopped) return false;
    if (this.#room() === 0) return false;
    this.#matches++;
    if (this.#room() === 0) {
      this.#stoppedBy = 'limit';
      this.#stop.abort();
    }
    await this.sink.emit({ type: 'match', data: toMessage(record) });
    return !this.#isStopped;
  }

  async #progress(always = false): Promise<void> {
    const now = Date.now();
    if (!always && now - this.#lastProgress < this.tuning.progressEveryMs) return;
    if (this.sink.signal.aborted) return;
    this.#lastProgress = now;
    await this.sink.emit({
      type: 'progress',
      data: {
        scannedRecords: this.#total('records'),
        scannedBytes: this.#total('bytes'),
        partitions: this.#states.map(({ partition, from, to, position }) => ({
          partition,
          from: toOffset(from),
          to: toOffset(to),
          position: toOffset(position),
        })),
        elapsedMs: now - this.#started,
      },
    });
  }

  #total(of: 'records' | 'bytes'): number {
    return this.#states.reduce((sum, state) => sum + state[of], 0);
  }
}

/** The `error` event for a failure after the stream began; anything unforeseen is INTERNAL, its detail logged. */
export function failureOf(error: unknown): SearchFailure {
  return error instanceof AppError
    ? { code: error.code, message: error.message }
    : { code: 'INTERNAL', message: 'The search failed on the console; its log has the details' };
}

const maxOf = (a: bigint, b: bigint) => (a > b ? a : b);
const minOf = (a: bigint, b: bigint) => (a < b ? a : b);
