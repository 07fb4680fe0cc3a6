/** The API contract of topics and their messages; the browser imports these types too. */
import type { Offset } from '../shared/offset';

export interface TopicSummary {
  name: string;
  partitions: number;
  replicationFactor: number;
  underReplicatedPartitions: number;
  internal: boolean;
  /** Records between the earliest and latest offsets; approximate on compacted topics. */
  messageCount: number | null;
  /** Bytes on disk of the leader replicas. */
  sizeBytes: number | null;
}

export type SortOrder = 'asc' | 'desc';

/** One page of the topic list, as `GET /topics` takes it. */
export interface TopicListQuery {
  /** Part of the name, any case. */
  search?: string;
  /** Whether Kafka's and other `_`-prefixed topics are listed too. */
  internal: boolean;
  sort: TopicSortField;
  order: SortOrder;
  page: number;
  pageSize: number;
  /** Read from Kafka now instead of the console's live model (the Refresh button). */
  fresh?: boolean;
}

export type TopicSortField = 'name' | 'partitions' | 'replicationFactor' | 'underReplicatedPartitions' | 'messageCount' | 'sizeBytes';

export interface TopicPage {
  items: TopicSummary[];
  total: number;
  /** When the data was read from the cluster (ISO-8601): the oldest part of it. */
  asOf: string;
}

export interface NewTopic {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
}

export interface PartitionDetail {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
  earliestOffset: Offset;
  latestOffset: Offset;
}

export type ConfigSource = 'dynamic-topic' | 'dynamic-broker' | 'dynamic-default-broker' | 'static-broker' | 'default' | 'unknown';

export interface TopicConfigEntry {
  name: string;
  /** Null for a sensitive value. */
  value: string | null;
  source: ConfigSource;
  isSensitive: boolean;
  isReadOnly: boolean;
  /** Whether the topic sets it itself (as opposed to inheriting it). */
  isOverride: boolean;
  documentation: string | null;
}

export interface TopicConsumerGroup {
  groupId: string;
  /** Sum over the topic's partitions of log-end offset minus committed offset. */
  lag: number;
}

export interface TopicDetail {
  name: string;
  internal: boolean;
  /**
   * Why the console refuses to change this topic (produce, purge, configs, partitions,
   * delete), in words to show beside the disabled actions; null when it allows them.
   */
  readOnlyReason: string | null;
  partitions: PartitionDetail[];
  configs: TopicConfigEntry[];
  consumerGroups: TopicConsumerGroup[];
  /** When the data was read from the cluster (ISO-8601): the oldest part of it. */
  asOf: string;
}

export interface ConfigChange {
  set?: Record<string, string>;
  delete?: string[];
}

export interface PartitionsIncrease {
  count: number;
}

export interface PartitionsIncreased {
  partitions: number;
  /** Why adding partitions needs care: keys move, joins break. */
  warning: string;
}

export interface PurgeRequest {
  /** Default: every partition. */
  partitions?: number[];
  /** Default: the latest offset, i.e. everything. */
  beforeOffset?: number;
  /** The topic name, typed by the operator. */
  confirm: string;
}

export interface PurgeResult {
  partitions: { partition: number; lowWatermark: Offset }[];
}
