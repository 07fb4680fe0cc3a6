import type { ClusterConfig } from '../kafka/clusters-config';
import type { ClusterModel, CommittedOffsets, LogOffsets } from '../kafka/cluster-model';
import type { ClusterDescription } from '../kafka/kafka-clients';
import type { Snapshot } from '../kafka/live-value';
import { partitionKey, type OffsetTable } from '../kafka/log-offsets';
import type { ConsumerGroupsGateway } from '../consumer-groups/consumer-groups.gateway';
import { CommitWindow, groupVerdict, type LagVerdict } from './burrow';
import { OffsetTimeline } from './lag-time';
import type { GroupMeasure, MetricsSample, PartitionLagMeasure, TopicMeasure } from './metrics.model';

/** What the previous sample saw, for the rates of the next. */
interface Previous {
  time: number;
  ends: OffsetTable;
  committed: ReadonlyMap<string, CommittedOffsets>;
}

/** Group states in which the group has no members. */
const MEMBERLESS = new Set(['Empty', 'Dead']);
/** Record timestamps read per sample at most, for lags older than the sampled history. */
const TIMESTAMP_READS_PER_SAMPLE = 200;

/**
 * Measures one cluster from its live model: one sample reads the metadata, every partition's
 * log offsets, every group's committed offsets and the topic sizes (a few batched requests
 * whatever the cluster's size, shared with the pages), and compares them with the previous
 * sample: produce and consume rates, lag in records and in seconds, time to catch up, and each
 * group's status by Burrow's rules.
 */
export class MetricsSampler {
  #previous: Previous | undefined;
  readonly #timelines = new Map<string, OffsetTimeline>();
  /** Per group, per partition key: its commit window. */
  readonly #windows = new Map<string, Map<string, CommitWindow>>();
  /** When the topic sizes last used were read; per topic, its size and log-end sum then, and what a record adds. */
  #sizesAsOf = 0;
  readonly #sizeMarks = new Map<string, { size: number; ends: number }>();
  readonly #bytesPerRecord = new Map<string, number>();
  /** Per group and partition key: when the record at the committed offset was written. */
  readonly #recordTimes = new Map<string, { offset: number; time: number }>();

  constructor(
    private readonly cluster: ClusterConfig,
    private readonly model: ClusterModel,
    private readonly groupsGateway: ConsumerGroupsGateway,
    private readonly intervalMs: number,
    private readonly windowSize = 10,
  ) {}

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
    const groupMeasures = await this.#groups(metadata.value, offsets.value.ends, groups.value, previous, seconds, time);
    this.#previous = { time, ends: offsets.value.ends, committed: groups.value.committed };
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
    previous: Previous | undefined,
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

  async #groups(
    description: ClusterDescription,
    ends: OffsetTable,
    state: Awaited<ReturnType<ClusterModel['consumerGroups']>>['value'],
    previous: Previous | undefined,
    seconds: number,
    time: number,
  ): Promise<GroupMeasure[]> {
    const partitionCounts = new Map(description.topics.map((topic) => [topic.name, topic.partitions.length]));
    // The log end's history of every partition some group reads: what lag in seconds is told from.
    const read = new Set<string>();
    for (const committed of state.committed.values()) {
      for (const { topic, partition } of committed.list()) read.add(partitionKey(topic, partition));
    }
    for (const key of read) {
      const [topic, partition] = splitKey(key);
      const end = ends.get(topic, partition);
      if (end === undefined) continue;
      let timeline = this.#timelines.get(key);
      if (!timeline) this.#timelines.set(key, (timeline = new OffsetTimeline()));
      timeline.add(Number(end), time);
    }
    for (const key of this.#timelines.keys()) if (!read.has(key)) this.#timelines.delete(key);

    const measures = state.listings.map((listing) => {
      const committed = (state.committed.get(listing.groupId)?.list() ?? []).filter(
        (p) => p.partition < (partitionCounts.get(p.topic) ?? 0),
      );
      const before = previous?.committed.get(listing.groupId);
      const active = !MEMBERLESS.has(listing.state);
      let windows = this.#windows.get(listing.groupId);
      if (!windows) this.#windows.set(listing.groupId, (windows = new Map()));
      let consumed: number | null = previous && seconds > 0 ? 0 : null;
      let produced = 0;
      const partitions: PartitionLagMeasure[] = committed.flatMap(({ topic, partition, offset }) => {
        const end = ends.get(topic, partition);
        if (end === undefined) return [];
        const key = partitionKey(topic, partition);
        const committedOffset = Number(offset);
        const endOffset = Number(end);
        const lag = Math.max(0, endOffset - committedOffset);
        const then = before?.onTopic(topic).find((p) => p.partition === partition)?.offset;
        if (consumed !== null && then !== undefined) consumed += Math.max(0, committedOffset - Number(then));
        const endBefore = previous?.ends.get(topic, partition);
        if (endBefore !== undefined) produced += Math.max(0, endOffset - Number(endBefore));
        let window = windows.get(key);
        if (!window) windows.set(key, (window = new CommitWindow(this.windowSize)));
        window.observe({ offset: committedOffset, lag, time }, active);
        const verdict: LagVerdict = window.evaluate(lag, time, this.intervalMs);
        const lagSeconds =
          lag === 0
            ? 0
            : (this.#timelines.get(key)?.lagSeconds(committedOffset, time) ?? this.#recordLag(listing.groupId, key, committedOffset, time));
        return [{ topic, partition, committedOffset, endOffset, lag, lagSeconds, ...verdict }];
      });
      for (const key of windows.keys()) if (!partitions.some((p) => partitionKey(p.topic, p.partition) === key)) windows.delete(key);
      const lag = partitions.reduce((sum, p) => sum + p.lag, 0);
      const consumeRate = consumed === null ? null : consumed / seconds;
      const gaining = consumeRate === null ? 0 : consumeRate - produced / seconds;
      const measure: GroupMeasure = {
        groupId: listing.groupId,
        type: listing.type,
        state: listing.state,
        lag,
        lagSeconds: null,
        consumeRate,
        catchUpSeconds: lag === 0 ? 0 : gaining > 0 ? lag / gaining : null,
        ...groupVerdict(partitions),
        partitions,
      };
      return measure;
    });
    const listed = new Set(state.listings.map((listing) => listing.groupId));
    for (const groupId of this.#windows.keys()) if (!listed.has(groupId)) this.#windows.delete(groupId);
    // Where the sampled history does not reach back (a group stopped before the console
    // started), the time of the record at the committed offset tells the lag in seconds now.
    await this.#readRecordTimes(measures);
    for (const group of measures) {
      for (const p of group.partitions) {
        p.lagSeconds ??= this.#recordLag(group.groupId, partitionKey(p.topic, p.partition), p.committedOffset, time);
      }
      const known = group.partitions.filter((p) => p.lagSeconds !== null).map((p) => p.lagSeconds!);
      group.lagSeconds = known.length ? Math.max(...known) : null;
    }
    return measures;
  }

  /** Lag in seconds from the time of the record at the committed offset, when it was read. */
  #recordLag(groupId: string, key: string, offset: number, now: number): number | null {
    const known = this.#recordTimes.get(`${groupId}\u0000${key}`);
    return known?.offset === offset ? Math.max(0, (now - known.time) / 1000) : null;
  }

  /**
   * Reads the time of the record at the committed offset where the sampled history does not
   * reach back to it: a few hundred per sample, each once per offset.
   */
  async #readRecordTimes(measures: GroupMeasure[]): Promise<void> {
    const wanted = new Map<string, { groupId: string; topic: string; partition: number; offset: bigint }>();
    for (const group of measures) {
      for (const p of group.partitions) {
        if (p.lagSeconds !== null || wanted.size >= TIMESTAMP_READS_PER_SAMPLE) continue;
        wanted.set(`${group.groupId}\u0000${partitionKey(p.topic, p.partition)}`, {
          groupId: group.groupId,
          topic: p.topic,
          partition: p.partition,
          offset: BigInt(p.committedOffset),
        });
      }
    }
    const live = new Set(
      measures.flatMap((group) => group.partitions.map((p) => `${group.groupId}\u0000${partitionKey(p.topic, p.partition)}`)),
    );
    for (const key of this.#recordTimes.keys()) if (!live.has(key)) this.#recordTimes.delete(key);
    if (!wanted.size) return;
    // One read per partition: groups waiting at another offset of it are read on a later sample.
    const positions = new Map<string, { topic: string; partition: number; offset: bigint }>();
    for (const position of wanted.values()) {
      const key = partitionKey(position.topic, position.partition);
      if (!positions.has(key)) positions.set(key, position);
    }
    const times = await this.groupsGateway.timestampsAt(this.cluster, [...positions.values()]).catch(() => new Map<string, number>());
    for (const [key, position] of wanted) {
      const partition = partitionKey(position.topic, position.partition);
      const time = times.get(partition);
      if (time !== undefined && positions.get(partition)!.offset === position.offset)
        this.#recordTimes.set(key, { offset: Number(position.offset), time });
    }
  }
}

function splitKey(key: string): [string, number] {
  const at = key.lastIndexOf('\u0000');
  return [key.slice(0, at), Number(key.slice(at + 1))];
}
