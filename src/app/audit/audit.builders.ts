import type { ConnectorOffsetsRecord, ConsumerGroupOffsetsRecord, TopicRecord } from './audit.model';

/** Test data: everything defaulted, a spec states only the field that decides. */
export function anAuditRecord(overrides: Partial<ConsumerGroupOffsetsRecord> = {}): ConsumerGroupOffsetsRecord {
  return {
    id: '2026-11-25T14:00:00.000Z-abcd1234',
    at: '2026-11-25T14:00:00.000Z',
    actor: 'anonymous@127.0.0.1',
    cluster: 'local',
    outcome: 'applied',
    integrity: 'verified',
    action: 'consumer-group.offsets.reset',
    subject: { kind: 'consumer-group', name: 'order-enricher' },
    parameters: { mode: 'duration', value: 'PT2H', topics: [{ topic: 'shop.orders.events' }] },
    before: [
      { topic: 'shop.orders.events', partition: 0, offset: 8 },
      { topic: 'shop.orders.events', partition: 1, offset: null },
    ],
    after: [
      { topic: 'shop.orders.events', partition: 0, offset: 3 },
      { topic: 'shop.orders.events', partition: 1, offset: 0 },
    ],
    ...overrides,
  };
}

/** A connector's source offsets, altered through the console. */
export function aConnectorOffsetsRecord(overrides: Partial<ConnectorOffsetsRecord> = {}): ConnectorOffsetsRecord {
  return {
    id: '2026-11-25T15:00:00.000Z-efgh5678',
    at: '2026-11-25T15:00:00.000Z',
    actor: 'anonymous@127.0.0.1',
    cluster: 'local',
    outcome: 'applied',
    integrity: 'verified',
    action: 'connector.offsets.alter',
    subject: { kind: 'connector', name: 'orders-file-source' },
    parameters: { connectCluster: 'local-connect' },
    before: [{ partition: { filename: 'orders.txt' }, offset: { position: 1 } }],
    after: [{ partition: { filename: 'orders.txt' }, offset: null }],
    ...overrides,
  };
}

/** A topic changed through the console. */
export function aTopicRecord(overrides: Partial<TopicRecord> = {}): TopicRecord {
  return {
    id: '2026-11-25T16:00:00.000Z-ijkl9012',
    at: '2026-11-25T16:00:00.000Z',
    actor: 'anonymous@127.0.0.1',
    cluster: 'local',
    outcome: 'applied',
    integrity: 'verified',
    action: 'topic.partitions.increase',
    subject: { kind: 'topic', name: 'shop.orders.events' },
    parameters: { count: 3 },
    before: { partitions: 2 },
    after: { partitions: 3 },
    ...overrides,
  };
}
