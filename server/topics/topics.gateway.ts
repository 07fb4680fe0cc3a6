import { ConfigResourceTypes, ConfigSources, IncrementalAlterConfigOperationTypes, type Admin } from '../kafka/client';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { KafkaClients } from '../kafka/kafka-clients';
import { AppError } from '../shared/app-error';
import type { ConfigChange, ConfigSource, NewTopic, TopicConfigEntry } from './topic.model';

/** Per topic, one offset per partition, in partition order. */
export type OffsetsByTopic = Map<string, bigint[]>;

const SOURCES: Record<number, ConfigSource> = {
  [ConfigSources.DYNAMIC_TOPIC_CONFIG]: 'dynamic-topic',
  [ConfigSources.DYNAMIC_BROKER_CONFIG]: 'dynamic-broker',
  [ConfigSources.DYNAMIC_DEFAULT_BROKER_CONFIG]: 'dynamic-default-broker',
  [ConfigSources.STATIC_BROKER_CONFIG]: 'static-broker',
  [ConfigSources.DEFAULT_CONFIG]: 'default',
};

/** Topic administration on a cluster; Kafka's errors come back translated by `call`. */
export class TopicsGateway {
  constructor(private readonly clusters: KafkaClients) {}

  /**
   * Earliest or latest offsets of every partition of the given topics: one ListOffsets
   * request per leader broker, however many topics.
   */
  offsets(cluster: ClusterConfig, topics: { name: string; partitions: number }[], which: 'earliest' | 'latest'): Promise<OffsetsByTopic> {
    return this.clusters.call(cluster, (admin) => listOffsets(admin, topics, which === 'earliest' ? -2n : -1n));
  }

  /** Partition counts of the named topics; 404 TOPIC_NOT_FOUND for one that does not exist. */
  partitionCounts(cluster: ClusterConfig, topics: string[]): Promise<Map<string, number>> {
    const internal = topics.find((name) => name.startsWith('__'));
    if (internal) {
      // See listOffsets: the client cannot read Kafka's own internal topics.
      return Promise.reject(
        new AppError('INTERNAL_TOPIC', `${internal} is one of Kafka's own internal topics; its records cannot be read or written here`),
      );
    }
    return this.clusters.call(cluster, async (admin) => {
      const metadata = await admin.metadata({ topics, forceUpdate: true });
      return new Map(topics.map((name) => [name, metadata.topics.get(name)?.partitionsCount ?? 0]));
    });
  }

  /** The first offset whose timestamp is at or after `timestamp` (-1 when none is), per partition. */
  offsetsForTime(cluster: ClusterConfig, topic: { name: string; partitions: number }, timestamp: number): Promise<bigint[]> {
    return this.clusters.call(cluster, async (admin) => {
      const byTopic = await listOffsets(admin, [topic], BigInt(timestamp));
      return byTopic.get(topic.name) ?? [];
    });
  }

  /** Bytes on disk per topic, counting one replica of each partition (the largest). */
  sizes(cluster: ClusterConfig, topics: { name: string; partitions: number }[]): Promise<Map<string, number>> {
    return this.clusters.call(cluster, async (admin) => {
      const brokers = await admin.describeLogDirs({
        topics: topics.map((topic) => ({ name: topic.name, partitions: range(topic.partitions) })),
      });
      const largest = new Map<string, number>();
      for (const broker of brokers) {
        for (const dir of broker.results) {
          for (const topic of dir.topics) {
            for (const partition of topic.partitions) {
              const key = `${topic.name}\u0000${partition.partitionIndex}`;
              largest.set(key, Math.max(largest.get(key) ?? 0, Number(partition.partitionSize)));
            }
          }
        }
      }
      const sizes = new Map<string, number>();
      for (const [key, size] of largest) {
        const name = key.slice(0, key.indexOf('\u0000'));
        sizes.set(name, (sizes.get(name) ?? 0) + size);
      }
      return sizes;
    });
  }

  async create(cluster: ClusterConfig, topic: NewTopic): Promise<void> {
    await this.clusters.change(cluster, (admin) =>
      admin.createTopics({
        topics: [topic.name],
        partitions: topic.partitions,
        replicas: topic.replicationFactor,
        configs: Object.entries(topic.configs).map(([name, value]) => ({ name, value })),
      }),
    );
  }

  /** Every config of the topic with where its value comes from; sensitive values are null. */
  configs(cluster: ClusterConfig, topic: string): Promise<TopicConfigEntry[]> {
    return this.clusters.call(cluster, async (admin) => {
      const [described] = await admin.describeConfigs({
        resources: [{ resourceType: ConfigResourceTypes.TOPIC, resourceName: topic }],
        includeDocumentation: true,
      });
      return (described?.configs ?? []).map((config) => ({
        name: config.name,
        value: config.isSensitive ? null : (config.value ?? null),
        source: SOURCES[config.configSource] ?? 'unknown',
        isSensitive: config.isSensitive,
        isReadOnly: config.readOnly,
        isOverride: config.configSource === ConfigSources.DYNAMIC_TOPIC_CONFIG,
        documentation: config.documentation ?? null,
      }));
    });
  }

  /** Sets and removes topic overrides in one request; the broker applies all or none. */
  async alterConfigs(cluster: ClusterConfig, topic: string, change: Required<ConfigChange>): Promise<void> {
    const { SET, DELETE } = IncrementalAlterConfigOperationTypes;
    await this.clusters.change(cluster, (admin) =>
      admin.incrementalAlterConfigs({
        resources: [
          {
            resourceType: ConfigResourceTypes.TOPIC,
            resourceName: topic,
            configs: [
              ...Object.entries(change.set).map(([name, value]) => ({ name, value, configOperation: SET })),
              ...change.delete.map((name) => ({ name, value: null, configOperation: DELETE })),
            ],
          },
        ],
      }),
    );
  }

  async increasePartitions(cluster: ClusterConfig, topic: string, count: number): Promise<void> {
    await this.clusters.change(cluster, (admin) => admin.createPartitions({ topics: [{ name: topic, count }] }));
  }

  /** Deletes the records before the given offsets; answers each partition's new low watermark. */
  deleteRecords(cluster: ClusterConfig, topic: string, before: { partition: number; offset: bigint }[]): Promise<Map<number, bigint>> {
    return this.clusters.change(cluster, async (admin) => {
      const [result] = await admin.deleteRecords({ topics: [{ name: topic, partitions: before }] });
      return new Map((result?.partitions ?? []).map((p) => [p.partition, p.lowWatermark]));
    });
  }

  async delete(cluster: ClusterConfig, topic: string): Promise<void> {
    await this.clusters.change(cluster, (admin) => admin.deleteTopics({ topics: [topic] }));
  }

  /**
   * Committed offsets on this topic, per consumer group: one ListGroups (both protocols,
   * KIP-848 `consumer` groups included) and one batched OffsetFetch.
   */
  committedOffsets(cluster: ClusterConfig, topic: string): Promise<Map<string, Map<number, bigint>>> {
    return this.clusters.call(cluster, async (admin) => {
      const groups = await admin.listGroups({ types: ['classic', 'consumer'] });
      const ids = [...groups.keys()];
      if (ids.length === 0) return new Map();
      const offsets = await admin.listConsumerGroupOffsets({ groups: ids });
      const byGroup = new Map<string, Map<number, bigint>>();
      for (const group of offsets) {
        const onTopic = group.topics.find((t) => t.name === topic);
        const committed = (onTopic?.partitions ?? []).filter((p) => p.committedOffset >= 0n);
        if (committed.length) byGroup.set(group.groupId, new Map(committed.map((p) => [p.partitionIndex, p.committedOffset])));
      }
      return byGroup;
    });
  }
}

async function listOffsets(admin: Admin, all: { name: string; partitions: number }[], timestamp: bigint): Promise<OffsetsByTopic> {
  const result: OffsetsByTopic = new Map();
  // The client's listOffsets looks topics up in its metadata, which has no entry for Kafka's
  // own internal topics (`__consumer_offsets`…), and then throws outside any promise. Their
  // offsets are of no use to an operator anyway: leave them out.
  const topics = all.filter((topic) => !topic.name.startsWith('__'));
  if (topics.length === 0) return result;
  const listed = await admin.listOffsets({
    topics: topics.map((topic) => ({
      name: topic.name,
      partitions: range(topic.partitions).map((partitionIndex) => ({ partitionIndex, timestamp })),
    })),
  });
  for (const topic of listed) {
    const offsets: bigint[] = [];
    for (const partition of topic.partitions) offsets[partition.partitionIndex] = partition.offset;
    result.set(topic.name, offsets);
  }
  return result;
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}
