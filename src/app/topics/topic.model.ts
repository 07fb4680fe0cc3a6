// The API contract lives with the server routes; the browser uses the same types.
import type { ApiError } from '../shared/api-error';
import type { Offset } from '../../../server/shared/offset';
import type { TopicMessage } from '../../../server/topics/message.model';
import type { SearchDone, SearchProgress, SearchQuery } from '../../../server/topics/topic-search.model';

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

export type {
  PartitionProgress,
  SearchDirection,
  SearchDone,
  SearchEvent,
  SearchFailure,
  SearchProgress,
  SearchQuery,
} from '../../../server/topics/topic-search.model';

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

/** A whole-topic search as the message browser follows it, event by event. */
export interface TopicSearchState {
  query: SearchQuery;
  /** Every match so far, in the order they came. */
  matches: TopicMessage[];
  progress?: SearchProgress;
  done?: SearchDone;
  /** Whether the stream is still open. */
  isRunning: boolean;
  /** Whether the operator stopped it before its end. */
  isCancelled: boolean;
  /** Why it failed, when it did. */
  error?: ApiError;
}

/** A search's progress as the progress bar shows it. */
export interface SearchProgressView {
  /** 0 to 100: the share of the topic's offsets read so far. */
  percent: number;
  /** E.g. "120,000 records scanned · 12 % · 310,000 records/s". */
  summary: string;
  /** E.g. "3 matches". */
  matchesText: string;
  /** What ended it, once it ended: "Searched the whole topic", "Stopped at 500 matches", "Cancelled". */
  outcome: string;
}
