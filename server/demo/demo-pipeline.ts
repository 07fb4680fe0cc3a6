/**
 * The small pipeline `npm start` seeds into the embedded cluster, so a newcomer's first look
 * is at real data: a monolith's domain events published to long-retention topics, and the
 * changelog of a Kafka Streams state store. Later features add their parts here (a lagging
 * group to replay, a running source connector, co-partitioned pairs).
 */
export interface DemoTopic {
  name: string;
  partitions: number;
  configs: Record<string, string>;
  /** Records written once, when the topic is still empty. */
  records: { key: string; value: string }[];
}

const FOREVER = { 'retention.ms': '-1', 'cleanup.policy': 'delete' };

export function demoTopics(): DemoTopic[] {
  return [
    { name: 'shop.orders.events', partitions: 6, configs: FOREVER, records: events('order', 'OrderPlaced', 60) },
    { name: 'shop.payments.events', partitions: 6, configs: FOREVER, records: events('order', 'PaymentCaptured', 40) },
    { name: 'shop.customers.events', partitions: 3, configs: FOREVER, records: events('customer', 'CustomerRegistered', 20) },
    {
      name: 'order-enricher-orders-store-changelog',
      partitions: 6,
      configs: { 'cleanup.policy': 'compact' },
      records: events('order', 'OrderEnriched', 30),
    },
  ];
}

function events(aggregate: string, type: string, count: number): DemoTopic['records'] {
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const id = `${aggregate}-${1000 + (i % 25)}`;
    const occurredAt = new Date(start + i * 60_000).toISOString();
    return { key: id, value: JSON.stringify({ type, id, sequence: i, occurredAt }) };
  });
}
