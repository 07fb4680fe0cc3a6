import { ConfigResourceTypes } from '../kafka/client';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { KafkaClients } from '../kafka/kafka-clients';
import { PartitionReader } from '../kafka/partition-reader';
import { describeStreamsGroups, hasStreamsGroups, type StreamsGroupDescription } from '../kafka/streams-group-describe';

/** How much of each changelog partition is read to measure how fast it restores. */
const RESTORE_SAMPLE_BYTES = 1024 * 1024;

/** What a changelog's configs say about how long it keeps records. */
export interface ChangelogConfig {
  cleanupPolicy: string | null;
  /** Null for forever (-1) or unknown. */
  retentionMs: number | null;
}

/**
 * Kafka's side of the Streams apps: streams groups (KIP-1071) listed and described by their
 * coordinators, and the configs that size a state store's changelog.
 */
export class StreamsGateway {
  constructor(private readonly clusters: KafkaClients) {}

  /** Every streams group, described: state, topology, members and their tasks. */
  streamsGroups(cluster: ClusterConfig): Promise<StreamsGroupDescription[]> {
    return this.clusters.call(cluster, async (admin) => {
      if (!(await hasStreamsGroups(admin))) return [];
      const groups = await admin.listGroups({ types: ['streams'] });
      return describeStreamsGroups(admin, [...groups.keys()]);
    });
  }

  /**
   * The cleanup policy and retention of each changelog, and the broker's default retention
   * (`log.retention.*` of one broker), in one DescribeConfigs request. Every topic must exist.
   */
  changelogConfigs(
    cluster: ClusterConfig,
    topics: string[],
    brokerId: number,
  ): Promise<{ topics: Map<string, ChangelogConfig>; brokerDefaultRetentionMs: number | null }> {
    return this.clusters.call(cluster, async (admin) => {
      const described = await admin.describeConfigs({
        resources: [
          ...topics.map((topic) => ({
            resourceType: ConfigResourceTypes.TOPIC,
            resourceName: topic,
            configurationKeys: ['cleanup.policy', 'retention.ms'],
          })),
          {
            resourceType: ConfigResourceTypes.BROKER,
            resourceName: String(brokerId),
            configurationKeys: ['log.retention.ms', 'log.retention.minutes', 'log.retention.hours'],
          },
        ],
      });
      const value = (configs: { name: string; value?: string | null }[], name: string) =>
        configs.find((c) => c.name === name)?.value ?? null;
      const result = new Map<string, ChangelogConfig>();
      let brokerDefaultRetentionMs: number | null = null;
      for (const resource of described) {
        if (resource.resourceType === ConfigResourceTypes.BROKER) {
          brokerDefaultRetentionMs = brokerRetentionMs(resource.configs);
          continue;
        }
        result.set(resource.resourceName, {
          cleanupPolicy: value(resource.configs, 'cleanup.policy'),
          retentionMs: milliseconds(value(resource.configs, 'retention.ms')),
        });
      }
      return { topics: result, brokerDefaultRetentionMs };
    });
  }

  /**
   * How fast a changelog reads back, in records per second: one fetch of up to 1 MiB from the
   * start of every partition, timed, which is what a restore does first. Null for an empty one.
   */
  restoreRate(cluster: ClusterConfig, topic: string, starts: { partition: number; offset: bigint }[]): Promise<number | null> {
    return this.clusters.call(cluster, async (admin) => {
      const started = performance.now();
      const chunks = await new PartitionReader(admin).fetch(topic, starts, { maxBytesPerPartition: RESTORE_SAMPLE_BYTES });
      const seconds = (performance.now() - started) / 1000;
      const records = chunks.reduce((total, chunk) => total + chunk.records.length, 0);
      return records > 0 && seconds > 0 ? records / seconds : null;
    });
  }
}

/** A retention setting in ms; null for forever (-1) or not set. */
function milliseconds(value: string | null): number | null {
  if (value === null) return null;
  const ms = Number(value);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

/** The broker's `log.retention.ms`, else `.minutes`, else `.hours`, as Kafka weighs them. */
function brokerRetentionMs(configs: { name: string; value?: string | null }[]): number | null {
  const setting = (name: string) => configs.find((config) => config.name === name)?.value;
  const ms = setting('log.retention.ms');
  if (ms !== undefined && ms !== null) return milliseconds(ms);
  const minutes = setting('log.retention.minutes');
  if (minutes !== undefined && minutes !== null) return Number(minutes) < 0 ? null : Number(minutes) * 60_000;
  const hours = setting('log.retention.hours');
  return hours === undefined || hours === null ? null : Number(hours) < 0 ? null : Number(hours) * 3_600_000;
}
