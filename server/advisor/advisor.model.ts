/**
 * The API contract of the Advisor: the pipeline's tuning lessons, each computed from what the
 * cluster and its apps show, with the numbers behind it, the exact settings to change, and why.
 * The Angular app imports these types too.
 */

/** Which lesson a finding comes from. */
export type AdvisorRule =
  /** Replication factor, `min.insync.replicas`, unclean leader election, retention of event topics. */
  | 'durability'
  /** Changelog retention against the store's window, and the time a restore takes. */
  | 'changelog'
  /** RocksDB's off-heap memory per Streams app, against the app's metrics and a budget. */
  | 'rocksdb'
  /** Records per batch written to busy topics; `batch.size` and `linger.ms`. */
  | 'batching'
  /** Consumer groups that stall or stop; idempotence where duplicates were found. */
  | 'consumers'
  /** Event topics written without keys, keys that do not match the aggregate, partition skew. */
  | 'keys'
  /** Joined topics that are not co-partitioned. */
  | 'copartition';

/** How much a finding matters: data can be lost or a join is wrong; a risk or waste; worth knowing. */
export type FindingSeverity = 'critical' | 'warning' | 'info';

/** What a finding is about. */
export interface FindingSubject {
  kind: 'cluster' | 'topic' | 'consumer-group' | 'streams-app' | 'store' | 'connector';
  name: string;
}

/** One number behind a finding, and where it was measured. */
export interface Evidence {
  label: string;
  /** The number or setting, as the page shows it (units included). */
  value: string;
  /** Where it comes from: "topic config", "sampled every 15 s", "the app's JMX metrics", "record batches read from the log"… */
  source: string;
}

/** The change that fixes a finding: config lines to paste where they belong. */
export interface Fix {
  /** Where the lines go. */
  target: 'topic' | 'broker' | 'producer' | 'consumer' | 'streams-app' | 'connector';
  /** What to do, in a sentence. */
  summary: string;
  /** The exact config, one `key=value` per line (or a command / Java snippet where a setting cannot say it). */
  config: string;
  /** The trade-off or the reason, in plain words. */
  why: string;
}

/** One piece of advice. */
export interface Finding {
  /** Stable for the same rule and subject, so a page can keep one open across refreshes. */
  id: string;
  rule: AdvisorRule;
  severity: FindingSeverity;
  subject: FindingSubject;
  /** One line: what is wrong, with the number. */
  title: string;
  evidence: Evidence[];
  fix: Fix;
  /** The console page that shows the subject, e.g. `/clusters/local/topics/orders`. */
  link: string;
}

/** `GET /api/clusters/:cluster/advisor`. */
export interface AdvisorReport {
  asOf: string;
  findings: Finding[];
  /** Rules that could not be evaluated now, and why (an app with no metrics endpoint, a topic that could not be read). */
  skipped: { rule: AdvisorRule; reason: string }[];
}

/** Kafka Streams' RocksDB defaults, per store instance (`RocksDBStore`, Kafka 4.x). */
export const ROCKSDB_DEFAULTS = {
  writeBufferSizeBytes: 16 * 1024 * 1024,
  maxWriteBufferNumber: 3,
  blockCacheSizeBytes: 50 * 1024 * 1024,
} as const;

/** The inputs of the RocksDB memory estimate of one store. */
export interface RocksDbStoreShape {
  /** Partitions of the store's input, so store instances across the app. */
  partitions: number;
  /** Segments of a windowed store (1 for a key-value store): each segment is its own RocksDB instance. */
  segments: number;
  writeBufferSizeBytes: number;
  maxWriteBufferNumber: number;
  blockCacheSizeBytes: number;
}

/**
 * Off-heap memory RocksDB may take for one store, unbounded (no shared cache or write-buffer
 * manager): per instance `write_buffer_size × max_write_buffer_number + block_cache_size`,
 * × partitions, × segments. With the defaults, 98 MiB an instance: a windowed store on 12
 * partitions with 3 segments may take 3,528 MiB.
 */
export function rocksDbStoreBytes(store: RocksDbStoreShape): number {
  const perInstance = store.writeBufferSizeBytes * store.maxWriteBufferNumber + store.blockCacheSizeBytes;
  return perInstance * store.partitions * Math.max(1, store.segments);
}
