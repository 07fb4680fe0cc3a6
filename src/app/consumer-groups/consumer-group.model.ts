// The API contract lives with the server routes; the browser uses the same types.
export type {
  ConsumerGroupDetail,
  ConsumerGroupListQuery,
  ConsumerGroupMember,
  ConsumerGroupPage as ConsumerGroupListPage,
  ConsumerGroupSortField,
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

/** How a group's state reads at a glance. */
export type StateTone = 'ok' | 'warn' | 'error' | 'idle' | 'neutral';
