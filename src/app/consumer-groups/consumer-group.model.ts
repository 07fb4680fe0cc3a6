// The API contract lives with the server routes; the browser uses the same types.
import type {
  ConsumerGroupDetail as ServerConsumerGroupDetail,
  ConsumerGroupSummary,
} from '../../../server/consumer-groups/consumer-group.model';
import type { SortOrder } from '../../../server/topics/topic.model';
import type { AsOf } from '../shared/live-resource';

export type {
  ConsumerGroupMember,
  ConsumerGroupSummary,
  OffsetChangeResult,
  OffsetResetCommand,
  OffsetResetRequest,
  PartitionLag,
  ResetMode,
  ResetPreview,
  ResetPreviewPartition,
  TopicPartitionOffset,
} from '../../../server/consumer-groups/consumer-group.model';
export type { SortOrder } from '../../../server/topics/topic.model';

// TODO(issue 17): import `ConsumerGroupListQuery`, `ConsumerGroupSortField`, the group list page
// and `ConsumerGroupDetail` from server/consumer-groups/consumer-group.model.ts once the server
// declares them; until then the browser states them in the same shape.

/** The columns the server sorts the group list by. */
export type ConsumerGroupSortField = 'groupId' | 'state' | 'memberCount' | 'totalLag';

/** One page of the group list, as `GET /consumer-groups` takes it. */
export interface ConsumerGroupListQuery {
  /** Part of the group id, any case. */
  search?: string;
  sort: ConsumerGroupSortField;
  order: SortOrder;
  page: number;
  pageSize: number;
}

/** One page of the group list, with the time of the live model it was read from. */
export interface ConsumerGroupListPage extends AsOf {
  items: ConsumerGroupSummary[];
  /** How many groups match in all. */
  total: number;
}

/** One group with members and lag per partition, with the time of the data. */
export type ConsumerGroupDetail = ServerConsumerGroupDetail & AsOf;

/** How a group's state reads at a glance. */
export type StateTone = 'ok' | 'warn' | 'idle' | 'neutral';
