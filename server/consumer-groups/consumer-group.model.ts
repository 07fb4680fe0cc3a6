/**
 * The API contract of the consumer-groups feature: lag, and replay by resetting committed
 * offsets with a preview, an audit record and undo. The Angular app imports these types too.
 */
import type { TopicPartitionOffset } from '../audit/audit.model';
import type { Offset } from '../shared/offset';

/**
 * Kafka's group state: `Empty`, `Stable`, `PreparingRebalance`, `CompletingRebalance`,
 * `Dead` for classic groups; `Assigning`, `Reconciling` too for KIP-848 consumer groups.
 */
export type ConsumerGroupState = string;

/** One row of the group list. */
export interface ConsumerGroupSummary {
  groupId: string;
  state: ConsumerGroupState;
  /** `classic`, or `consumer` for the KIP-848 rebalance protocol. */
  type: string;
  /** `consumer` for consumers and Kafka Streams; empty for a group that only holds offsets. */
  protocolType: string;
  memberCount: number;
  /** Topics the group has committed offsets for or is assigned. */
  topics: string[];
  /** Records behind the log end, summed over committed partitions; null when nothing is committed. */
  totalLag: number | null;
}

export interface ConsumerGroupMember {
  memberId: string;
  clientId: string;
  host: string;
  assignments: { topic: string; partitions: number[] }[];
}

/** Where a group stands on one partition. */
export interface PartitionLag {
  topic: string;
  partition: number;
  /** The next offset the group will read; null when it never committed here. */
  committedOffset: Offset | null;
  logStartOffset: Offset;
  logEndOffset: Offset;
  /** Records between the committed offset and the log end; null without a commit. */
  lag: number | null;
  /** When the last record the group has read was written (ISO); null when unknown. */
  committedTimestamp: string | null;
  /** Client id of the member that owns this partition now, if any. */
  assignedTo: string | null;
}

export interface ConsumerGroupDetail extends ConsumerGroupSummary {
  members: ConsumerGroupMember[];
  partitions: PartitionLag[];
  /** When the data was read from the cluster (ISO-8601): the oldest part of it. */
  asOf: string;
}

export type ConsumerGroupSortField = 'groupId' | 'state' | 'memberCount' | 'totalLag';

/** `GET /consumer-groups`: searched, sorted and paged on the server. */
export interface ConsumerGroupListQuery {
  /** Part of the group id or of a topic it reads, any case. */
  search?: string;
  sort: ConsumerGroupSortField;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
  /** Read from Kafka now instead of the console's live model (the Refresh button). */
  fresh?: boolean;
}

export interface ConsumerGroupPage {
  items: ConsumerGroupSummary[];
  total: number;
  /** When the data was read from the cluster (ISO-8601): the oldest part of it. */
  asOf: string;
}

/** How a reset picks each partition's new offset. */
export type ResetMode = 'earliest' | 'latest' | 'timestamp' | 'duration' | 'shift' | 'offset';

/** The body of a preview (and, with `confirm`, of a reset). */
export interface OffsetResetRequest {
  /** Topics to reset; all their partitions unless some are named. */
  topics: { topic: string; partitions?: number[] }[];
  mode: ResetMode;
  /**
   * `timestamp`: epoch ms or an ISO date-time; `duration`: ISO-8601 back from now (`PT2H`);
   * `shift`: ±N records; `offset`: the exact offset. Unused for `earliest` and `latest`.
   */
  value?: string | number;
}

/** The reset body: a request plus the operator's confirmation and the targets previewed. */
export interface OffsetResetCommand extends OffsetResetRequest {
  confirm: true;
  /** The targets the preview showed; when given, exactly these are applied (see the service). */
  targets?: TopicPartitionOffset[];
  /**
   * The current offsets the preview showed; when given, the reset is refused (409
   * PREVIEW_OUTDATED) if any has moved since, so the operator never overwrites a change they
   * did not see (another reset, a consumer that ran).
   */
  expected?: TopicPartitionOffset[];
}

export type { TopicPartitionOffset } from '../audit/audit.model';

export interface ResetPreviewPartition {
  topic: string;
  partition: number;
  currentOffset: Offset | null;
  targetOffset: Offset;
  logStartOffset: Offset;
  logEndOffset: Offset;
  /** Records read again: how far the target lies before the current offset. */
  replayed: number;
  /** Records never read: how far the target lies after the current offset. */
  skipped: number;
}

export interface ResetPreview {
  groupId: string;
  mode: ResetMode;
  value: string | number | null;
  /** For `timestamp` and `duration`: the instant the targets were looked up at (epoch ms). */
  resolvedTimestamp: number | null;
  partitions: ResetPreviewPartition[];
  totals: { partitions: number; replayed: number; skipped: number };
  /** Members attached now (`client id @ host`): while any are, a reset is refused. */
  activeMembers: string[];
}

/** What an applied reset or undo did, per partition, with the audit record that remembers it. */
export interface OffsetChangeResult {
  auditId: string;
  groupId: string;
  partitions: { topic: string; partition: number; before: Offset | null; after: Offset | null; outcome: 'applied' }[];
}

/** `DELETE .../consumer-groups/:group?confirm=<group>`: the typed confirmation, checked by the server too. */
export interface GroupDeletion {
  confirm: string;
}

export interface UndoRequest {
  auditId: string;
}
