import { javaDefaultPartition } from '../kafka/java-partitioner';
import { toOffset } from '../shared/offset';
import type { KeyPlacement, MisplacedRecord } from './copartition.model';
import { decodeKey } from './key-decoding';

/** The newest records read from one topic: where each sits, and its key bytes. */
export interface TopicRecords {
  topic: string;
  partitions: number;
  records: SampledRecord[];
}

export interface SampledRecord {
  partition: number;
  offset: bigint;
  /** The record's timestamp (ms): tells records written before partitions were added from strays written later. */
  timestamp: bigint;
  key: Buffer | null;
}

/** One sampled record of a logical key. */
export interface KeyRecord {
  topic: string;
  partition: number;
  offset: bigint;
  raw: Buffer;
  /** Where murmur2 of its bytes puts it with the topic's current partition count. */
  expectedPartition: number;
}

/** Where a key sits in one topic, with what the causes are read from. */
export interface Seen extends KeyPlacement {
  raw: Buffer;
  /** A smaller partition count murmur2 agrees with, when it disagrees with the current one. */
  placedForCount: number | null;
}

/** Every sampled record of one logical key in one topic. */
export interface TopicKey {
  sample: TopicRecords;
  records: KeyRecord[];
  /** The count the topic had when its off-murmur2 records were written, if partitions were added since. */
  oldCount: number | null;
}

/** The misplaced records an evidence row lists; the count says how many there are in all. */
const MAX_MISPLACED_SHOWN = 10;

/** Each logical key of a topic with all its sampled records, in the order they were read. */
export function recordsByKey(sample: TopicRecords): Map<string, TopicKey> {
  const oldCount = earlierPartitionCount(sample);
  const keys = new Map<string, TopicKey>();
  for (const record of sample.records) {
    if (!record.key) continue;
    const logical = decodeKey(record.key).logical;
    const entry = keys.get(logical) ?? { sample, records: [], oldCount };
    entry.records.push({
      topic: sample.topic,
      partition: record.partition,
      offset: record.offset,
      raw: record.key,
      expectedPartition: javaDefaultPartition(record.key, sample.partitions),
    });
    keys.set(logical, entry);
  }
  return keys;
}

/**
 * The partition a join finds a key on, from all its records in the group: the one holding
 * most records murmur2 agrees with (the default partitioner put them there), then most
 * records, then the first read. The key's records elsewhere are the misplaced ones.
 */
export function homePartition(records: KeyRecord[]): number {
  const score = new Map<number, { agreeing: number; all: number }>();
  for (const record of records) {
    const current = score.get(record.partition) ?? { agreeing: 0, all: 0 };
    current.all++;
    if (record.partition === record.expectedPartition) current.agreeing++;
    score.set(record.partition, current);
  }
  // A Map keeps insertion order, so a tie goes to the partition read first.
  let best: [number, { agreeing: number; all: number }] | undefined;
  for (const entry of score) {
    if (!best || entry[1].agreeing > best[1].agreeing || (entry[1].agreeing === best[1].agreeing && entry[1].all > best[1].all)) {
      best = entry;
    }
  }
  return best![0];
}

/** Where a key sits in one topic: its home partition if the topic has a record there, else where most of its records are. */
export function placementIn(key: TopicKey, home: number): Seen {
  const partition = key.records.some((r) => r.partition === home) ? home : homePartition(key.records);
  const record = key.records.find((r) => r.partition === partition)!;
  return seenOf(key, record);
}

/** A single record seen as a placement: for the records away from the key's home. */
export function seenOf(key: TopicKey, record: KeyRecord): Seen {
  return {
    topic: record.topic,
    partition: record.partition,
    expectedPartition: record.expectedPartition,
    schemaId: decodeKey(record.raw).schemaId,
    keyHex: record.raw.toString('hex'),
    raw: record.raw,
    placedForCount: record.expectedPartition === record.partition ? null : key.oldCount,
  };
}

/** The records a join misses, as the evidence shows them: the first few, and how many in all. */
export function misplacedOf(records: KeyRecord[], home: number): { misplaced: MisplacedRecord[]; misplacedCount: number } {
  const away = records.filter((record) => record.partition !== home);
  return {
    misplaced: away
      .slice(0, MAX_MISPLACED_SHOWN)
      .map((record) => ({ topic: record.topic, partition: record.partition, offset: toOffset(record.offset) })),
    misplacedCount: away.length,
  };
}

/** The evidence's public view of a placement. */
export function publicPlacement({ topic, partition, expectedPartition, schemaId, keyHex }: Seen): KeyPlacement {
  return { topic, partition, expectedPartition, schemaId, keyHex };
}

/**
 * The smaller partition count that murmur2 agrees with for every record the current count
 * does not explain: the topic had that many partitions when they were written. Null when
 * no single count explains them all (a custom partitioner), when nothing needs explaining,
 * or when a record it would explain is newer than records written after the growth (on the
 * added partitions, or of the same key where the current count puts it): a record forced
 * to some partition later can agree with a smaller count by chance.
 */
export function earlierPartitionCount(sample: TopicRecords): number | null {
  const keyed = sample.records.filter((r): r is SampledRecord & { key: Buffer } => r.key !== null);
  const agrees = (record: SampledRecord & { key: Buffer }, count: number) => javaDefaultPartition(record.key, count) === record.partition;
  const off = keyed.filter((r) => !agrees(r, sample.partitions));
  if (off.length === 0) return null;
  const highest = Math.max(...off.map((r) => r.partition));
  const newestOff = off.reduce((newest, r) => (r.timestamp > newest ? r.timestamp : newest), off[0]!.timestamp);
  const offKeys = new Set(off.map((r) => r.key.toString('hex')));
  for (let count = sample.partitions - 1; count > highest; count--) {
    if (!off.every((r) => agrees(r, count))) continue;
    const writtenAfter = keyed.filter((r) => r.partition >= count || (offKeys.has(r.key.toString('hex')) && agrees(r, sample.partitions)));
    if (writtenAfter.every((r) => r.timestamp >= newestOff)) return count;
  }
  return null;
}
