import type { ConsumerGroupSummary, PartitionLag, StateTone } from './consumer-group.model';

/** States in which a group has (or is gathering) members; the server refuses resets then. */
const ACTIVE_STATES = new Set(['Stable', 'PreparingRebalance', 'CompletingRebalance', 'Reconciling', 'Assigning']);

/** Whether no member consumes, so its offsets can be reset or the group deleted. */
export function isIdle(group: Pick<ConsumerGroupSummary, 'state' | 'memberCount'>): boolean {
  return group.memberCount === 0 && !ACTIVE_STATES.has(group.state);
}

/** How a state reads: consuming is fine, rebalancing needs a look, empty is idle. */
export function stateTone(state: string): StateTone {
  if (state === 'Stable') return 'ok';
  if (ACTIVE_STATES.has(state)) return 'warn';
  if (state === 'Empty') return 'idle';
  return 'neutral';
}

type LogPosition = Pick<PartitionLag, 'committedOffset' | 'logStartOffset' | 'logEndOffset'>;

/** The share of the partition's retained log the group has read, 0 to 1, for a lag bar. */
export function readShare(partition: LogPosition): number {
  const retained = partition.logEndOffset - partition.logStartOffset;
  if (partition.committedOffset === null) return 0;
  if (retained <= 0) return 1;
  return Math.min(1, Math.max(0, (partition.committedOffset - partition.logStartOffset) / retained));
}

/** The share of all the partitions' retained logs the group has read, 0 to 1; 1 when nothing is retained. */
export function totalReadShare(partitions: LogPosition[]): number {
  const retained = partitions.reduce((sum, p) => sum + (p.logEndOffset - p.logStartOffset), 0);
  const read = partitions.reduce((sum, p) => sum + (p.committedOffset === null ? 0 : p.committedOffset - p.logStartOffset), 0);
  return retained > 0 ? Math.max(0, Math.min(1, read / retained)) : 1;
}

/** Whether records wait to be read; a lag never measured (nothing committed) is not. */
export function isLagging(lag: number | null): boolean {
  return (lag ?? 0) > 0;
}

/**
 * Whether the group is a Kafka Streams app: a streams group (KIP-1071), or a classic-protocol
 * app that reads an internal topic named after it (`<application.id>-…-repartition`), as the
 * server recognises such apps.
 */
export function isStreamsApp(group: Pick<ConsumerGroupSummary, 'groupId' | 'topics' | 'type'>): boolean {
  return (
    group.type === 'streams' ||
    group.topics.some((topic) => topic.startsWith(`${group.groupId}-`) && /-(repartition|changelog)$/.test(topic))
  );
}
