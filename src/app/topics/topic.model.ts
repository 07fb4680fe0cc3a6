// The API contract lives with the server routes; the browser uses the same types.
import type { MessageDirection } from '../../../server/topics/message.model';
import type { TopicSortField } from '../../../server/topics/topic.model';

export type {
  ConfigChange, ConfigSource, NewTopic, PartitionDetail, PartitionsIncreased, PurgeRequest, PurgeResult, TopicConfigEntry,
  TopicConsumerGroup, TopicDetail, TopicPage, TopicSortField, TopicSummary,
} from '../../../server/topics/topic.model';
export type {
  MessageDirection, MessagePage, ProducedMessage, ProduceRequest, RenderedBytes, StopReason, TopicMessage,
} from '../../../server/topics/message.model';

export type SortOrder = 'asc' | 'desc';

/** One page of the topic list, as `GET /topics` takes it. */
export interface TopicListQuery {
  search?: string;
  /** Whether Kafka's and other `_`-prefixed topics are listed too. */
  internal: boolean;
  sort: TopicSortField;
  order: SortOrder;
  page: number;
  pageSize: number;
}

/** A page of messages, as `GET /topics/:topic/messages` takes it. */
export interface MessageQuery {
  partition?: number;
  offset?: number;
  /** Epoch milliseconds. */
  timestamp?: number;
  limit: number;
  direction: MessageDirection;
  /** Exact key. */
  key?: string;
  /** Text anywhere in key, value or headers, any case. */
  contains?: string;
  /** From the previous page's `nextCursor`, to continue where it stopped. */
  cursor?: string;
}

/** Where the message browser starts reading. */
export type MessageStart = 'newest' | 'oldest' | 'offset' | 'time';

/** What the operator asked the message browser for. */
export interface MessageSearch {
  /** Null for every partition. */
  partition: number | null;
  start: MessageStart;
  /** For `start: 'offset'`. */
  offset: number | null;
  /** For `start: 'time'`: a `datetime-local` value, read as local time. */
  dateTime: string;
  key: string;
  contains: string;
}

/** A partition as the partitions table shows it. */
export interface PartitionRow {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
  /** Replicas missing from the ISR. */
  outOfSync: number[];
  isUnderReplicated: boolean;
  earliestOffset: string;
  latestOffset: string;
  messages: number;
}

/** A message as the browser lists it: rendered once, not on every change detection. */
export interface MessageRow {
  /** `partition-offset`, unique within a topic. */
  id: string;
  partition: number;
  offset: string;
  timestamp: number;
  isoTimestamp: string;
  keyText: string;
  valuePreview: string;
  /** The value as shown expanded: pretty JSON, text or hex. */
  valueFull: string;
  keyEncoding: string;
  valueEncoding: string;
  keySchemaId?: number;
  valueSchemaId?: number;
  valueSize: number;
  headers: { key: string; value: string }[];
}
