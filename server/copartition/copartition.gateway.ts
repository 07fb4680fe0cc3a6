import type { ClusterConfig } from '../kafka/clusters-config';
import type { KafkaClients } from '../kafka/kafka-clients';
import { PartitionReader } from '../kafka/partition-reader';
import type { TopicsGateway } from '../topics/topics.gateway';
import type { TopicRecords } from './key-placement';

export interface SampleBudget {
  perPartition: number;
  bytes: number;
  deadline: number;
}

/** Reads what the co-partition check needs: who reads what, and the newest keys of topics. */
export class CopartitionGateway {
  constructor(
    private readonly clusters: KafkaClients,
    private readonly topics: TopicsGateway,
  ) {}

  /** The topics each consumer group has committed offsets on (both group protocols). */
  groupTopics(cluster: ClusterConfig): Promise<Map<string, string[]>> {
    return this.clusters.call(cluster, async (admin) => {
      const groups = [...(await admin.listGroups({ types: ['classic', 'consumer'] })).keys()];
      if (groups.length === 0) return new Map();
      const offsets = await admin.listConsumerGroupOffsets({ groups });
      return new Map(offsets.map((group) => [group.groupId, group.topics.map((topic) => topic.name).sort()]));
    });
  }

  /**
   * The newest keys of every partition of a topic, up to `perPartition` each, with their
   * offsets and timestamps, within the byte and time budget. Values are dropped as soon as
   * they are read.
   */
  async sampleKeys(
    cluster: ClusterConfig,
    topic: string,
    partitions: number,
    budget: SampleBudget,
    onProgress: (records: number, partitionsDone: number) => void,
  ): Promise<TopicRecords> {
    const ref = [{ name: topic, partitions }];
    const [earliest, latest] = await Promise.all([
      this.topics.offsets(cluster, ref, 'earliest'),
      this.topics.offsets(cluster, ref, 'latest'),
    ]);
    const ends = latest.get(topic) ?? [];
    const positions = new Map(
      Array.from({ length: partitions }, (_, p) => {
        const end = ends[p] ?? 0n;
        const start = end - BigInt(budget.perPartition);
        const first = earliest.get(topic)?.[p] ?? 0n;
        return [p, start > first ? start : first] as [number, bigint];
      }),
    );
    const records: TopicRecords['records'] = [];
    let bytes = 0;
    await this.clusters.call(cluster, async (admin) => {
      const reader = new PartitionReader(admin);
      for (;;) {
        const open = [...positions].filter(([p, offset]) => offset < (ends[p] ?? 0n));
        onProgress(records.length, partitions - open.length);
        if (open.length === 0 || bytes >= budget.bytes || Date.now() >= budget.deadline) return;
        const chunks = await reader.fetch(
          topic,
          open.map(([partition, offset]) => ({ partition, offset })),
          {
            maxBytesPerPartition: 512 * 1024,
          },
        );
        for (const chunk of chunks) {
          const end = ends[chunk.partition] ?? 0n;
          for (const record of chunk.records) {
            if (record.offset >= end) continue;
            bytes += (record.key?.length ?? 0) + (record.value?.length ?? 0);
            records.push({ partition: record.partition, offset: record.offset, timestamp: record.timestamp, key: record.key });
          }
          // A partition that errors (say, its records expired meanwhile) is done: sample what is left.
          positions.set(chunk.partition, chunk.error ? end : chunk.nextOffset);
        }
      }
    });
    return { topic, partitions, records };
  }
}
