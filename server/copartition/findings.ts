import type { Cause } from './copartition.model';

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
