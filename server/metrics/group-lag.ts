import type { ClusterConfig } from '../kafka/clusters-config';
import type { ConsumerGroupsState } from '../kafka/cluster-model';
import { partitionKey, type OffsetTable } from '../kafka/log-offsets';
import type { ConsumerGroupsGateway } from '../consumer-groups/consumer-groups.gateway';
import { evaluateWindow, groupVerdict, observeCommit, type CommitWindow } from './burrow';
import { addLogEnd, lagSecondsAt, type OffsetTimeline } from './lag-time';
import type { GroupMeasure, PartitionLagMeasure } from './metrics.model';

/** Group states in which the group has no members. */
const MEMBERLESS = new Set(['Empty', 'Dead']);
/** Record timestamps read per sample at most, for lags older than the sampled history. */
const TIMESTAMP_READS_PER_SAMPLE = 200;

/**
 * Something kept per partition, by topic: an array indexed by partition under the topic's own
 * name string, rather than a map entry and a key string per partition (tens of thousands of
 * them on a large cluster).
 */
class ByPartition<T> {
  readonly #byTopic = new Map<string, (T | undefined)[]>();
  #seen = new Set<string>();

  get(topic: string, partition: number): T | undefined {
    return this.#byTopic.get(topic)?.[partition];
  }

  /** The partition's value, made by `make` the first time; marks it as still in use. */
  take(topic: string, partition: number, make: () => T): T {
    let partitions = this.#byTopic.get(topic);
    if (!partitions) this.#byTopic.set(topic, (partitions = []));
    this.#seen.add(topic);
    return (partitions[partition] ??= make());
  }

  /** Every partition's value, by topic and partition. */
  *entries(): Generator<[topic: string, partition: number, value: T]> {
    for (const [topic, partitions] of this.#byTopic) {
      for (let partition = 0; partition < partitions.length; partition++) {
        const value = partitions[partition];
        if (value !== undefined) yield [topic, partition, value];
      }
    }
  }

  /** Forgets the topics not taken from since the last sweep. */
  sweep(): void {
    for (const topic of this.#byTopic.keys()) if (!this.#seen.has(topic)) this.#byTopic.delete(topic);
    this.#seen = new Set();
  }
}

/**
 * What is kept of a group on one partition, in one array of numbers: the committed offset
 * whose record's time was read and that time (NaN before any), the offset committed at the
 * last sample (for the consume rate, and the partition's figures until the next), the time of
 * the last sample that saw it, then its commit window.
 */
type GroupPartition = CommitWindow;
const RECORD_OFFSET = 0;
const RECORD_TIME = 1;
const LAST_COMMIT = 2;
const SEEN = 3;
const WINDOW = 4;

/** The figures the previous sample gave, for rates. */
export interface PreviousSample {
  time: number;
  ends: OffsetTable;
}

/**
 * Every group's lag on one cluster, sample after sample: lag in records and in seconds (from
 * the log end's sampled history, or the time of the record at the committed offset), the
 * consume rate, the time to catch up, and each partition's and group's status by Burrow's rules.
 */
export class GroupLag {
  /** The log end's history of every partition some group reads. */
  readonly #timelines = new ByPartition<OffsetTimeline>();
  readonly #groups = new Map<string, ByPartition<GroupPartition>>();
  /** The last sample's log ends and time: a group's partitions are told again from them on request. */
  #last: { ends: OffsetTable; time: number } | undefined;

  constructor(
    private readonly cluster: ClusterConfig,
    private readonly groupsGateway: ConsumerGroupsGateway,
    private readonly intervalMs: number,
    private readonly windowSize: number,
  ) {}

  /** Every group's measures at `time`, from the sample's log ends and committed offsets and the previous sample's. */
  async measure(
    partitionCounts: ReadonlyMap<string, number>,
    ends: OffsetTable,
    state: ConsumerGroupsState,
    previous: PreviousSample | undefined,
    time: number,
  ): Promise<GroupMeasure[]> {
    for (const committed of state.committed.values()) {
      for (const { topic, partition } of committed.list()) {
        const end = ends.get(topic, partition);
        if (end === undefined) continue;
        // Made to the size of one point: a quiet partition never needs more.
        addLogEnd(
          this.#timelines.take(topic, partition, () => [Number(end), time]),
          Number(end),
          time,
        );
      }
    }
    this.#timelines.sweep();
    this.#last = { ends, time };
    const seconds = previous ? (time - previous.time) / 1000 : 0;
    const measures = state.listings.map((listing) => {
      let kept = this.#groups.get(listing.groupId);
      if (!kept) this.#groups.set(listing.groupId, (kept = new ByPartition()));
      const committed = (state.committed.get(listing.groupId)?.list() ?? []).filter(
        (p) => p.partition < (partitionCounts.get(p.topic) ?? 0),
      );
      const active = !MEMBERLESS.has(listing.state);
      let consumed: number | null = previous && seconds > 0 ? 0 : null;
      let produced = 0;
      const partitions: PartitionLagMeasure[] = [];
      for (const { topic, partition, offset } of committed) {
        const end = ends.get(topic, partition);
        if (end === undefined) continue;
        const committedOffset = Number(offset);
        const endOffset = Number(end);
        const lag = Math.max(0, endOffset - committedOffset);
        const endBefore = previous?.ends.get(topic, partition);
        if (endBefore !== undefined) produced += Math.max(0, endOffset - Number(endBefore));
        // Made to the size most partitions keep (a group that does not move keeps one commit).
        const state = kept.take(topic, partition, () => [NaN, NaN, NaN, time, committedOffset, lag, time]);
        state[SEEN] = time;
        const then = state[LAST_COMMIT]!;
        if (consumed !== null && !Number.isNaN(then)) consumed += Math.max(0, committedOffset - then);
        state[LAST_COMMIT] = committedOffset;
        if (state.length > WINDOW + 3 || state[WINDOW + 2] !== time)
          observeCommit(state, committedOffset, lag, time, active, this.windowSize, WINDOW);
        const verdict = evaluateWindow(state, lag, time, this.intervalMs, this.windowSize, WINDOW);
        const timeline = this.#timelines.get(topic, partition);
        const lagSeconds =
          lag === 0 ? 0 : ((timeline && lagSecondsAt(timeline, committedOffset, time)) ?? recordLag(state, committedOffset, time));
        partitions.push({ topic, partition, committedOffset, endOffset, lag, lagSeconds, ...verdict });
      }
      kept.sweep();
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
    for (const groupId of this.#groups.keys()) if (!listed.has(groupId)) this.#groups.delete(groupId);
    // Where the sampled history does not reach back (a group stopped before the console
    // started), the time of the record at the committed offset tells the lag in seconds now.
    await this.#readRecordTimes(measures);
    for (const group of measures) {
      const kept = this.#groups.get(group.groupId)!;
      for (const p of group.partitions) {
        const state = kept.get(p.topic, p.partition);
        if (p.lagSeconds === null && state) p.lagSeconds = recordLag(state, p.committedOffset, time);
      }
      const known = group.partitions.filter((p) => p.lagSeconds !== null).map((p) => p.lagSeconds!);
      group.lagSeconds = known.length ? Math.max(...known) : null;
    }
    return measures;
  }

  /**
   * A group's partitions as the last sample measured them, told again from what is kept (so
   * the tens of thousands of them are not kept as objects between samples).
   */
  partitionsOf(groupId: string): PartitionLagMeasure[] {
    const kept = this.#groups.get(groupId);
    const last = this.#last;
    if (!kept || !last) return [];
    const partitions: PartitionLagMeasure[] = [];
    for (const [topic, partition, state] of kept.entries()) {
      const end = last.ends.get(topic, partition);
      if (state[SEEN] !== last.time || end === undefined) continue;
      const committedOffset = state[LAST_COMMIT]!;
      const endOffset = Number(end);
      const lag = Math.max(0, endOffset - committedOffset);
      const timeline = this.#timelines.get(topic, partition);
      const lagSeconds =
        lag === 0 ? 0 : ((timeline && lagSecondsAt(timeline, committedOffset, last.time)) ?? recordLag(state, committedOffset, last.time));
      const verdict = evaluateWindow(state, lag, last.time, this.intervalMs, this.windowSize, WINDOW);
      partitions.push({ topic, partition, committedOffset, endOffset, lag, lagSeconds, ...verdict });
    }
    return partitions;
  }

  /**
   * Reads the time of the record at the committed offset where the sampled history does not
   * reach back to it: a few hundred per sample, one per partition, each once per offset.
   */
  async #readRecordTimes(measures: GroupMeasure[]): Promise<void> {
    const positions = new Map<string, { topic: string; partition: number; offset: bigint }>();
    for (const group of measures) {
      for (const p of group.partitions) {
        if (p.lagSeconds !== null || positions.size >= TIMESTAMP_READS_PER_SAMPLE) continue;
        const key = partitionKey(p.topic, p.partition);
        // Groups waiting at another offset of the same partition are read on a later sample.
        if (!positions.has(key)) positions.set(key, { topic: p.topic, partition: p.partition, offset: BigInt(p.committedOffset) });
      }
    }
    if (!positions.size) return;
    const times = await this.groupsGateway.timestampsAt(this.cluster, [...positions.values()]).catch(() => new Map<string, number>());
    for (const group of measures) {
      const kept = this.#groups.get(group.groupId)!;
      for (const p of group.partitions) {
        const key = partitionKey(p.topic, p.partition);
        const time = times.get(key);
        if (p.lagSeconds !== null || time === undefined || positions.get(key)!.offset !== BigInt(p.committedOffset)) continue;
        const state = kept.get(p.topic, p.partition)!;
        state[RECORD_OFFSET] = p.committedOffset;
        state[RECORD_TIME] = time;
      }
    }
  }
}

/** Lag in seconds from the time of the record at the committed offset, when it was read. */
function recordLag(state: GroupPartition, offset: number, now: number): number | null {
  return state[RECORD_OFFSET] === offset ? Math.max(0, (now - state[RECORD_TIME]!) / 1000) : null;
}
