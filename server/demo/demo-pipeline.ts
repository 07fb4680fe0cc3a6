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
  records: { key: Buffer; value: string; timestamp: number }[];
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
    // The classic break: both services serialize the same order id with the schema-registry
    // Avro serializer, each topic's key subject got its own schema id, and so the same order
    // lands on different partitions in the two topics. A join of them finds almost nothing.
    { name: 'shop.orders.avro', partitions: 6, configs: FOREVER, records: events('order', 'OrderPlaced', 40, avroKey(1)) },
    { name: 'shop.shipments.avro', partitions: 6, configs: FOREVER, records: events('order', 'ShipmentBooked', 40, avroKey(2)) },
  ];
}

/** The consumer groups that join the demo topics, so co-partition health finds both pairs. */
export const DEMO_JOINS = [
  { groupId: 'payment-matcher', topics: ['shop.orders.events', 'shop.payments.events'] },
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
