import type {
  ConsumerGroupDetail,
  ConsumerGroupListPage,
  ConsumerGroupSummary,
  OffsetChangeResult,
  OffsetResetRequest,
  PartitionLag,
  ResetPreview,
  ResetPreviewPartition,
} from './consumer-group.model';

/** When builder data was read, unless a spec says otherwise. */
export const AS_OF = '2026-11-27T12:03:05.000Z';

/** Test data: everything defaulted, a spec states only the field that decides. */
export function aConsumerGroup(overrides: Partial<ConsumerGroupSummary> = {}): ConsumerGroupSummary {
  return {
    groupId: 'order-enricher',
    state: 'Empty',
    type: 'classic',
    protocolType: 'consumer',
    memberCount: 0,
    topics: ['shop.orders.events'],
    totalLag: 30,
    ...overrides,
  };
}

/** A page of the group list holding exactly these groups. */
export function aGroupPage(
  items: ConsumerGroupSummary[] = [aConsumerGroup()],
  overrides: Partial<ConsumerGroupListPage> = {},
): ConsumerGroupListPage {
  return { items, total: items.length, asOf: AS_OF, ...overrides };
}

/** `count` groups named `group-000`, `group-001`, …, so they sort by id as numbered. */
export function manyConsumerGroups(count: number): ConsumerGroupSummary[] {
  return Array.from({ length: count }, (_, index) => aConsumerGroup({ groupId: `group-${String(index).padStart(3, '0')}` }));
}

export function aPartitionLag(overrides: Partial<PartitionLag> = {}): PartitionLag {
  return {
    topic: 'shop.orders.events',
    partition: 0,
    committedOffset: 5,
    logStartOffset: 0,
    logEndOffset: 10,
    lag: 5,
    committedTimestamp: '2026-01-01T08:04:00.000Z',
    assignedTo: null,
    ...overrides,
  };
}

export function aConsumerGroupDetail(overrides: Partial<ConsumerGroupDetail> = {}): ConsumerGroupDetail {
  return { ...aConsumerGroup(), members: [], partitions: [aPartitionLag()], asOf: AS_OF, ...overrides };
}

export function aReset(overrides: Partial<OffsetResetRequest> = {}): OffsetResetRequest {
  return { topics: [{ topic: 'shop.orders.events' }], mode: 'earliest', ...overrides };
}

export function aPreviewPartition(overrides: Partial<ResetPreviewPartition> = {}): ResetPreviewPartition {
  return {
    topic: 'shop.orders.events',
    partition: 0,
    currentOffset: 5,
    targetOffset: 0,
    logStartOffset: 0,
    logEndOffset: 10,
    replayed: 5,
    skipped: 0,
    ...overrides,
  };
}

export function aPreview(overrides: Partial<ResetPreview> = {}): ResetPreview {
  return {
    groupId: 'order-enricher',
    mode: 'earliest',
    value: null,
    resolvedTimestamp: null,
    partitions: [aPreviewPartition()],
    totals: { partitions: 1, replayed: 5, skipped: 0 },
    activeMembers: [],
    ...overrides,
  };
}

export function aResetResult(overrides: Partial<OffsetChangeResult> = {}): OffsetChangeResult {
  return {
    auditId: '2026-11-25T14:00:00.000Z-abcd1234',
    groupId: 'order-enricher',
    partitions: [{ topic: 'shop.orders.events', partition: 0, before: 5, after: 0, outcome: 'applied' }],
    ...overrides,
  };
}
