import type { Server } from 'node:http';
import { getHeapStatistics } from 'node:v8';

/** Work the process does besides answering requests (a metrics sample): the release waits until it ends. */
export interface Activity {
  started(): void;
  ended(): void;
}

/** What the release looks at: the JavaScript heap's size and the buffers outside it, in bytes. */
export interface HeapSize {
  heap: number;
  external: number;
}

export interface MemoryReleaseOptions {
  /** A full collection that also hands freed pages back to the system. */
  collect: () => void;
  /** How big the heap is now. */
  size?: () => HeapSize;
  /** How often to look. */
  checkEveryMs?: number;
  /** No request in flight and none ended for this long: the console is quiet. */
  quietMs?: number;
  /** Collect once the heap or the buffers grew this much since the last collection. */
  growthBytes?: number;
  now?: () => number;
}

const MiB = 1024 * 1024;

/**
 * Gives memory back to the system when the console falls quiet. V8 collects garbage when its
 * heap fills and keeps the freed pages for later; after a page of thousands of topics, a
 * refresh of the live model or a search of a million records, that leaves the process holding
 * several times what it uses. Once no request has been in flight for a moment and the heap
 * (or the buffers outside it) grew markedly since the last time, this runs one full collection
 * that returns the free pages, so an idle console is as small as what it keeps. It never runs
 * while a request is being answered, and costs nothing while nothing grows.
 */
export class MemoryRelease implements Activity {
  readonly #options: Required<MemoryReleaseOptions>;
  #inFlight = 0;
  #lastActivity = 0;
  #afterLast: HeapSize;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: MemoryReleaseOptions) {
    this.#options = {
      size: heapSize,
      checkEveryMs: 1_000,
      quietMs: 1_000,
      growthBytes: 8 * MiB,
      now: Date.now,
      ...options,
    };
    this.#afterLast = this.#options.size();
  }

  /**
   * The collection the `--expose-gc` flag of `npm start` makes available, or undefined when
   * the process runs without it (specs, a TypeScript loader): then there is nothing to release.
   */
  static collectorOfThisProcess(): (() => void) | undefined {
    const gc = (globalThis as { gc?: (options: object) => void }).gc;
    // 'last-resort' is V8's collection for low memory: it also frees the pages it keeps pooled.
    return gc && (() => gc({ type: 'major', execution: 'sync', flavor: 'last-resort' }));
  }

  /** Counts the server's requests in flight, and starts looking. */
  watch(server: Server): this {
    server.on('request', (_request, response) => {
      this.requestStarted();
      response.once('close', () => this.requestEnded());
    });
    this.#timer ??= setInterval(() => this.check(), this.#options.checkEveryMs).unref();
    return this;
  }

  requestStarted(): void {
    this.#inFlight++;
    this.#lastActivity = this.#options.now();
  }

  requestEnded(): void {
    this.#inFlight--;
    this.#lastActivity = this.#options.now();
  }

  /** Work other than a request began: as {@link requestStarted}. */
  started(): void {
    this.requestStarted();
  }

  /** That work ended: once quiet, what it allocated is handed back. */
  ended(): void {
    this.requestEnded();
  }

  /** Collects if the console is quiet and grew since the last collection; says whether it did. */
  check(): boolean {
    if (this.#inFlight > 0 || this.#options.now() - this.#lastActivity < this.#options.quietMs) return false;
    const now = this.#options.size();
    const grown =
      now.heap - this.#afterLast.heap >= this.#options.growthBytes || now.external - this.#afterLast.external >= this.#options.growthBytes;
    if (!grown) return false;
    this.#options.collect();
    this.#afterLast = this.#options.size();
    return true;
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

function heapSize(): HeapSize {
  const statistics = getHeapStatistics();
  return { heap: statistics.total_heap_size, external: statistics.external_memory };
}
