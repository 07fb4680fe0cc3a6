import type { Cause, KeyEvidence, MisplacedRecord } from './copartition.model';

/** The fix for each cause, in the words an operator can act on. */
export const FIXES: Readonly<Record<Cause, string>> = {
  'partition-count':
    'Give every topic of the join the same partition count: repartition the odd one into a new topic with the right count ' +
    '(Kafka Streams: .repartition(Repartitioned.numberOfPartitions(n))) and move its consumers there. Never add partitions to a joined topic.',
  'schema-id':
    'Serialize the join key with a primitive serde (Serdes.String(), Serdes.Long()) instead of the schema-registry serializer, ' +
    'or give the producers a partitioner that hashes the logical key (the bytes after the 5-byte header). A record-name subject ' +
    'strategy does not help: the schema id still changes with every new version of the key schema.',
  encoding:
    'Serialize the key the same way in every producer of these topics (same serializer, same format): the partitioner hashes bytes, ' +
    'so "k1" as a string and "k1" as JSON land on different partitions.',
  'custom-partitioner':
    'Use one partitioner for every topic of the join: the default (murmur2 of the key bytes) or the same custom one everywhere, ' +
    'including in Kafka Streams (a StreamPartitioner on every sink and repartition).',
  'partitions-added':
    'Records written before partitions were added sit where the old count put them. Reprocess the topic into a new one ' +
    '(or wait until retention has dropped the old records) before joining on it.',
  'misplaced-key':
    'A producer chose the partition of some keyed records itself (an explicit partition or a custom partitioner): ' +
    "re-produce each misplaced record to its key's partition, or re-key it, and let producers leave the partition of keyed records " +
    'to the default partitioner.',
};

type Context =
  | { samples: { topic: string; partitions: number; grewFrom?: number | null }[]; atRisk?: undefined; topics?: undefined }
  | { atRisk: true; topics: string[]; samples?: undefined };

/** One sentence saying what the finding is about. */
export function describe(cause: Cause, context: Context): string {
  if (context.atRisk) {
    const topics = context.topics.join(', ');
    switch (cause) {
      case 'schema-id':
        return (
          `The keys of ${topics} carry schema-registry schema ids in their bytes: with one subject per topic ` +
          "(TopicNameStrategy), the next change of one topic's key schema gives its keys a new id, and they move to other partitions."
        );
      case 'partitions-added':
        return `Some records of ${topics} sit where a smaller partition count put them: partitions were added after they were written.`;
      default:
        return (
          `Records of ${topics} are not where murmur2 of their key bytes puts them: a custom partitioner wrote them, ` +
          'and nothing proves that every topic of the join uses the same one.'
        );
    }
  }
  const samples = context.samples ?? [];
  switch (cause) {
    case 'partition-count': {
      // Records placed for a smaller count than the topic has now show that it grew, and from what.
      const grown = samples
        .filter((s) => s.grewFrom)
        .map((s) => ` ${s.topic} grew from ${s.grewFrom} to ${s.partitions} partitions after data was written.`);
      return (
        `The partition counts differ (${samples.map((s) => `${s.topic}: ${s.partitions}`).join(', ')}), ` +
        `so the same key hashes to different partition numbers.${grown.join('')}`
      );
    }
    case 'schema-id':
      return 'The same logical keys sit on different partitions because their serialized bytes carry different schema ids per topic.';
    case 'encoding':
      return 'The same logical keys sit on different partitions because they are serialized differently per topic.';
    case 'partitions-added':
      return 'The same keys sit on different partitions because partitions were added to a topic after its records were written.';
    default:
      return 'The same key bytes sit on different partitions: a custom partitioner places them differently per topic.';
  }
}

/** Keys named in a sentence: a few, then how many more. */
const SHOWN_KEYS = 3;

/**
 * What misplaced records mean for a join and what to do about them, naming the key, its
 * partition and the records when there is one key (the usual case: one record produced to
 * an explicit partition). `keys` are all the keys that show it, not only the examples.
 */
export function misplacedWords(keys: KeyEvidence[], atRisk: boolean): { summary: string; fix: string } {
  const records = keys.reduce((sum, key) => sum + key.misplacedCount, 0);
  const topics = [...new Set(keys.flatMap((key) => key.misplaced.map((record) => record.topic)))];
  const producers = `The producer${topics.length > 1 ? 's' : ''} of ${topics.join(', ')}`;
  const them = records === 1 ? 'it' : 'them';
  const consequence = atRisk
    ? `no other topic of the group holds ${keys.length === 1 ? 'this key' : 'these keys'} in the sample yet, but a join would miss ${them}`
    : `a join reads the same partition number of every topic together, so it misses ${them}`;
  if (keys.length === 1) {
    const [only] = keys as [KeyEvidence];
    const home = only.homePartition;
    const homeTopics = only.placements.filter((p) => p.partition === home).map((p) => p.topic);
    const isMurmur2 = only.placements.some((p) => p.partition === home && p.expectedPartition === home);
    const summary =
      `Key ${only.key} sits on partition ${home} of ${homeTopics.join(' and ')}, but ${count(records, 'record')} of it ` +
      `${records === 1 ? 'sits' : 'sit'} on ${where(only.misplaced, only.misplacedCount)}: ${consequence}.`;
    const fix =
      `${producers} used an explicit partition or a custom partitioner for ${only.key}; re-produce ${them} to partition ${home} ` +
      `(where ${isMurmur2 ? 'murmur2 and ' : ''}its other records put it) or re-key ${them}, and let that producer leave ` +
      'the partition of keyed records to the default partitioner.';
    return { summary, fix };
  }
  const names =
    keys
      .slice(0, SHOWN_KEYS)
      .map((key) => key.key)
      .join(', ') + (keys.length > SHOWN_KEYS ? ` and ${keys.length - SHOWN_KEYS} more` : '');
  return {
    summary: `${keys.length} keys (${names}) have ${count(records, 'sampled record')} on another partition than the rest of their key: ${consequence}.`,
    fix:
      `${producers} used an explicit partition or a custom partitioner for ${names}; re-produce each misplaced record to its key's ` +
      `partition (shown with the key) or re-key it, and let ${topics.length > 1 ? 'those producers' : 'that producer'} leave the ` +
      'partition of keyed records to the default partitioner.',
  };
}

function where(records: MisplacedRecord[], total: number): string {
  const places = records.map((record) => `partition ${record.partition} of ${record.topic} (offset ${record.offset})`);
  return places.join(', ') + (total > records.length ? ` and ${total - records.length} more` : '');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
