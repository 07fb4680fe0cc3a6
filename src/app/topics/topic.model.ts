// The API contract lives with the server routes; the browser uses the same types.
import type { Offset } from '../../../server/shared/offset';

export type { Offset } from '../../../server/shared/offset';
export type {
  ConfigChange,
  ConfigSource,
  NewTopic,
  PartitionDetail,
  PartitionsIncreased,
  PurgeRequest,
  PurgeResult,
  SortOrder,
  TopicConfigEntry,
  TopicConsumerGroup,
  TopicDetail,
  TopicListQuery,
  TopicPage,
  TopicSortField,
  TopicSummary,
} from '../../../server/topics/topic.model';
export type {
  MessageDirection,
  MessagePage,
  MessageQuery,
  ProducedMessage,
  ProduceRequest,
  RenderedBytes,
  StopReason,
  TopicMessage,
} from '../../../server/topics/message.model';

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
  /** The leader's broker id, or "none" while the partition is offline. */
  leaderText: string;
  earliestOffset: Offset;
  latestOffset: Offset;
  messages: number;
}

/** A message as the browser lists it: rendered once, not on every change detection. */
export interface MessageRow {
  /** `partition-offset`, unique within a topic. */
  id: string;
  partition: number;
  offset: Offset;
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
