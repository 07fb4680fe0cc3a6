/** The API contract of co-partition health; the browser imports these types too. */
import type { Offset } from '../shared/offset';

/** Where a co-partition group comes from. */
export type GroupOrigin = 'declared' | 'consumer-group' | 'streams-app';

/** Topics that must be co-partitioned: same partition count, every key on the same partition number. */
export interface CopartitionGroup {
  /** Stable id: `declared:<name>`, `consumer-group:<group id>`, `streams-app:<application id>`. */
  id: string;
  name: string;
  origin: GroupOrigin;
  topics: string[];
  /** Why it was found, e.g. the consumer group that reads these topics. */
  reason: string;
}

export type Verdict = 'healthy' | 'at-risk' | 'broken' | 'unknown';

/** Why a key sits on different partition numbers, or why placement may break. */
export type Cause = 'partition-count' | 'schema-id' | 'encoding' | 'custom-partitioner' | 'partitions-added' | 'misplaced-key';

/** One topic's side of a key. */
export interface KeyPlacement {
  topic: string;
  partition: number;
  /** Where Java's default partitioner (murmur2 of the key bytes) puts these bytes. */
  expectedPartition: number;
  /** The schema-registry schema id in the key bytes, when they carry one. */
  schemaId: number | null;
  /** The key bytes as hex, for the evidence table. */
  keyHex: string;
}

/** A sampled record away from its key's partition: a join looks for the key elsewhere and misses it. */
export interface MisplacedRecord {
  topic: string;
  partition: number;
  offset: Offset;
}

export interface KeyEvidence {
  /** The logical key as text (after the wire-format header, decoded). */
  key: string;
  /** Where the key sits in each topic it was sampled in (its home partition there, if it has records on it). */
  placements: KeyPlacement[];
  cause: Cause;
  /**
   * The partition a join finds the key on: where most of its records that murmur2 agrees with
   * sit (then most of its records, then the first topic's).
   */
  homePartition: number;
  /** Sampled records of the key on another partition than {@link homePartition}, at most ten. */
  misplaced: MisplacedRecord[];
  /** How many sampled records of the key sit on another partition than {@link homePartition}. */
  misplacedCount: number;
}

export interface Finding {
  cause: Cause;
  /** What is wrong, in plain words. */
  summary: string;
  /** What to do about it. */
  fix: string;
  /** Example keys, at most a few dozen. */
  keys: KeyEvidence[];
  /** How many sampled keys show it. */
  keyCount: number;
}

export interface TopicSample {
  topic: string;
  partitions: number;
  recordsSampled: number;
  keysWithSchemaId: number;
  /** Sampled records whose partition is not murmur2(key bytes) mod partitions. */
  recordsOffMurmur2: number;
}

export interface CopartitionReport {
  group: CopartitionGroup;
  verdict: Verdict;
  /** The verdict in one sentence. */
  summary: string;
  findings: Finding[];
  topics: TopicSample[];
  /** Logical keys seen in at least two of the topics. */
  commonKeys: number;
  checkedAt: string;
}

export interface CheckRequest {
  topics: string[];
  /** Newest records read per partition; default 200, at most 5,000. */
  samplePerPartition?: number;
}

export interface CheckProgress {
  partitionsRead: number;
  partitionsTotal: number;
  recordsRead: number;
}

/** A running or finished check, polled by id. */
export interface CheckJob {
  id: string;
  status: 'running' | 'done' | 'failed';
  progress: CheckProgress;
  report?: CopartitionReport;
  error?: { code: string; message: string };
}

export interface GroupHealth {
  group: CopartitionGroup;
  report: CopartitionReport | null;
  /** Why the group could not be checked, e.g. a declared topic that was deleted since. */
  problem?: string;
}
