import { gunzipSync, gzipSync } from 'node:zlib';
import { statusCode, statusOfCode } from './burrow';
import type { GroupMeasure, LagRule, MetricsSample, TopicMeasure } from './metrics.model';

/**
 * One record of the metric history: the series that changed at `time` (null ends or blanks
 * one), and the groups whose kind, state or rule changed. A `full` record names every series
 * and group, so a reader may start there. Gzipped JSON: most of a cluster is quiet, and what
 * repeats compresses well.
 */
export interface HistoryRecord {
  v: 1;
  /** The console instance that wrote it. */
  instance: string;
  time: number;
  full: boolean;
  values: Record<string, number | null>;
  /**
   * Per group: its type, state, the rule behind its status and the seconds it needs to catch up
   * (no chart shows those: they are kept with the group, not as series); null when the group is gone.
   */
  groups: Record<string, [type: string, state: string, rule: LagRule, catchUpSeconds: number | null] | null>;
  /** The instance that sampled stopped: another may take over at once. */
  stopped?: true;
}

export type GroupMeta = NonNullable<HistoryRecord['groups'][string]>;

export function encodeRecord(record: HistoryRecord): Buffer {
  return gzipSync(JSON.stringify(record));
}

/** The record in `value`; undefined for one this version cannot read. */
export function decodeRecord(value: Buffer | null): HistoryRecord | undefined {
  if (!value) return undefined;
  try {
    const record = JSON.parse(gunzipSync(value).toString('utf8')) as HistoryRecord;
    return record?.v === 1 && typeof record.time === 'number' && record.values && record.groups ? record : undefined;
  } catch {
    return undefined;
  }
}

/** Series names: what is measured of which topic or group. */
export const seriesName = {
  topicRate: (topic: string) => `t:r:${topic}`,
  topicBytes: (topic: string) => `t:b:${topic}`,
  topicSize: (topic: string) => `t:s:${topic}`,
  topicPartitions: (topic: string) => `t:p:${topic}`,
  groupLag: (group: string) => `g:l:${group}`,
  groupLagSeconds: (group: string) => `g:ls:${group}`,
  groupRate: (group: string) => `g:c:${group}`,
  groupStatus: (group: string) => `g:st:${group}`,
  underReplicated: 'c:urp',
  offline: 'c:off',
};

/** Whether a series is a group's status (kept by its worst, not averaged). */
export const isStatusSeries = (name: string): boolean => name.startsWith('g:st:');

const num = (value: number | null): number => (value === null ? NaN : value);

/** A sample as series values: every figure of every topic and group, by series name. */
export function sampleValues(sample: MetricsSample): Map<string, number> {
  const values = new Map<string, number>();
  for (const topic of sample.topics) {
    values.set(seriesName.topicRate(topic.topic), num(topic.recordsPerSecond));
    values.set(seriesName.topicBytes(topic.topic), num(topic.bytesPerSecond));
    values.set(seriesName.topicSize(topic.topic), num(topic.sizeBytes));
    values.set(seriesName.topicPartitions(topic.topic), topic.partitions);
  }
  for (const group of sample.groups) {
    values.set(seriesName.groupLag(group.groupId), group.lag);
    values.set(seriesName.groupLagSeconds(group.groupId), num(group.lagSeconds));
    values.set(seriesName.groupRate(group.groupId), num(group.consumeRate));
    values.set(seriesName.groupStatus(group.groupId), statusCode(group.status));
  }
  values.set(seriesName.underReplicated, sample.underReplicatedPartitions);
  values.set(seriesName.offline, sample.offlinePartitions);
  return values;
}

/**
 * A sample rebuilt from series values and group kinds, as an instance that reads the history
 * another one writes knows it: every figure, but not each group's partitions.
 */
export function sampleFromValues(
  cluster: string,
  time: number,
  values: ReadonlyMap<string, number>,
  groups: ReadonlyMap<string, GroupMeta>,
): MetricsSample {
  const value = (name: string): number | null => {
    const found = values.get(name);
    return found === undefined || Number.isNaN(found) ? null : found;
  };
  const topics: TopicMeasure[] = [];
  for (const name of values.keys()) {
    if (!name.startsWith('t:p:')) continue;
    const topic = name.slice(4);
    topics.push({
      topic,
      partitions: value(name) ?? 0,
      recordsPerSecond: value(seriesName.topicRate(topic)),
      bytesPerSecond: value(seriesName.topicBytes(topic)),
      sizeBytes: value(seriesName.topicSize(topic)),
    });
  }
  const measures: GroupMeasure[] = [...groups].map(([groupId, [type, state, rule, catchUpSeconds]]) => ({
    groupId,
    type,
    state,
    lag: value(seriesName.groupLag(groupId)) ?? 0,
    lagSeconds: value(seriesName.groupLagSeconds(groupId)),
    consumeRate: value(seriesName.groupRate(groupId)),
    catchUpSeconds: catchUpSeconds ?? null,
    status: statusOfCode(value(seriesName.groupStatus(groupId)) ?? 0) ?? 'OK',
    rule,
    partitions: [],
  }));
  return {
    cluster,
    time,
    topics,
    groups: measures,
    underReplicatedPartitions: value(seriesName.underReplicated) ?? 0,
    offlinePartitions: value(seriesName.offline) ?? 0,
  };
}
