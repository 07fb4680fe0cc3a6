import type { ClusterOverview, HealthFigure } from './cluster.model';

/**
 * The overview's headline figures. Offline partitions are an outage (no leader, nobody
 * reads or writes); under-replicated ones are one more broker failure away from it.
 */
export function healthFigures(overview: ClusterOverview): HealthFigure[] {
  return [
    { label: 'Brokers', value: overview.brokers.length, tone: 'neutral', hint: `controller: broker ${overview.controllerId}` },
    { label: 'Topics', value: overview.topicCount, tone: 'neutral', hint: `plus ${overview.internalTopicCount} internal` },
    { label: 'Partitions', value: overview.partitionCount, tone: 'neutral', hint: 'including internal topics' },
    {
      label: 'Under-replicated',
      value: overview.underReplicatedPartitions,
      tone: overview.underReplicatedPartitions > 0 ? 'warn' : 'ok',
      hint: overview.underReplicatedPartitions > 0 ? 'fewer in-sync replicas than replicas' : 'every replica in sync',
    },
    {
      label: 'Offline',
      value: overview.offlinePartitions,
      tone: overview.offlinePartitions > 0 ? 'error' : 'ok',
      hint: overview.offlinePartitions > 0 ? 'no leader: unreadable and unwritable' : 'every partition has a leader',
    },
  ];
}

/** Whether every partition has a leader and all its replicas in sync. */
export function isHealthy(overview: ClusterOverview): boolean {
  return overview.offlinePartitions === 0 && overview.underReplicatedPartitions === 0;
}
