import { javaDefaultPartition } from '../kafka/java-partitioner';
import type { Evidence, Finding, Fix } from './advisor.model';
import { keysDiffer, keyText, type AggregateMatch } from './key-values';
import type { LogSample, SampledRecord } from './log-sample.gateway';
import { thousands, topicLink } from './advisor-words';

/** Fewer sampled records than this say nothing of a topic's keys. */
export const MIN_SAMPLED = 20;
/** A share of keyless records from which events of one aggregate are likely spread over partitions. */
export const KEYLESS_SHARE = 0.1;
/** A partition holding more than this many times the mean is skewed. */
export const SKEW_FACTOR = 2;
/** Fewer records than this in a topic make no skew worth a change. */
export const MIN_SKEW_RECORDS = 1_000;

/** A partition far fuller than the others, and what the sample of it says of its keys. */
export interface Skew {
  partition: number;
  records: number;
  total: number;
  partitions: number;
  /** The key most of the partition's sampled records have (null: no key), when one has half of them. */
  hotKey?: { key: string | null; share: number; sampled: number };
  /** Of the partition's sampled keyed records, the share whose key the default partitioner (murmur2) puts elsewhere. */
  placedElsewhereByHash: number;
}

/** What the fix of a topic's keys is given: who writes the topic, and the id field of its values. */
export interface KeyContext {
  /** The source connector that writes it, when one does. */
  connector?: string;
  /** The aggregate id field of its JSON values, when they have one. */
  field?: string;
}

const CONSOLE_OR_INTERNAL = /^_/;
const STREAMS_INTERNAL = /-(?:changelog|repartition)$/;
/**
 * Kafka Connect's own storage topics, by the names its documentation and images give them
 * (`connect-offsets`, `connect-configs`, `connect-status`, with a prefix per worker cluster):
 * keyed by connector, so skewed by design.
 */
const CONNECT_INTERNAL = /(?:^|[-_.])connect[-_.](?:cluster[-_.])?(?:offsets|configs?|status(?:es)?)$/;
const ORDER =
  'Kafka keeps order only within a partition, and a consumer group reads its partitions in parallel: two events of one ' +
  'aggregate on different partitions may be processed in either order (a cancellation before the order it cancels).';

/** Whether a topic carries events whose keys matter: not the console's or Kafka's own, nor a Streams app's or Connect's internal topic. */
export function isEventTopic(topic: string): boolean {
  return !CONSOLE_OR_INTERNAL.test(topic) && !STREAMS_INTERNAL.test(topic) && !CONNECT_INTERNAL.test(topic);
}

/** The topic's records without a key, as a finding; undefined when the sample is small or nearly all are keyed. */
export function keylessFinding(cluster: string, sample: LogSample, context: KeyContext): Finding | undefined {
  const { records, topic } = sample;
  const keyless = records.filter((record) => record.key === null).length;
  if (records.length < MIN_SAMPLED || keyless < KEYLESS_SHARE * records.length) return undefined;
  const share = percent(keyless / records.length);
  const evidence: Evidence[] = [
    { label: 'Records without a key', value: `${keyless} of ${records.length} (${share})`, source: fromLog(sample) },
    ...contextEvidence(context),
  ];
  return finding(cluster, topic, 'no-key', {
    severity: 'warning',
    title: `${topic}: ${share} of ${records.length} sampled records have no key`,
    evidence,
    fix: keyFix(topic, context, `${ORDER} With the aggregate id as the key, every event of an aggregate goes to one partition, in order.`),
  });
}

/** Keys that are not the aggregate id of the values, as a finding; undefined when they are. */
export function aggregateFinding(cluster: string, sample: LogSample, match: AggregateMatch, context: KeyContext): Finding | undefined {
  if (match.compared < MIN_SAMPLED || !keysDiffer(match)) return undefined;
  const { topic } = sample;
  const differing = match.compared - match.matching;
  const heuristic =
    `The Advisor takes ${match.field} for the aggregate id (it looks for aggregateId, then <noun of the topic name>Id, ` +
    'then id in the JSON values), so this is a guess: check it against what the consumers need in order.';
  const evidence: Evidence[] = [
    {
      label: `Keys that differ from ${match.field}`,
      value: `${differing} of ${match.compared} keyed records (${percent(differing / match.compared)})`,
      source: `${fromLog(sample)}, values read as JSON`,
    },
    ...match.examples.map((example) => ({
      label: 'Example',
      value: `key ${example.key}, ${match.field} ${example.id}`,
      source: fromLog(sample),
    })),
  ];
  if (match.keyedBy) {
    return finding(cluster, topic, 'aggregate-key', {
      severity: 'info',
      title: `${topic} is keyed by ${match.keyedBy}, not by ${match.field}`,
      evidence,
      fix: keyFix(
        topic,
        { ...context, field: match.field },
        `Events of one ${match.keyedBy} stay in order, and so do those of one ${match.field} as long as it never changes ` +
          `${match.keyedBy}; keep it if that holds, key by ${match.field} if not. ${heuristic}`,
      ),
    });
  }
  return finding(cluster, topic, 'aggregate-key', {
    severity: 'warning',
    title: `${topic}: ${percent(differing / match.compared)} of sampled keys are not the ${match.field} of their value`,
    evidence,
    fix: keyFix(topic, { ...context, field: match.field }, `${ORDER} ${heuristic}`),
  });
}

/** The fullest partition when it holds more than {@link SKEW_FACTOR} times the mean, with the keys sampled from it. */
export function partitionSkew(counts: readonly number[], records: readonly SampledRecord[]): Skew | undefined {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (counts.length < 2 || total < MIN_SKEW_RECORDS) return undefined;
  const partition = counts.indexOf(Math.max(...counts));
  if (counts[partition]! <= (SKEW_FACTOR * total) / counts.length) return undefined;
  const sampled = records.filter((record) => record.partition === partition);
  const byKey = new Map<string | null, number>();
  for (const record of sampled) {
    const key = record.key === null ? null : keyText(record.key);
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
  }
  const [key, count] = [...byKey].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  const keyed = sampled.filter((record) => record.key !== null);
  const elsewhere = keyed.filter((record) => javaDefaultPartition(record.key!, counts.length) !== partition).length;
  return {
    partition,
    records: counts[partition]!,
    total,
    partitions: counts.length,
    ...(sampled.length > 0 && count >= sampled.length / 2 && { hotKey: { key, share: count / sampled.length, sampled: sampled.length } }),
    placedElsewhereByHash: keyed.length > 0 ? elsewhere / keyed.length : 0,
  };
}

/** A skewed topic as a finding: the numbers, and a better key (more partitions only with their caveat). */
export function skewFinding(cluster: string, sample: LogSample, skew: Skew, context: KeyContext): Finding {
  const { topic } = sample;
  const mean = skew.total / skew.partitions;
  const evidence: Evidence[] = [
    { label: `Records in partition ${skew.partition}`, value: thousands(skew.records), source: 'log start and end offsets' },
    {
      label: 'Mean per partition',
      value: `${thousands(mean)} (${skew.partitions} partitions, ${thousands(skew.total)} records)`,
      source: 'log start and end offsets',
    },
  ];
  if (skew.hotKey) {
    const name = skew.hotKey.key === null ? 'no key' : `key ${skew.hotKey.key}`;
    evidence.push({
      label: `Most common key in partition ${skew.partition}`,
      value: `${name}: ${percent(skew.hotKey.share)} of ${skew.hotKey.sampled} sampled records`,
      source: fromLog(sample),
    });
  }
  if (skew.placedElsewhereByHash > 0) {
    evidence.push({
      label: 'Keys the default partitioner would put on another partition',
      value: percent(skew.placedElsewhereByHash),
      source: `${fromLog(sample)}, hashed with murmur2 as the Java client does`,
    });
  }
  const cause =
    skew.placedElsewhereByHash >= 0.5
      ? 'Most of its keys would go elsewhere by their hash: the producer picks the partition itself (an explicit partition or a custom partitioner); let the key decide.'
      : skew.hotKey?.key === null
        ? 'Its records have no key, and a producer without keys fills one partition at a time (KIP-480): the aggregate id as the key spreads the load.'
        : skew.hotKey
          ? `One key holds most of its records: a key with more values (the aggregate's own id) spreads the load.`
          : 'Its keys are many, yet they hash to few partitions, or arrive without a key from a sticky producer: a key with more values spreads the load.';
  return finding(cluster, topic, 'skew', {
    severity: 'warning',
    title: `${topic}: partition ${skew.partition} holds ${(skew.records / mean).toFixed(1)}× its share of the records`,
    evidence,
    fix: keyFix(
      topic,
      context,
      `One consumer reads a partition, so the fullest one sets the pace of the whole group and holds the most disk. ${cause} ` +
        'More partitions spread new keys but not one hot key; adding them moves existing keys to other partitions (order across ' +
        'the change is lost) and breaks co-partitioning: every topic joined with this one must get the same count.',
    ),
  });
}

/** Where the key is set: a source connector's single message transforms, or the producer's record. */
function keyFix(topic: string, context: KeyContext, why: string): Fix {
  const field = context.field ?? 'aggregateId';
  if (context.connector) {
    return {
      target: 'connector',
      summary: context.field
        ? `Key the records of ${context.connector} by ${field}, after any transforms it already has.`
        : `Key the records of ${context.connector} by the aggregate id of its values, naming its field in place of ${field}; ` +
          'ValueToKey needs structured values (a JSON, Avro or Protobuf converter).',
      config: [
        'transforms=keyFromValue,extractKey',
        'transforms.keyFromValue.type=org.apache.kafka.connect.transforms.ValueToKey',
        `transforms.keyFromValue.fields=${field}`,
        'transforms.extractKey.type=org.apache.kafka.connect.transforms.ExtractField$Key',
        `transforms.extractKey.field=${field}`,
      ].join('\n'),
      why,
    };
  }
  const accessor = field.replace(/[_-]+([a-z0-9])/gi, (_, letter: string) => letter.toUpperCase());
  return {
    target: 'producer',
    summary:
      `Give every record of ${topic} its aggregate's id ${context.field ? `(${field}) ` : `(${accessor}() stands for it) `}` +
      'as the key, and no explicit partition.',
    config: `producer.send(new ProducerRecord<>("${topic}", event.${accessor}(), event));`,
    why,
  };
}

function contextEvidence(context: KeyContext): Evidence[] {
  return [
    ...(context.connector ? [{ label: 'Written by', value: `source connector ${context.connector}`, source: 'Kafka Connect' }] : []),
    ...(context.field ? [{ label: 'Aggregate id in the values', value: context.field, source: 'a field of the sampled JSON values' }] : []),
  ];
}

function finding(cluster: string, topic: string, kind: string, rest: Pick<Finding, 'severity' | 'title' | 'evidence' | 'fix'>): Finding {
  return {
    id: `keys/${kind}/${topic}`,
    rule: 'keys',
    subject: { kind: 'topic', name: topic },
    ...rest,
    link: topicLink(cluster, topic),
  };
}

function fromLog(sample: LogSample): string {
  return `${sample.records.length} records read from the newest end of the log (${sample.partitionsRead} of ${sample.partitions} partitions)`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
