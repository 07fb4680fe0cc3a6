import type { BrokerSummary, ClusterOverview, ClusterSummary } from './cluster.model';

/** Test data: everything defaulted, a spec states only the field that decides. */
export function aClusterSummary(overrides: Partial<ClusterSummary> = {}): ClusterSummary {
  return {
    name: 'local',
    bootstrapServers: ['127.0.0.1:9092'],
    authentication: 'none',
    tls: false,
    embedded: true,
    connectClusters: [{ name: 'local-connect' }],
    ...overrides,
  };
}

export function aBroker(overrides: Partial<BrokerSummary> = {}): BrokerSummary {
  return {
    id: 1,
    host: '127.0.0.1',
    port: 9092,
    rack: null,
    isController: true,
    leaderPartitions: 12,
    replicaPartitions: 12,
    ...overrides,
  };
}

export function aClusterOverview(overrides: Partial<ClusterOverview> = {}): ClusterOverview {
  return {
    cluster: 'local',
    clusterId: 'q1Sh-9_ISia_zwGINzRvyQ',
    controllerId: 1,
    brokers: [aBroker()],
    topicCount: 4,
    internalTopicCount: 1,
    partitionCount: 71,
    underReplicatedPartitions: 0,
    offlinePartitions: 0,
    asOf: '2026-11-27T12:00:00.000Z',
    ...overrides,
  };
}
