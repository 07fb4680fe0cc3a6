import type {
  MessagePage,
  MessageSearch,
  PartitionDetail,
  RenderedBytes,
  SearchDone,
  SearchProgress,
  SearchQuery,
  TopicConfigEntry,
  TopicDetail,
  TopicMessage,
  TopicPage,
  TopicSummary,
} from './topic.model';

/** When builder data was read, unless a spec says otherwise. */
export const AS_OF = '2026-11-27T12:03:05.000Z';

/** Test data: everything defaulted, a spec states only the field that decides. */
export function aTopicSummary(overrides: Partial<TopicSummary> = {}): TopicSummary {
  return {
    name: 'shop.orders.events',
    partitions: 6,
    replicationFactor: 1,
    underReplicatedPartitions: 0,
    internal: false,
    messageCount: 60,
    sizeBytes: 8_192,
    ...overrides,
  };
}

/** A page of the topic list holding exactly these topics. */
export function aTopicPage(items: TopicSummary[] = [aTopicSummary()], overrides: Partial<TopicPage> = {}): TopicPage {
  return { items, total: items.length, asOf: AS_OF, ...overrides };
}

/** `count` topics named `topic-00000`, `topic-00001`, …, so they sort by name as numbered. */
export function manyTopics(count: number): TopicSummary[] {
  return Array.from({ length: count }, (_, index) => aTopicSummary({ name: `topic-${String(index).padStart(5, '0')}` }));
}

export function aPartition(overrides: Partial<PartitionDetail> = {}): PartitionDetail {
  return { partition: 0, leader: 1, replicas: [1], isr: [1], earliestOffset: 0, latestOffset: 10, ...overrides };
}

export function aConfig(overrides: Partial<TopicConfigEntry> = {}): TopicConfigEntry {
  return {
    name: 'retention.ms',
    value: '604800000',
    source: 'default',
    isSensitive: false,
    isReadOnly: false,
    isOverride: false,
    documentation: 'How long a log is kept before old segments are deleted.',
    ...overrides,
  };
}

export function aTopicDetail(overrides: Partial<TopicDetail> = {}): TopicDetail {
  return {
    name: 'shop.orders.events',
    internal: false,
    readOnlyReason: null,
    partitions: [aPartition()],
    configs: [aConfig()],
    consumerGroups: [],
    asOf: AS_OF,
    ...overrides,
  };
}

export function someBytes(overrides: Partial<RenderedBytes> = {}): RenderedBytes {
  return { encoding: 'text', text: 'order-1000', sizeBytes: 10, ...overrides };
}

export function aMessage(overrides: Partial<TopicMessage> = {}): TopicMessage {
  return {
    partition: 0,
    offset: 41,
    timestamp: Date.UTC(2026, 0, 1, 12, 0),
    key: someBytes(),
    value: someBytes({ encoding: 'json', text: '{"type":"OrderPlaced","id":"order-1000"}', sizeBytes: 40 }),
    headers: [],
    ...overrides,
  };
}

export function aMessagePage(overrides: Partial<MessagePage> = {}): MessagePage {
  return {
    messages: [aMessage()],
    stoppedBy: 'end',
    nextCursor: null,
    positions: [{ partition: 0, offset: 0 }],
    scanned: { records: 1, bytes: 50 },
    ...overrides,
  };
}

export function aMessageSearch(overrides: Partial<MessageSearch> = {}): MessageSearch {
  return { partition: null, start: 'newest', offset: null, dateTime: '', key: '', contains: '', ...overrides };
}

export function aSearchQuery(overrides: Partial<SearchQuery> = {}): SearchQuery {
  return { contains: 'order-1000', direction: 'newest', limit: 500, ...overrides };
}

/** One partition of 1,000 records, read a quarter of the way from the newest. */
export function aSearchProgress(overrides: Partial<SearchProgress> = {}): SearchProgress {
  return {
    scannedRecords: 250,
    scannedBytes: 50_000,
    partitions: [{ partition: 0, from: 0, to: 1_000, position: 750 }],
    elapsedMs: 500,
    ...overrides,
  };
}

export function aSearchDone(overrides: Partial<SearchDone> = {}): SearchDone {
  return { scannedRecords: 1_000, matches: 1, elapsedMs: 2_000, stoppedBy: 'end', ...overrides };
}
