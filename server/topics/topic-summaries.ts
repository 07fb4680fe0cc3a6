/** What the topic list shows of each topic, made from the live model. */
import type { LogOffsets } from '../kafka/cluster-model';
import type { ClusterDescription } from '../kafka/kafka-clients';
import { byCodeUnit } from '../kafka/live-value';
import type { TopicSummary } from './topic.model';

export type DescribedTopic = ClusterDescription['topics'][number];

/**
 * Kafka's own internal topics, and by the common convention those whose name starts with an
 * underscore (`_schemas`, `_confluent-*`, the console's own `_kpc-*`).
 */
export function isInternal(topic: DescribedTopic): boolean {
  return topic.internal || topic.name.startsWith('_');
}

/** A topic as the list shows it: counts and sizes from the model, null where not read yet. */
export function summarize(topic: DescribedTopic, offsets: LogOffsets | undefined, sizes: Map<string, number> | undefined): TopicSummary {
  let messageCount: number | null = offsets ? 0 : null;
  for (let index = 0; index < topic.partitions.length && messageCount !== null; index++) {
    const start = offsets!.starts.get(topic.name, index);
    const end = offsets!.ends.get(topic.name, index);
    messageCount = start === undefined || end === undefined ? null : messageCount + Number(end - start);
  }
  return {
    name: topic.name,
    partitions: topic.partitions.length,
    replicationFactor: topic.partitions[0]?.replicas.length ?? 0,
    underReplicatedPartitions: topic.partitions.filter((p) => p.isr.length < p.replicas.length).length,
    internal: isInternal(topic),
    messageCount,
    sizeBytes: sizes?.get(topic.name) ?? (sizes ? 0 : null),
  };
}

/** List values in order: null first, strings by code unit, numbers by value. */
export function compare(a: string | number | boolean | null, b: string | number | boolean | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return typeof a === 'string' ? byCodeUnit(a, String(b)) : Number(a) - Number(b);
}
