import { javaDefaultPartition } from '../kafka/java-partitioner';
import type {
  Cause,
  CopartitionGroup,
  CopartitionReport,
  Finding,
  KeyEvidence,
  KeyPlacement,
  TopicSample,
  Verdict,
} from './copartition.model';
import { decodeKey } from './key-decoding';
import { FIXES, describe as describeFinding } from './findings';

/** The newest records read from one topic: partition and key bytes. */
export interface TopicRecords {
  topic: string;
  partitions: number;
  records: { partition: number; key: Buffer | null }[];
}

const MAX_EXAMPLES = 25;

interface Seen extends KeyPlacement {
  raw: Buffer;
  /** A smaller partition count murmur2 agrees with, when it disagrees with the current one. */
  placedForCount: number | null;
}

/**
 * Judges whether the topics of a group are co-partitioned, from sampled keys. Kafka Streams
 * joins a record only with records of the same partition number, so it is not enough that
 * the counts match: each logical key must land on the same partition number in every topic.
 */
export function analyzeGroup(group: CopartitionGroup, samples: TopicRecords[], now = new Date()): CopartitionReport {
  const seenByTopic = samples.map((sample) => ({ sample, keys: placements(sample) }));
  const findings: Finding[] = [];
  const counts = new Set(samples.map((sample) => sample.partitions));
  if (counts.size > 1) {
    const grown = samples.map((sample) => ({ ...sample, grewFrom: earlierPartitionCount(sample) }));
    findings.push(finding('partition-count', [], 0, { samples: grown }));
  }

  const byLogical = new Map<string, Seen[]>();
  for (const { keys } of seenByTopic) for (const [logical, seen] of keys) byLogical.set(logical, [...(byLogical.get(logical) ?? []), seen]);
  const common = [...byLogical].filter(([, seen]) => seen.length > 1);
  const mismatched = new Map<Cause, KeyEvidence[]>();
  for (const [key, seen] of common) {
    if (new Set(seen.map((s) => s.partition)).size === 1) continue;
    const cause = causeOf(seen, counts.size > 1);
    if (cause === 'partition-count') continue; // reported once, for the whole group
    mismatched.set(cause, [...(mismatched.get(cause) ?? []), { key, cause, placements: seen.map(publicPlacement) }]);
  }
  for (const [cause, keys] of mismatched) findings.push(finding(cause, keys.slice(0, MAX_EXAMPLES), keys.length, { samples }));

  const risks = atRisk(
    seenByTopic.map(({ sample, keys }) => ({ sample, seen: [...keys.values()] })),
    common,
    findings,
  );
  const topics = seenByTopic.map(({ sample, keys }) => topicSample(sample, [...keys.values()]));
  const sampled = topics.reduce((sum, topic) => sum + topic.recordsSampled, 0);
  const verdict: Verdict = findings.length
    ? 'broken'
    : risks.length
      ? 'at-risk'
      : sampled === 0 && counts.size === 1
        ? 'unknown'
        : 'healthy';
  return {
    group,
    verdict,
    summary: summarize(verdict, findings, risks, common.length, samples),
    findings: [...findings, ...risks],
    topics,
    commonKeys: common.length,
    checkedAt: now.toISOString(),
  };
}

/** Each logical key of a topic with where it sits (its first sampled occurrence). */
function placements(sample: TopicRecords): Map<string, Seen> {
  const oldCount = earlierPartitionCount(sample);
  const keys = new Map<string, Seen>();
  for (const record of sample.records) {
    if (!record.key) continue;
    const decoded = decodeKey(record.key);
    if (keys.has(decoded.logical)) continue;
    const expectedPartition = javaDefaultPartition(record.key, sample.partitions);
    keys.set(decoded.logical, {
      topic: sample.topic,
      partition: record.partition,
      expectedPartition,
      schemaId: decoded.schemaId,
      keyHex: record.key.toString('hex'),
      raw: record.key,
      placedForCount: expectedPartition === record.partition ? null : oldCount,
    });
  }
  return keys;
}

function causeOf(seen: Seen[], countsDiffer: boolean): Cause {
  const schemaIds = new Set(seen.map((s) => s.schemaId));
  if (seen.every((s) => s.schemaId !== null) && schemaIds.size > 1) return 'schema-id';
  if (new Set(seen.map((s) => s.keyHex)).size > 1) return 'encoding';
  if (countsDiffer) return 'partition-count';
  return seen.some((s) => s.placedForCount !== null) ? 'partitions-added' : 'custom-partitioner';
}

/** What agrees today but will break, or cannot be proven to agree. */
function atRisk(topics: { sample: TopicRecords; seen: Seen[] }[], common: [string, Seen[]][], findings: Finding[]): Finding[] {
  const risks: Finding[] = [];
  const reported = new Set(findings.map((f) => f.cause));
  const withSchema = topics.filter(({ seen }) => seen.some((s) => s.schemaId !== null));
  if (withSchema.length > 0 && !reported.has('schema-id')) {
    const keys = common
      .filter(([, seen]) => seen.some((s) => s.schemaId !== null))
      .slice(0, MAX_EXAMPLES)
      .map(([key, seen]): KeyEvidence => ({ key, cause: 'schema-id', placements: seen.map(publicPlacement) }));
    risks.push(finding('schema-id', keys, keys.length, { atRisk: true, topics: withSchema.map(({ sample }) => sample.topic) }));
  }
  const offMurmur = topics.filter(({ seen }) => seen.some((s) => s.partition !== s.expectedPartition));
  for (const cause of ['partitions-added', 'custom-partitioner'] as const) {
    const topicsWithCause = offMurmur.filter(({ seen }) =>
      seen.some((s) => s.partition !== s.expectedPartition && (s.placedForCount !== null) === (cause === 'partitions-added')),
    );
    if (!topicsWithCause.length || reported.has(cause)) continue;
    const keys = topicsWithCause
      .flatMap(({ seen }) => seen.filter((s) => s.partition !== s.expectedPartition))
      .slice(0, MAX_EXAMPLES)
      .map((s): KeyEvidence => ({ key: decodeKey(s.raw).logical, cause, placements: [publicPlacement(s)] }));
    risks.push(finding(cause, keys, keys.length, { atRisk: true, topics: topicsWithCause.map(({ sample }) => sample.topic) }));
  }
  return risks;
}

function finding(cause: Cause, keys: KeyEvidence[], keyCount: number, context: Parameters<typeof describeFinding>[1]): Finding {
  return { cause, summary: describeFinding(cause, context), fix: FIXES[cause], keys, keyCount };
}

/**
 * The smaller partition count that murmur2 agrees with for every record the current count
 * does not explain: the topic had that many partitions when they were written. Null when
 * no single count explains them all (a custom partitioner) or when nothing needs explaining.
 */
function earlierPartitionCount(sample: TopicRecords): number | null {
  const off = sample.records.filter((r) => r.key && javaDefaultPartition(r.key, sample.partitions) !== r.partition);
  if (off.length === 0) return null;
  const highest = Math.max(...off.map((r) => r.partition));
  for (let count = sample.partitions - 1; count > highest; count--) {
    if (off.every((r) => javaDefaultPartition(r.key!, count) === r.partition)) return count;
  }
  return null;
}

function topicSample(sample: TopicRecords, seen: Seen[]): TopicSample {
  const keyed = sample.records.filter((record) => record.key);
  return {
    topic: sample.topic,
    partitions: sample.partitions,
    recordsSampled: sample.records.length,
    keysWithSchemaId: seen.filter((s) => s.schemaId !== null).length,
    recordsOffMurmur2: keyed.filter((record) => javaDefaultPartition(record.key!, sample.partitions) !== record.partition).length,
  };
}

function publicPlacement({ topic, partition, expectedPartition, schemaId, keyHex }: Seen): KeyPlacement {
  return { topic, partition, expectedPartition, schemaId, keyHex };
}

function summarize(verdict: Verdict, findings: Finding[], risks: Finding[], common: number, samples: TopicRecords[]): string {
  const topics = samples.map((s) => s.topic).join(', ');
  const misplaced = findings.reduce((sum, f) => sum + f.keyCount, 0);
  switch (verdict) {
    case 'broken':
      return findings.some((f) => f.cause === 'partition-count')
        ? `Not co-partitioned: the topics have different partition counts${misplaced ? `, and ${misplaced} of ${common} shared keys sit on different partitions` : ''}.`
        : `Not co-partitioned: ${misplaced} of ${common} keys seen in several topics sit on different partition numbers.`;
    case 'at-risk':
      return `Co-partitioned today${common ? ` (${common} shared keys agree)` : ''}, but at risk: ${risks.map((f) => f.cause.replace('-', ' ')).join(', ')}.`;
    case 'unknown':
      return `No keyed records in ${topics} to check yet; the partition counts agree.`;
    default:
      return `Co-partitioned: same partition count, and ${common} key(s) seen in several topics sit on the same partition in each.`;
  }
}
