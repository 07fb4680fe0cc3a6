// The API contract lives with the server routes; the browser uses the same types.
export type {
  ConsumerGroupDetail,
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

/** How a group's state reads at a glance. */
export type StateTone = 'ok' | 'warn' | 'idle' | 'neutral';
