import { Consumer } from '../kafka/client';

/** One figure: what was measured `runs` times, and anything the last run said about itself. */
export interface Figure {
  unit: 'ms' | 'records/s' | 'MiB';
  runs: number;
  median: number;
  min: number;
  max: number;
  /** What the figure means where the name does not say it all (e.g. which way a search ran). */
  note?: string;
  [detail: string]: unknown;
}

/** Median, min and max of `values`, rounded for the report (ms and MiB to 0.1, rates to whole records). */
export function figure(unit: Figure['unit'], values: number[], details: Record<string, unknown> = {}): Figure {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const round = unit === 'records/s' ? Math.round : (n: number) => Math.round(n * 10) / 10;
  return { unit, runs: values.length, median: round(median), min: round(sorted[0]!), max: round(sorted.at(-1)!), ...details };
}

/** A GET of the console's JSON API; fails on any status but 200, naming the answer. */
export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${body.slice(0, 300)}`);
  return JSON.parse(body) as T;
}

/**
 * A route's warm latency: `warmUp` unmeasured calls (connections, caches, JIT), then `runs`
 * measured ones, each from sending the request to having parsed the whole answer. `check` sees
 * the last answer and returns what the report should say about it (or throws when it is wrong).
 */
export async function timeRoute<T>(
  url: string,
  runs: number,
  check: (answer: T) => Record<string, unknown> = () => ({}),
  warmUp = 3,
): Promise<Figure> {
  for (let i = 0; i < warmUp; i++) await getJson<T>(url);
  const ms: number[] = [];
  let answer: T | undefined;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    answer = await getJson<T>(url);
    ms.push(performance.now() - started);
  }
  return figure('ms', ms, check(answer as T));
}

/** The group list today is an array; the live model answers a page `{ items, total, asOf }`. Both are read. */
export function groupListItems(answer: unknown): { items: { groupId: string; totalLag: number | null }[]; total: number; shape: string } {
  if (Array.isArray(answer)) return { items: answer, total: answer.length, shape: 'array' };
  const page = answer as { items: { groupId: string; totalLag: number | null }[]; total: number };
  return { items: page.items, total: page.total, shape: 'page' };
}

/** How long one whole read of the large topic may take before the bench gives up on it. */
const READ_TIMEOUT_MS = 600_000;

/** Which way a search reads the topic, in the search stream's words. */
export type SearchDirection = 'oldest' | 'newest';

/** One whole-topic search: how long, how many records it read, and how many requests it took. */
interface ScanRun {
  ms: number;
  records: number;
  requests: number;
  /** Whether it stopped at the bench's cap rather than at the end of the topic. */
  isCut: boolean;
}

/**
 * Whether the console has the search stream (`GET .../search`, Server-Sent Events), asked
 * with a search for a string that matches nothing.
 */
export async function hasSearchStream(baseUrl: string, topic: string): Promise<boolean> {
  const controller = new AbortController();
  const res = await fetch(searchStreamUrl(baseUrl, topic, 'oldest'), { signal: controller.signal });
  controller.abort();
  await res.body?.cancel().catch(() => undefined);
  return res.status === 200 && (res.headers.get('content-type') ?? '').startsWith('text/event-stream');
}

function searchStreamUrl(baseUrl: string, topic: string, direction: SearchDirection, contains = 'kpc-bench-probe'): string {
  return `${baseUrl}/api/clusters/bench/topics/${topic}/search?contains=${encodeURIComponent(contains)}&direction=${direction}`;
}

/**
 * One search through the stream, timed until its `done` event. The records read are taken
 * from the last event that counts them (`scanned.records` or `records`), else the topic size.
 */
export async function streamSearch(
  baseUrl: string,
  topic: string,
  direction: SearchDirection,
  contains: string,
  topicRecords: number,
): Promise<ScanRun> {
  const started = performance.now();
  const res = await fetch(searchStreamUrl(baseUrl, topic, direction, contains), {
    headers: { accept: 'text/event-stream' },
    signal: AbortSignal.timeout(READ_TIMEOUT_MS),
  });
  if (res.status !== 200 || !res.body) throw new Error(`the search stream answered ${res.status}`);
  const decoder = new TextDecoder();
  let buffered = '';
  let records: number | undefined;
  for await (const chunk of res.body) {
    buffered += decoder.decode(chunk as Uint8Array, { stream: true });
    let end: number;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const event = parseEvent(buffered.slice(0, end));
      buffered = buffered.slice(end + 2);
      records = recordsIn(event.data) ?? records;
      if (event.name === 'error') throw new Error(`the search stream failed: ${event.data}`);
      if (event.name === 'done') {
        const ms = performance.now() - started;
        await res.body.cancel().catch(() => undefined);
        return { ms, records: records ?? topicRecords, requests: 1, isCut: false };
      }
    }
  }
  throw new Error('the search stream ended without a done event');
}

function parseEvent(text: string): { name: string; data: string } {
  let name = 'message';
  const data: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  return { name, data: data.join('\n') };
}

function recordsIn(data: string): number | undefined {
  try {
    const parsed = JSON.parse(data) as { scanned?: { records?: number }; records?: number };
    return parsed.scanned?.records ?? (typeof parsed.records === 'number' ? parsed.records : undefined);
  } catch {
    return undefined;
  }
}

/**
 * One search through the message browser's pages (`GET .../messages?contains=`), following
 * `nextCursor` until the end of the topic or `capMs`, whichever comes first: the way a user
 * searches without the stream, clicking "load more".
 */
export async function pagedSearch(
  baseUrl: string,
  topic: string,
  direction: SearchDirection,
  contains: string,
  topicRecords: number,
  capMs: number,
): Promise<ScanRun> {
  const started = performance.now();
  const base = `${baseUrl}/api/clusters/bench/topics/${topic}/messages?limit=500&contains=${encodeURIComponent(contains)}&direction=${
    direction === 'oldest' ? 'forward' : 'backward'
  }`;
  let cursor: string | null = null;
  let positions: { offset: number | string }[];
  let requests = 0;
  do {
    const page: { nextCursor: string | null; positions: { offset: number | string }[] } = await getJson(
      cursor ? `${base}&cursor=${encodeURIComponent(cursor)}` : base,
    );
    requests++;
    positions = page.positions;
    cursor = page.nextCursor;
  } while (cursor && performance.now() - started < capMs);
  // Progress, not records fetched: newest first re-reads overlapping windows. The bench's topic
  // starts at offset 0 in every partition, so the positions say how much of it is behind.
  const standing = positions.reduce((sum, position) => sum + Number(position.offset), 0);
  const records = cursor === null ? topicRecords : direction === 'oldest' ? standing : topicRecords - standing;
  return { ms: performance.now() - started, records, requests, isCut: cursor !== null };
}

/**
 * Runs a scan `runs` times; the figure is its rate in records per second. A scan cut short is
 * not repeated: it read far slower than the wire, and more of the same would only lengthen the run.
 */
export async function scanRate(runs: number, scan: () => Promise<ScanRun>): Promise<Figure> {
  const done: ScanRun[] = [];
  while (done.length < runs && !done.at(-1)?.isCut) done.push(await scan());
  const last = done.at(-1)!;
  return figure(
    'records/s',
    done.map((run) => run.records / (run.ms / 1000)),
    {
      seconds: figure(
        'ms',
        done.map((run) => run.ms / 1000),
      ).median,
      recordsRead: last.records,
      requests: last.requests,
      ...(last.isCut && { cutShortAfterSeconds: Math.round(last.ms / 100) / 10 }),
    },
  );
}

/**
 * The reference: the Kafka client itself reading the whole topic from the earliest offsets as
 * a plain consumer (no decoding beyond the client's own), timed from asking to the last record.
 * Each run joins a group of its own, so no committed offset shortens the next run.
 */
export async function clientFullRead(bootstrapServers: string[], topic: string, records: number, run: number): Promise<ScanRun> {
  const consumer = new Consumer({
    clientId: 'kpc-bench-reader',
    groupId: `bench.reader.${run}`,
    bootstrapBrokers: bootstrapServers,
    autocommit: false,
    maxBytes: 64 * 1024 * 1024,
    maxBytesPerPartition: 8 * 1024 * 1024,
    maxWaitTime: 100,
  });
  try {
    const started = performance.now();
    const stream = await consumer.consume({ topics: [topic], mode: 'earliest' });
    let read = 0;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the client read ${read} of ${records} records in ${READ_TIMEOUT_MS / 1000} s`)),
        READ_TIMEOUT_MS,
      );
      stream.on('data', () => {
        if (++read === records) {
          clearTimeout(timer);
          resolve();
        }
      });
      stream.on('error', reject);
    });
    const ms = performance.now() - started;
    await stream.close();
    return { ms, records: read, requests: 0, isCut: false };
  } finally {
    await consumer.close(true);
  }
}
