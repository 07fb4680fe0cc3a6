import { join } from 'node:path';
import type { StreamsApplicationIds, StreamsAppTopics } from '../local-stack/streams-app';

/**
 * The small pipeline `npm start` seeds into the embedded cluster, so a newcomer's first look
 * is at real data: a monolith's domain events published to long-retention topics, a lagging
 * group to replay, co-partitioned pairs. Then it runs (demo-runtime.ts): the monolith appends
 * domain events, the source connector publishes them, the Kafka Streams apps route, join and
 * aggregate them, and a slow consumer lags behind.
 */
export interface DemoTopic {
  name: string;
  partitions: number;
  configs: Record<string, string>;
  /** Records written once, when the topic is still empty. */
  records: { key: Buffer; value: string; timestamp: number }[];
}

/** The topic the demo source connector publishes the monolith's domain events to. */
export const DOMAIN_EVENTS_TOPIC = 'shop.domain-events';
/** OrderPlaced events keyed by order id: seeded once, then routed live by the `payment-matcher` Streams app. */
export const ORDERS_TOPIC = 'shop.orders.events';
/** PaymentCaptured events keyed by order id, co-partitioned with {@link ORDERS_TOPIC}. */
export const PAYMENTS_TOPIC = 'shop.payments.events';
/** The `payment-matcher` Streams app's output: each order matched with its payment. */
export const PAYMENT_MATCHES_TOPIC = 'shop.payment-matches';
/** The `order-enricher` Streams app's output: each update of an order's aggregate. */
export const ENRICHED_ORDERS_TOPIC = 'shop.orders.enriched';
/** The demo's Kafka Streams apps (server/local-stack/streams-app.ts runs them) and the topics they read and write. */
export const DEMO_APPLICATION_IDS: StreamsApplicationIds = { paymentMatcher: 'payment-matcher', orderEnricher: 'order-enricher' };
export const DEMO_STREAMS_TOPICS: StreamsAppTopics = {
  domainEvents: DOMAIN_EVENTS_TOPIC,
  orders: ORDERS_TOPIC,
  payments: PAYMENTS_TOPIC,
  matches: PAYMENT_MATCHES_TOPIC,
  enriched: ENRICHED_ORDERS_TOPIC,
};
/** The classic consumer group that reads the orders and payments, slower than they come. */
export const SLOW_CONSUMER_GROUP = 'payment-reconciler';

/** The monolith's `domain_events` export: the source connector reads it, the monolith appends to it. */
export function domainEventsExportFile(dataDir: string): string {
  return join(dataDir, 'demo', 'domain_events.jsonl');
}

const FOREVER = { 'retention.ms': '-1', 'cleanup.policy': 'delete' };

export function demoTopics(): DemoTopic[] {
  return [
    { name: ORDERS_TOPIC, partitions: 6, configs: FOREVER, records: events('order', 'OrderPlaced', 60) },
    { name: PAYMENTS_TOPIC, partitions: 6, configs: FOREVER, records: events('order', 'PaymentCaptured', 40) },
    { name: 'shop.customers.events', partitions: 3, configs: FOREVER, records: events('customer', 'CustomerRegistered', 20) },
    // The classic break: both services serialize the same order id with the schema-registry
    // Avro serializer, each topic's key subject got its own schema id, and so the same order
    // lands on different partitions in the two topics. A join of them finds almost nothing.
    { name: 'shop.orders.avro', partitions: 6, configs: FOREVER, records: events('order', 'OrderPlaced', 40, avroKey(1)) },
    { name: 'shop.shipments.avro', partitions: 6, configs: FOREVER, records: events('order', 'ShipmentBooked', 40, avroKey(2)) },
  ];
}

/**
 * The consumer groups that join the demo topics, so co-partition health finds both pairs. The
 * slow consumer's offsets are seeded too, so the healthy pair is found before it first commits.
 */
export const DEMO_JOINS = [
  { groupId: SLOW_CONSUMER_GROUP, topics: [ORDERS_TOPIC, PAYMENTS_TOPIC] },
  { groupId: 'shipment-tracker', topics: ['shop.orders.avro', 'shop.shipments.avro'] },
];

/** Events spread over the three hours before the first start, so replaying "the last hour" replays some of them. */
function events(aggregate: string, type: string, count: number, key = textKey): DemoTopic['records'] {
  const spacing = (3 * 3_600_000) / count;
  const start = Date.now() - count * spacing;
  return Array.from({ length: count }, (_, i) => {
    const id = `${aggregate}-${1000 + (i % 25)}`;
    const timestamp = Math.round(start + i * spacing);
    return { key: key(id), value: JSON.stringify({ type, id, sequence: i, occurredAt: new Date(timestamp).toISOString() }), timestamp };
  });
}

function textKey(id: string): Buffer {
  return Buffer.from(id);
}

/** What the Confluent Avro serializer writes for a string key: magic 0, schema id, Avro string. */
function avroKey(schemaId: number): (id: string) => Buffer {
  return (id) => {
    const header = Buffer.alloc(5);
    header.writeInt32BE(schemaId, 1);
    return Buffer.concat([header, Buffer.from([Buffer.byteLength(id) * 2]), Buffer.from(id)]);
  };
}
