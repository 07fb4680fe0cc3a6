import type { ClusterConfig } from '../kafka/clusters-config';
import type { ClusterModel, LogOffsets } from '../kafka/cluster-model';
import type { ClusterDescription } from '../kafka/kafka-clients';
import type { Snapshot } from '../kafka/live-value';
import type { ConsumerGroupsGateway } from '../consumer-groups/consumer-groups.gateway';
import { GroupLag, type PreviousSample } from './group-lag';
import type { MetricsSample, PartitionLagMeasure, TopicMeasure } from './metrics.model';

/**
 * Measures one cluster from its live model: one sample reads the metadata, every partition's
 * log offsets, every group's committed offsets and the topic sizes (a few batched requests
 * whatever the cluster's size, shared with the pages), and compares them with the previous
 * sample: produce and consume rates, lag in records and in seconds, time to catch up, and each
 * group's status by Burrow's rules.
 */
export class MetricsSampler {
  #previous: PreviousSample | undefined;
  readonly #groupLag: GroupLag;
  /** When the topic sizes last used were read; per topic, its size and log-end sum then, and what a record adds. */
  #sizesAsOf = 0;
  readonly #sizeMarks = new Map<string, { size: number; ends: number }>();
  readonly #bytesPerRecord = new Map<string, number>();

  constructor(
    private readonly cluster: ClusterConfig,
    private readonly model: ClusterModel,
    groupsGateway: ConsumerGroupsGateway,
    private readonly intervalMs: number,
    windowSize = 10,
  ) {
    this.#groupLag = new GroupLag(cluster, groupsGateway, intervalMs, windowSize);
  }

  /** A group's partitions as the last sample measured them. */
  partitionsOf(groupId: string): PartitionLagMeasure[] {
    return this.#groupLag.partitionsOf(groupId);
  }

  /** Takes one sample now. */
  async sample(now = Date.now): Promise<MetricsSample> {
    // As fresh as the interval: pages reading the same parts meanwhile are answered by the same reads.
    const fresh = { maxAgeMs: this.intervalMs / 2 };
    const [metadata, offsets, groups, sizes] = await Promise.all([
      this.model.metadata(this.cluster, fresh),
      this.model.logOffsets(this.cluster, fresh),
      this.model.consumerGroups(this.cluster, fresh),
      this.model.topicSizes(this.cluster, { maxAgeMs: Math.max(this.intervalMs, 60_000) }),
    ]);
    const time = now();
    const previous = this.#previous;
    const seconds = previous ? (time - previous.time) / 1000 : 0;
    const topics = this.#topics(metadata.value, offsets.value, sizes, previous, seconds);
    const partitionCounts = new Map(metadata.value.topics.map((topic) => [topic.name, topic.partitions.length]));
    const groupMeasures = await this.#groupLag.measure(partitionCounts, offsets.value.ends, groups.value, previous, time);
    this.#previous = { time, ends: offsets.value.ends };
    let underReplicated = 0;
    let offline = 0;
    for (const topic of metadata.value.topics) {
      for (const partition of topic.partitions) {
        if (partition.isr.length < partition.replicas.length) underReplicated++;
        if (partition.leader < 0) offline++;
      }
    }
    return {
      cluster: this.cluster.name,
      time,
      topics,
      groups: groupMeasures,
      underReplicatedPartitions: underReplicated,
      offlinePartitions: offline,
    };
  }

  #topics(
    description: ClusterDescription,
    offsets: LogOffsets,
    sizes: Snapshot<Map<string, number>> | undefined,
    previous: PreviousSample | undefined,
    seconds: number,
  ): TopicMeasure[] {
    const newSizes = sizes !== undefined && sizes.asOf !== this.#sizesAsOf;
    if (newSizes) this.#sizesAsOf = sizes.asOf;
    const measures = description.topics.map((topic) => {
      let written: number | null = previous && seconds > 0 ? 0 : null;
      let ends = 0;
      let stored = 0;
      topic.partitions.forEach((_partition, index) => {
        const end = offsets.ends.get(topic.name, index);
        const start = offsets.starts.get(topic.name, index);
        if (end !== undefined) ends += Number(end);
        if (end !== undefined && start !== undefined) stored += Number(end - start);
        const before = previous?.ends.get(topic.name, index);
        if (written !== null) written = end === undefined || before === undefined ? null : written + Math.max(0, Number(end - before));
      });
      const recordsPerSecond = written === null ? null : written / seconds;
      const sizeBytes = sizes?.value.get(topic.name) ?? null;
      if (newSizes && sizeBytes !== null) this.#learnRecordSize(topic.name, sizeBytes, ends);
      // Bytes written: the records written times what a record adds to the log, learnt from
      // how the size on disk grew against the offsets between two size reads; until then, the
      // average size of a stored record.
      const perRecord = this.#bytesPerRecord.get(topic.name) ?? (sizeBytes !== null && stored > 0 ? sizeBytes / stored : null);
      const bytesPerSecond =
        recordsPerSecond === null || perRecord === null ? null : recordsPerSecond === 0 ? 0 : recordsPerSecond * perRecord;
      return { topic: topic.name, partitions: topic.partitions.length, recordsPerSecond, bytesPerSecond, sizeBytes };
    });
    if (newSizes) {
      const names = new Set(description.topics.map((topic) => topic.name));
      for (const name of this.#sizeMarks.keys()) {
        if (names.has(name)) continue;
        this.#sizeMarks.delete(name);
        this.#bytesPerRecord.delete(name);
      }
    }
    return measures;
  }

  /**
   * What one record adds to a topic's log, from two size reads: the growth over the records
   * written between them. A size that fell (retention deleted a segment) teaches nothing.
   */
  #learnRecordSize(topic: string, size: number, ends: number): void {
    const mark = this.#sizeMarks.get(topic);
    this.#sizeMarks.set(topic, { size, ends });
    if (!mark) return;
    const grown = size - mark.size;
    const records = ends - mark.ends;
    if (grown > 0 && records > 0) this.#bytesPerRecord.set(topic, grown / records);
  }
}
