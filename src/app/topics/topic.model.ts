// The API contract lives with the server routes; the browser uses the same types.
import type { Offset } from '../../../server/shared/offset';
import type { TopicDetail as ServerTopicDetail, TopicPage as ServerTopicPage } from '../../../server/topics/topic.model';
import type { AsOf } from '../shared/live-resource';

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
  TopicListQuery,
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

// TODO(issue 17): import `TopicPage` and `TopicDetail` from server/topics/topic.model.ts again
// once the server's types carry `asOf`; until then the browser adds it in the same shape.
/** One page of the topic list, with the time of the live model it was read from. */
export type TopicPage = ServerTopicPage & AsOf;
/** One topic with its partitions, configs and readers, with the time of the data. */
export type TopicDetail = ServerTopicDetail & AsOf;

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
