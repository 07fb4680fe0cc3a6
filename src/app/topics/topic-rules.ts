import type { PartitionDetail, PartitionRow } from './topic.model';

/** Legal topic names, as the broker checks them (Kafka's `Topic.validate`). */
const TOPIC_NAME = /^[a-zA-Z0-9._-]+$/;
const MAX_TOPIC_NAME = 249;

/** Why a name would be refused, in plain words; null for a legal topic name. */
export function topicNameProblem(name: string): string | null {
  if (!name) return 'A name is required';
  if (name.length > MAX_TOPIC_NAME) return `At most ${MAX_TOPIC_NAME} characters (this is ${name.length})`;
  if (name === '.' || name === '..') return 'Cannot be "." or ".." alone';
  if (!TOPIC_NAME.test(name)) return 'Use only ASCII letters, digits, ".", "_" and "-"';
  return null;
}

/** Records between the earliest and latest offsets of a partition. */
export function partitionMessageCount(partition: PartitionDetail): number {
  return partition.latestOffset - partition.earliestOffset;
}

/** Records of every partition together. */
export function topicMessageCount(partitions: readonly PartitionDetail[]): number {
  return partitions.reduce((sum, partition) => sum + partitionMessageCount(partition), 0);
}

/** The replicas that have fallen out of sync: one more failure away from data loss. */
export function outOfSyncReplicas(partition: PartitionDetail): number[] {
  return partition.replicas.filter((replica) => !partition.isr.includes(replica));
}

/** A partition as the partitions table shows it; Kafka reports leader -1 for an offline one. */
export function partitionRow(partition: PartitionDetail): PartitionRow {
  const outOfSync = outOfSyncReplicas(partition);
  return {
    ...partition,
    outOfSync,
    isUnderReplicated: outOfSync.length > 0,
    leaderText: partition.leader < 0 ? 'none' : String(partition.leader),
    messages: partitionMessageCount(partition),
  };
}
