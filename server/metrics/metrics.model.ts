/**
 * The API contract of the metrics feature: what the console measures of each cluster on every
 * sample (rates, lag in records and in seconds, a status per group by Burrow's rules), the
 * history it keeps of that in the cluster, and what it scrapes from the Prometheus endpoints of
 * brokers and apps. The Angular app imports these types too.
 */

/** How far back a chart looks. */
export type MetricsRange = '15m' | '1h' | '6h' | '24h' | '7d';
export const METRICS_RANGES: readonly MetricsRange[] = ['15m', '1h', '6h', '24h', '7d'];
/** Each range in milliseconds. */
export const RANGE_MS: Record<MetricsRange, number> = {
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '6h': 6 * 3_600_000,
  '24h': 24 * 3_600_000,
  '7d': 7 * 24 * 3_600_000,
};

/**
 * A consumer's state on a partition or a group by Burrow's evaluation rules
 * (https://github.com/linkedin/Burrow/wiki/Consumer-Lag-Evaluation-Rules). A group is the worst
 * of its partitions, except that STOP, STALL and REWIND on a partition make the group ERR.
 */
export type LagStatus = 'OK' | 'WARN' | 'STALL' | 'STOP' | 'REWIND' | 'ERR';

/**
 * Which of Burrow's rules decided a status:
 * - `no-lag`: the lag is zero now (OK);
 * - `stopped`: the group has not committed for longer than the window spans (STOP);
 * - `caught-up-in-window`: the lag was zero at some point in the window (OK);
 * - `rewind`: a committed offset went backwards in the window (REWIND);
 * - `stalled`: members are there but the committed offset did not move while lag stayed (STALL);
 * - `lag-not-decreasing`: offsets move but the lag grew or held over the window (WARN);
 * - `lag-decreasing`: offsets move and the lag shrinks (OK);
 * - `too-few-samples`: fewer commits seen than the window needs to judge (OK);
 * - `worst-partition`: a group's status is its worst partition's.
 */
export type LagRule =
  | 'no-lag'
  | 'stopped'
  | 'caught-up-in-window'
  | 'rewind'
  | 'stalled'
  | 'lag-not-decreasing'
  | 'lag-decreasing'
  | 'too-few-samples'
  | 'worst-partition';

/** One topic on one sample. */
export interface TopicMeasure {
  topic: string;
  partitions: number;
  /** Records written per second since the previous sample; null on the first. */
  recordsPerSecond: number | null;
  /** Bytes written per second (growth of the log on disk, never below 0); null until two sizes are known. */
  bytesPerSecond: number | null;
  /** Bytes on disk, one replica of each partition; null until first read. */
  sizeBytes: number | null;
}

/** One group on one partition, on one sample. */
export interface PartitionLagMeasure {
  topic: string;
  partition: number;
  committedOffset: number;
  endOffset: number;
  lag: number;
  /**
   * How far behind in time: how long ago the log end was where the group now is, from the
   * sampled offset/time history of the partition (interpolated, as kafka-lag-exporter does),
   * or from the timestamp of the record at the committed offset when that history is too short.
   * 0 with no lag; null when it cannot be told yet.
   */
  lagSeconds: number | null;
  status: LagStatus;
  rule: LagRule;
}

/** One consumer group (classic, consumer or streams) on one sample. */
export interface GroupMeasure {
  groupId: string;
  /** `classic`, `consumer` (KIP-848) or `streams` (KIP-1071). */
  type: string;
  /** Kafka's group state; `Empty` means no members. */
  state: string;
  /** Records behind, summed over its committed partitions. */
  lag: number;
  /** The largest lag in seconds of its partitions; null when none can be told. */
  lagSeconds: number | null;
  /** Records committed per second since the previous sample; null on the first. */
  consumeRate: number | null;
  /** Seconds to reach the log end at the current consume and produce rates; null when it is not catching up. */
  catchUpSeconds: number | null;
  status: LagStatus;
  rule: LagRule;
  partitions: PartitionLagMeasure[];
}

/** What one sample measured of a cluster. */
export interface MetricsSample {
  cluster: string;
  /** When the sample was taken (epoch ms). */
  time: number;
  topics: TopicMeasure[];
  groups: GroupMeasure[];
  /** Partitions with fewer in-sync replicas than replicas. */
  underReplicatedPartitions: number;
  /** Partitions with no leader. */
  offlinePartitions: number;
}

/** Numbers over time: `time` (epoch ms) and every series of the same length; null where nothing was measured. */
export type Series = (number | null)[];

/** `GET /api/clusters/:cluster/metrics/overview?range=`: every topic's and group's current figures and a sparkline. */
export interface MetricsOverview {
  /** When the latest sample was taken (ISO-8601); null before the first. */
  asOf: string | null;
  intervalSeconds: number;
  range: MetricsRange;
  /** The sparklines' time axis (at most 120 points over the range). */
  time: number[];
  topics: TopicTrend[];
  groups: GroupTrend[];
}

export interface TopicTrend extends TopicMeasure {
  /** Records per second over the range. */
  rateHistory: Series;
}

export interface GroupTrend extends Omit<GroupMeasure, 'partitions'> {
  /** Records behind over the range. */
  lagHistory: Series;
  /** Seconds behind over the range. */
  lagSecondsHistory: Series;
}

/** `GET /api/clusters/:cluster/metrics/topics/:topic?range=`: a topic's rate and size over time. */
export interface TopicHistory {
  topic: string;
  asOf: string | null;
  intervalSeconds: number;
  range: MetricsRange;
  time: number[];
  recordsPerSecond: Series;
  bytesPerSecond: Series;
  sizeBytes: Series;
  /** The latest sample's figures; null when the topic is in none. */
  current: TopicMeasure | null;
}

/** `GET /api/clusters/:cluster/metrics/consumer-groups/:group?range=`: a group's lag, rate and status over time. */
export interface GroupHistory {
  groupId: string;
  asOf: string | null;
  intervalSeconds: number;
  range: MetricsRange;
  time: number[];
  lag: Series;
  lagSeconds: Series;
  consumeRate: Series;
  /** The group's status at each time; null where it was not sampled. */
  status: (LagStatus | null)[];
  /** The latest sample's figures, partitions included; null when the group is in none. */
  current: GroupMeasure | null;
}

/** What a Prometheus endpoint the console scrapes belongs to. */
export type EndpointKind = 'broker' | 'connect' | 'streams';

/** A Prometheus endpoint of a broker or an app, as configured, and how its last scrape went. */
export interface EndpointStatus {
  name: string;
  kind: EndpointKind;
  url: string;
  /** Whether the last scrape answered metrics. */
  up: boolean;
  /** Why the last scrape failed, in plain words. */
  error: string | null;
  /** When it was last scraped successfully (ISO-8601). */
  lastScrape: string | null;
}

/** One chart of application or infrastructure metrics: one line per endpoint (or per task, store, request). */
export interface AppChart {
  /** Stable id, e.g. `broker-bytes-in`. */
  id: string;
  title: string;
  section: 'Brokers' | 'Connect' | 'Streams' | 'Consumers' | 'Producers';
  unit: 'bytes/s' | 'records/s' | 'ms' | 'bytes' | 'count' | 'tasks';
  series: { label: string; values: Series }[];
}

/** `GET /api/clusters/:cluster/metrics/apps?range=`: what the cluster's brokers and apps report over time. */
export interface AppMetrics {
  asOf: string | null;
  intervalSeconds: number;
  range: MetricsRange;
  time: number[];
  endpoints: EndpointStatus[];
  charts: AppChart[];
}
