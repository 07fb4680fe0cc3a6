import type { ClusterConfig } from '../kafka/clusters-config';
import type { KafkaClients } from '../kafka/kafka-clients';
import { PartitionReader, type RawRecord } from '../kafka/partition-reader';

/** The console topic that keeps the metric history of the cluster it is in. */
export const HISTORY_TOPIC = '_kpc-metrics';
/** Partition 0: every sample; partition n: the points of the history's tier n (five minutes, half an hour). */
export const SAMPLES = 0;
const PARTITIONS = 3;

/** Bounded in size as well as in time: a partition never grows past this. */
const RETENTION_BYTES = 512 * 1024 * 1024;
const FETCH_BYTES = 1024 * 1024;

/** Errors a moment of waiting cures: a topic just created, a leader moving. */
const PASSING = new Set(['LEADER_NOT_AVAILABLE', 'NOT_LEADER_OR_FOLLOWER', 'UNKNOWN_TOPIC_OR_PARTITION', 'FENCED_LEADER_EPOCH']);

/** The metrics feature's Kafka calls: the history topic, written and read without a consumer group. */
export class MetricsGateway {
  readonly #ensured = new Set<string>();

  constructor(private readonly clusters: KafkaClients) {}

  /** Makes the history topic when it is missing: time retention, bounded in bytes, replicated like the console's other topics. */
  async ensureHistoryTopic(cluster: ClusterConfig, retentionMs: number): Promise<void> {
    if (this.#ensured.has(cluster.name)) return;
    await this.clusters.call(cluster, async (admin) => {
      const metadata = await admin.metadata({ topics: [] });
      const existing = (await admin.metadata({ topics: [HISTORY_TOPIC] }).catch(() => undefined))?.topics.get(HISTORY_TOPIC);
      if (existing) {
        // Made by an earlier version with fewer tiers: add what is missing.
        if (existing.partitionsCount < PARTITIONS) await admin.createPartitions({ topics: [{ name: HISTORY_TOPIC, count: PARTITIONS }] });
        return;
      }
      try {
        await admin.createTopics({
          topics: [HISTORY_TOPIC],
          partitions: PARTITIONS,
          replicas: Math.min(3, metadata.brokers.size),
          configs: [
            { name: 'cleanup.policy', value: 'delete' },
            { name: 'retention.ms', value: String(retentionMs) },
            { name: 'retention.bytes', value: String(RETENTION_BYTES) },
            { name: 'segment.bytes', value: String(64 * 1024 * 1024) },
            { name: 'segment.ms', value: String(6 * 3_600_000) },
            // A record standing on its own names every series: tens of thousands on a large cluster.
            { name: 'max.message.bytes', value: String(16 * 1024 * 1024) },
            { name: 'min.insync.replicas', value: String(Math.min(2, metadata.brokers.size)) },
          ],
        });
      } catch (error) {
        // Another console instance may have made it a moment ago.
        if (!/TOPIC_ALREADY_EXISTS|already exists/i.test(String((error as Error).message) + JSON.stringify(error))) throw error;
      }
    });
    this.#ensured.add(cluster.name);
  }

  /** Appends one record. Not a change of the cluster's model: pages keep their kept reads. */
  async append(cluster: ClusterConfig, partition: number, key: string, value: Buffer, time: number): Promise<void> {
    await this.clusters.call(cluster, () =>
      this.clusters.producer(cluster).send({
        messages: [{ topic: HISTORY_TOPIC, partition, key: Buffer.from(key), value, timestamp: BigInt(time) }],
      }),
    );
  }

  /** The first offset of a partition written at or after `time`; the log end when none is. */
  offsetForTime(cluster: ClusterConfig, partition: number, time: number): Promise<bigint> {
    return this.clusters.call(cluster, async (admin) => {
      const [at, end] = await Promise.all(
        [BigInt(time), -1n].map(async (timestamp) => {
          const listed = await admin.listOffsets({
            topics: [{ name: HISTORY_TOPIC, partitions: [{ partitionIndex: partition, timestamp }] }],
          });
          return listed[0]?.partitions[0]?.offset ?? -1n;
        }),
      );
      return at! >= 0n ? at! : end!;
    });
  }

  /**
   * Hands the records of a partition from `offset` up to its end now to `take`, one fetch at a
   * time (so memory holds one response, not a week of history); resolves to the offset to read
   * from next.
   */
  readFrom(cluster: ClusterConfig, partition: number, offset: bigint, take: (records: RawRecord[]) => void): Promise<bigint> {
    return this.clusters.call(cluster, async (admin) => {
      const reader = new PartitionReader(admin);
      let next = offset;
      for (let attempt = 0; ;) {
        const [chunk] = await reader.fetch(HISTORY_TOPIC, [{ partition, offset: next }], {
          maxBytesPerPartition: FETCH_BYTES,
          refreshMetadata: attempt > 0,
        });
        if (chunk?.error && PASSING.has(chunk.error) && attempt++ < 10) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          continue;
        }
        if (!chunk || chunk.error === 'OFFSET_OUT_OF_RANGE') {
          // Retention removed what was to be read: go on from what is left.
          if (!chunk || chunk.logStartOffset <= next) break;
          next = chunk.logStartOffset;
          continue;
        }
        if (chunk.error) throw new Error(`the metric history cannot be read now (${chunk.error})`);
        take(chunk.records);
        next = chunk.nextOffset;
        if (next >= chunk.highWatermark) break;
      }
      return next;
    });
  }
}
