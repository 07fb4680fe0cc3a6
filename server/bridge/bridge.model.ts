/**
 * The API contract of the bridge's health: a topic a source connector (the bridge from a
 * monolith's table to Kafka) publishes to, the sequence its events carry, where the connector
 * resumes, and whether the sequence has gaps (lost data) or duplicates (at-least-once
 * delivery). The browser imports these types too.
 */
import type { Offset } from '../shared/offset';

/** Where a topic's events keep their sequence; kept per topic in the console topic `_kpc-bridge-settings`. */
export interface BridgeSettings {
  /** A JSON path into the record value, e.g. `sequence` or `meta.seq`. */
  sequenceField: string;
  /**
   * A JSON path into the value naming the event's aggregate (e.g. `id`), for records published
   * without a Kafka key; null: the record key, or the partition when there is none.
   */
  keyField: string | null;
}

/** A change of a topic's settings; `keyField` left out keeps the one set. */
export interface BridgeSettingsChange {
  sequenceField: string;
  keyField?: string | null;
}

/** One record of the topic, by where it is. */
export interface RecordRef {
  partition: number;
  offset: Offset;
}

/** The newest sequence of one partition. */
export interface PartitionSequence {
  partition: number;
  /** The partition's log end offset when it was read. */
  endOffset: Offset;
  /** The newest record holding a sequence, and its sequence; null when none of the newest records has one. */
  offset: Offset | null;
  sequence: number | null;
}

/** The highest sequence published, from the newest records of every partition. */
export interface PublishedSequence {
  sequence: number | null;
  /** The record holding it. */
  record: RecordRef | null;
  partitions: PartitionSequence[];
  /** Why no sequence was found (an empty topic, or values without the field), when none was. */
  problem?: string;
}

/** What a FileStreamSource offset (a byte position in its file) points at. */
export interface FilePosition {
  file: string;
  /** The committed byte position: the connector reads on from here after a restart. */
  position: number;
  /** Lines wholly before the position: those the connector has committed as published. */
  linesCommitted: number;
  /** The sequence of the last committed line; null when it has none (or there is no such line). */
  committedSequence: number | null;
  /** The 1-based number of the line the connector reads next; null when the position is at the end of the file. */
  nextLine: number | null;
  /** That line's sequence; null when there is no next line or it has no sequence. */
  nextSequence: number | null;
}

/** A source partition's committed offset (KIP-875), translated when the console can. */
export interface RestartPoint {
  /** The source partition as the connector defines it, e.g. `{ filename }`. */
  sourcePartition: Record<string, unknown>;
  /** The offset as the connector defines it, e.g. `{ position }`; null when none is committed. */
  offset: Record<string, unknown> | null;
  /** What the offset points at in the file; null when it cannot be translated. */
  filePosition: FilePosition | null;
  /** Why the offset cannot be translated into a line and sequence, when it cannot. */
  untranslatable?: string;
  /**
   * The highest sequence published minus the committed one: > 0, the topic holds events past
   * the restart point, which a restart now publishes again (duplicates); < 0, the topic lacks
   * events the connector committed as published (lost, purged or expired). Null when unknown.
   */
  publishedPastRestart: number | null;
}

/** A source connector that publishes to the topic. */
export interface BridgeSource {
  connectCluster: string;
  connector: string;
  className: string;
  state: string;
  /** One per source partition; empty while the worker has committed none. */
  restartPoints: RestartPoint[];
  /** Why the offsets could not be read, when they could not. */
  problem?: string;
}

/** The bridge's health of one topic. */
export interface BridgeHealth {
  topic: string;
  settings: BridgeSettings;
  published: PublishedSequence;
  sources: BridgeSource[];
  /** Connect clusters that could not be asked which connectors publish here, with why. */
  connectProblems: string[];
  /** When the topic's newest records were read (ISO-8601). */
  asOf: string;
}

/** The source connectors publishing to a topic, without reading anything else. */
export interface BridgeSources {
  topic: string;
  sources: { connectCluster: string; connector: string; className: string; state: string }[];
  connectProblems: string[];
}

/** What to scan: the newest `limit` records, or `limit` records from `fromOffset` on; one partition or all. */
export interface SequenceCheckRequest {
  limit?: number;
  fromOffset?: number;
  partition?: number;
}

/** One partition's part of a scan. */
export interface ScannedRange {
  partition: number;
  /** First offset read. */
  fromOffset: Offset;
  /** The offset after the last one read. */
  toOffset: Offset;
  /** Whether the scan began at the partition's log start (nothing older exists). */
  fromLogStart: boolean;
  /** Whether the scan reached the partition's end as it was when the check began. */
  toLogEnd: boolean;
}

/** A sequence found on more than one record. */
export interface DuplicateExample {
  sequence: number;
  records: RecordRef[];
}

/** Sequence numbers missing from `from` to `to` (inclusive). */
export interface GapExample {
  from: number;
  to: number;
  missing: number;
  /** The record holding `from - 1` and the one holding `to + 1`. */
  before: RecordRef | null;
  after: RecordRef | null;
}

/** A record of a key whose sequence is lower than an earlier record of the same key. */
export interface OutOfOrderExample {
  key: string;
  sequence: number;
  previousSequence: number;
  record: RecordRef;
  previousRecord: RecordRef;
}

export type SequenceVerdict = 'ok' | 'duplicates' | 'gaps' | 'no-sequence';

/** What a bounded check of the sequence found. See `sequence-check.ts` for what counts. */
export interface SequenceReport {
  topic: string;
  sequenceField: string;
  keyField: string | null;
  scanned: ScannedRange[];
  recordsRead: number;
  /** Why the scan stopped before reading all it planned (its byte or time budget), when it did. */
  stoppedEarly?: string;
  lowest: number | null;
  highest: number | null;
  /** The span gaps are counted in: where every partition was read (null when nothing was). */
  gapSpan: { from: number; to: number } | null;
  duplicates: { records: number; sequences: number; examples: DuplicateExample[] };
  gaps: { missing: number; ranges: number; examples: GapExample[] };
  outOfOrder: { records: number; examples: OutOfOrderExample[] };
  withoutSequence: { records: number; examples: RecordRef[] };
  verdict: SequenceVerdict;
  /** Plain words: a gap is lost data; duplicates are expected and consumers must be idempotent. */
  summary: string;
  checkedAt: string;
}

/** A running or finished check; poll it by id. */
export interface SequenceCheckJob {
  id: string;
  status: 'running' | 'done' | 'failed';
  progress: { recordsRead: number; recordsPlanned: number };
  report?: SequenceReport;
  error?: { code: string; message: string };
}
