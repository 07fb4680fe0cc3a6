import { AppError } from '../shared/app-error';
import type { BrokerSummary, ClusterOverview, ClusterSummary } from './cluster.model';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { ClusterModel } from '../kafka/cluster-model';
import type { ClusterDescription } from '../kafka/kafka-clients';

/** The configured clusters and what the console derives from their metadata. */
export class ClustersService {
  constructor(
    private readonly clusters: readonly ClusterConfig[],
    private readonly model: ClusterModel,
  ) {}

  /** The configured clusters, without their secrets. */
  list(): ClusterSummary[] {
    return this.clusters.map((cluster) => ({
      name: cluster.name,
      bootstrapServers: cluster.bootstrapServers,
      authentication: cluster.sasl ? `SASL ${cluster.sasl.mechanism}` : 'none',
      tls: cluster.tls?.enabled ?? false,
      embedded: cluster.embedded ?? false,
      connectClusters: cluster.connect.map(({ name }) => ({ name })),
    }));
  }

  /** Every configured cluster, with its secrets: for the server's own use. */
  configs(): readonly ClusterConfig[] {
    return this.clusters;
  }

  /** The cluster's configuration, or 404 CLUSTER_NOT_FOUND. */
  get(name: string): ClusterConfig {
    const cluster = this.clusters.find((c) => c.name === name);
    if (!cluster) {
      const known = this.clusters.map((c) => c.name).join(', ');
      throw new AppError('CLUSTER_NOT_FOUND', `There is no cluster named ${name}; configured: ${known}`);
    }
    return cluster;
  }

  /** Brokers and partition health of one cluster, from its live model. */
  async overview(cluster: ClusterConfig, { fresh = false }: { fresh?: boolean } = {}): Promise<ClusterOverview> {
    const { value, asOf } = await this.model.metadata(cluster, { fresh });
    return { ...summarize(cluster.name, value), asOf: new Date(asOf).toISOString() };
  }
}

function summarize(cluster: string, description: ClusterDescription): Omit<ClusterOverview, 'asOf'> {
  const partitions = description.topics.flatMap((topic) => topic.partitions);
  const brokers: BrokerSummary[] = description.brokers
    .map((broker) => ({
      ...broker,
      isController: broker.id === description.controllerId,
      leaderPartitions: partitions.filter((p) => p.leader === broker.id).length,
      replicaPartitions: partitions.filter((p) => p.replicas.includes(broker.id)).length,
    }))
    .sort((a, b) => a.id - b.id);
  const internalTopicCount = description.topics.filter((topic) => topic.internal).length;
  return {
    cluster,
    clusterId: description.clusterId,
    controllerId: description.controllerId,
    brokers,
    topicCount: description.topics.length - internalTopicCount,
    internalTopicCount,
    partitionCount: partitions.length,
    underReplicatedPartitions: partitions.filter((p) => p.isr.length < p.replicas.length).length,
    offlinePartitions: partitions.filter((p) => p.leader < 0).length,
  };
}
