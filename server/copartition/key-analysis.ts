import { javaDefaultPartition } from '../kafka/java-partitioner';
import type { Cause, CopartitionGroup, CopartitionReport, Finding, KeyEvidence, TopicSample, Verdict } from './copartition.model';
import { FIXES, describe as describeFinding, misplacedWords } from './findings';
import {
  earlierPartitionCount,
  homePartition,
  misplacedOf,
  placementIn,
  publicPlacement,
  recordsByKey,
  seenOf,
  type Seen,
  type TopicKey,
  type TopicRecords,
} from './key-placement';

const MAX_EXAMPLES = 25;

/** One logical key across the group: its records in each topic, its home, and where it sits in each. */
interface GroupKey {
  key: string;
  topics: TopicKey[];
  home: number;
  /** Per topic of {@link topics}, in the same order. */
  seen: Seen[];
}

/**
 * Judges whether the topics of a group are co-partitioned, from sampled keys. Kafka Streams
 * joins a record only with records of the same partition number, so it is not enough that
 * the counts match: every record of a logical key must sit on the same partition number in
 * every topic. A record away from the rest of its key is missed by a join, even when all its
 * other records agree.
 */
export function analyzeGroup(group: CopartitionGroup, samples: TopicRecords[], now = new Date()): CopartitionReport {
  const findings: Finding[] = [];
  const counts = new Set(samples.map((sample) => sample.partitions));
  if (counts.size > 1) {
    const grown = samples.map((sample) => ({ ...sample, grewFrom: earlierPartitionCount(sample) }));
    findings.push(finding('partition-count', [], 0, { samples: grown }));
  }

  const keys = groupKeys(samples);
  const common = keys.filter((key) => key.topics.length > 1);
  const mismatched = new Map<Cause, KeyEvidence[]>();
  let missed = 0;
  for (const key of common) {
    const evidence = mismatch(key, counts.size > 1);
    if (!evidence) continue;
    missed += evidence.misplacedCount;
    mismatched.set(evidence.cause, [...(mismatched.get(evidence.cause) ?? []), evidence]);
  }
  for (const [cause, evidence] of mismatched) {
    findings.push(
      cause === 'misplaced-key'
        ? misplacedFinding(evidence, false)
        : finding(cause, evidence.slice(0, MAX_EXAMPLES), evidence.length, { samples }),
    );
  }

  const strays = keys
    .filter((key) => key.topics.length === 1)
    .map((key) => mismatch(key, false))
    .filter((evidence) => evidence?.cause === 'misplaced-key') as KeyEvidence[];
  const risks = atRisk(keys, common, strays, findings);
  const topics = samples.map((sample) => topicSample(sample, keys));
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
    summary: summarize(verdict, findings, risks, { common: common.length, missed }, samples),
    findings: [...findings, ...risks],
    topics,
    commonKeys: common.length,
    checkedAt: now.toISOString(),
  };
}

/** Every logical key of the group, in the order first read, with its home partition. */
function groupKeys(samples: TopicRecords[]): GroupKey[] {
  const byLogical = new Map<string, TopicKey[]>();
  for (const sample of samples) {
    for (const [logical, topicKey] of recordsByKey(sample)) byLogical.set(logical, [...(byLogical.get(logical) ?? []), topicKey]);
  }
  return [...byLogical].map(([key, topics]) => {
    const home = homePartition(topics.flatMap((topic) => topic.records));
    return { key, topics, home, seen: topics.map((topic) => placementIn(topic, home)) };
  });
}

/**
 * The evidence of a key some of whose records sit away from its home, with the cause; none
 * when they all sit together, or when the differing partition counts explain it (that is
 * reported once, for the whole group).
 */
function mismatch(key: GroupKey, countsDiffer: boolean): KeyEvidence | undefined {
  const strays = key.topics.flatMap((topic) => topic.records.filter((r) => r.partition !== key.home).map((r) => seenOf(topic, r)));
  if (strays.length === 0) return undefined;
  const cause = causeOf([...key.seen, ...strays], countsDiffer);
  if (cause === 'partition-count') return undefined;
  // Every topic has the key at home, and the same bytes sit elsewhere too: some records were
  // put on a partition of their producer's choosing.
  const isStray = cause === 'custom-partitioner' && key.seen.every((seen) => seen.partition === key.home);
  return evidenceOf(key, isStray ? 'misplaced-key' : cause);
}

function evidenceOf(key: GroupKey, cause: Cause, seen = key.seen): KeyEvidence {
  const records = key.topics.flatMap((topic) => topic.records);
  return { key: key.key, cause, placements: seen.map(publicPlacement), homePartition: key.home, ...misplacedOf(records, key.home) };
}

function causeOf(seen: Seen[], countsDiffer: boolean): Cause {
  const schemaIds = new Set(seen.map((s) => s.schemaId));
  if (seen.every((s) => s.schemaId !== null) && schemaIds.size > 1) return 'schema-id';
  if (new Set(seen.map((s) => s.keyHex)).size > 1) return 'encoding';
  if (countsDiffer) return 'partition-count';
  return seen.some((s) => s.placedForCount !== null) ? 'partitions-added' : 'custom-partitioner';
}

/** What agrees today but will break, or cannot be proven to agree. */
function atRisk(keys: GroupKey[], common: GroupKey[], strays: KeyEvidence[], findings: Finding[]): Finding[] {
  const risks: Finding[] = [];
  const reported = new Set(findings.map((f) => f.cause));
  const seen = keys.flatMap((key) => key.seen.map((s) => ({ key, seen: s })));
  const topicsWhere = (holds: (s: Seen) => boolean) => [...new Set(seen.filter(({ seen: s }) => holds(s)).map(({ seen: s }) => s.topic))];
  const withSchema = topicsWhere((s) => s.schemaId !== null);
  if (withSchema.length > 0 && !reported.has('schema-id')) {
    const evidence = common
      .filter((key) => key.seen.some((s) => s.schemaId !== null))
      .slice(0, MAX_EXAMPLES)
      .map((key) => evidenceOf(key, 'schema-id'));
    risks.push(finding('schema-id', evidence, evidence.length, { atRisk: true, topics: withSchema }));
  }
  for (const cause of ['partitions-added', 'custom-partitioner'] as const) {
    const isCause = (s: Seen) => s.partition !== s.expectedPartition && (s.placedForCount !== null) === (cause === 'partitions-added');
    const topics = topicsWhere(isCause);
    if (!topics.length || reported.has(cause)) continue;
    const evidence = seen
      .filter(({ seen: s }) => isCause(s))
      .slice(0, MAX_EXAMPLES)
      .map(({ key, seen: s }) => evidenceOf(key, cause, [s]));
    risks.push(finding(cause, evidence, evidence.length, { atRisk: true, topics }));
  }
  if (strays.length && !reported.has('misplaced-key')) risks.push(misplacedFinding(strays, true));
  return risks;
}

function finding(cause: Cause, keys: KeyEvidence[], keyCount: number, context: Parameters<typeof describeFinding>[1]): Finding {
  return { cause, summary: describeFinding(cause, context), fix: FIXES[cause], keys, keyCount };
}

/** Records away from the rest of their key; the words name the key when there is one. */
function misplacedFinding(keys: KeyEvidence[], atRisk: boolean): Finding {
  return { cause: 'misplaced-key', ...misplacedWords(keys, atRisk), keys: keys.slice(0, MAX_EXAMPLES), keyCount: keys.length };
}

function topicSample(sample: TopicRecords, keys: GroupKey[]): TopicSample {
  const keyed = sample.records.filter((record) => record.key);
  return {
    topic: sample.topic,
    partitions: sample.partitions,
    recordsSampled: sample.records.length,
    keysWithSchemaId: keys.flatMap((key) => key.seen).filter((s) => s.topic === sample.topic && s.schemaId !== null).length,
    recordsOffMurmur2: keyed.filter((record) => javaDefaultPartition(record.key!, sample.partitions) !== record.partition).length,
  };
}

function summarize(
  verdict: Verdict,
  findings: Finding[],
  risks: Finding[],
  { common, missed }: { common: number; missed: number },
  samples: TopicRecords[],
): string {
  const topics = samples.map((s) => s.topic).join(', ');
  const misplaced = findings.reduce((sum, f) => sum + f.keyCount, 0);
  switch (verdict) {
    case 'broken':
      return findings.some((f) => f.cause === 'partition-count')
        ? `Not co-partitioned: the topics have different partition counts${misplaced ? `, and ${misplaced} of ${common} shared keys sit on different partitions` : ''}.`
        : `Not co-partitioned: ${misplaced} of ${common} keys seen in several topics sit on different partition numbers, ` +
            `and a join misses ${missed} sampled record${missed === 1 ? '' : 's'} of them.`;
    case 'at-risk':
      return `Co-partitioned today${common ? ` (${common} shared keys agree)` : ''}, but at risk: ${risks.map((f) => f.cause.replace('-', ' ')).join(', ')}.`;
    case 'unknown':
      return `No keyed records in ${topics} to check yet; the partition counts agree.`;
    default:
      return `Co-partitioned: same partition count, and ${common} key(s) seen in several topics sit on the same partition in each.`;
  }
}
