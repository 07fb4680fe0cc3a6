import { randomUUID } from 'node:crypto';
import { Admin, Producer, stringSerializers } from '../kafka/client';
import { PartitionReader } from '../kafka/partition-reader';

/** The broker the server specs run against; `npm test` starts it and sets this. */
export const TEST_BOOTSTRAP = (process.env['KPC_TEST_BOOTSTRAP'] ?? '127.0.0.1:19092').split(',');

/**
 * Seeds the real test broker for a spec: each topic gets a fresh `spec.<purpose>.<uuid>`
 * name, so specs never share state, and {@link cleanUp} deletes what was made.
 */
export class TestKafka {
  readonly admin: Admin;
  readonly #created: string[] = [];

  constructor(readonly bootstrapServers: string[] = TEST_BOOTSTRAP) {
    this.admin = new Admin({ clientId: 'kpc-spec', bootstrapBrokers: bootstrapServers });
  }

  /** Creates a topic and returns its name. */
  async createTopic(purpose: string, { partitions = 1, replicationFactor = 1 } = {}): Promise<string> {
    const name = `spec.${purpose}.${randomUUID()}`;
    await this.admin.createTopics({ topics: [name], partitions, replicas: replicationFactor });
    this.#created.push(name);
    await this.#waitForLeaders(name);
    return name;
  }

  /** A new topic's partitions get leaders a moment after it is created; writes before that are retried. */
  async #waitForLeaders(topic: string): Promise<void> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const metadata = await this.admin.metadata({ topics: [topic], forceUpdate: true }).catch(() => undefined);
      const partitions = metadata?.topics.get(topic)?.partitions ?? [];
      if (partitions.length && partitions.every((p) => p.leader >= 0)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Writes string records to a topic. */
  async produce(topic: string, records: { key: string; value: string; partition?: number }[]): Promise<void> {
    const producer = new Producer({
      clientId: 'kpc-spec',
      bootstrapBrokers: this.bootstrapServers,
      serializers: stringSerializers,
      retries: 5,
      idempotent: true,
    });
    try {
      await producer.send({ messages: records.map((record) => ({ topic, ...record })) });
    } finally {
      await producer.close();
    }
  }

  /**
   * Writes `count` records made by `record(index)`, in sends small enough for the broker's
   * batch limit (1 MiB by default), each batch compressed as asked: for topics that take a
   * while to read.
   */
  async produceMany(
    topic: string,
    count: number,
    record: (index: number) => { key?: string; value: string; partition: number; headers?: Record<string, string> },
    { compression = 'none' as 'none' | 'gzip' | 'lz4' | 'snappy' | 'zstd', recordsPerSend = 1_000 } = {},
  ): Promise<void> {
    const producer = new Producer({
      clientId: 'kpc-spec',
      bootstrapBrokers: this.bootstrapServers,
      retries: 5,
      idempotent: true,
      compression,
    });
    try {
      for (let first = 0; first < count; first += recordsPerSend) {
        const messages = Array.from({ length: Math.min(recordsPerSend, count - first) }, (_, offset) => {
          const { key, value, partition, headers } = record(first + offset);
          return {
            topic,
            partition,
            key: key === undefined ? undefined : Buffer.from(key),
            value: Buffer.from(value),
            headers: new Map(Object.entries(headers ?? {}).map(([name, text]) => [Buffer.from(name), Buffer.from(text)])),
          };
        });
        await producer.send({ messages });
      }
    } finally {
      await producer.close();
    }
  }

  /**
   * Writes `perSecond` records a second to partition 0, in ten sends a second, until the
   * returned function is called (it resolves once the last send is done): a known produce rate.
   */
  writeSteadily(topic: string, perSecond: number): () => Promise<void> {
    const producer = new Producer({ clientId: 'kpc-spec', bootstrapBrokers: this.bootstrapServers, retries: 5, acks: 1 });
    const started = Date.now();
    let sent = 0;
    let stopped = false;
    const loop = (async () => {
      while (!stopped) {
        // As many as the rate allows by now: a slow send is made up, never added on.
        const due = Math.floor(((Date.now() - started) / 1000) * perSecond) - sent;
        if (due > 0) {
          await producer.send({
            messages: Array.from({ length: due }, () => ({ topic, partition: 0, value: Buffer.from('x'.repeat(100)) })),
          });
          sent += due;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    return async () => {
      stopped = true;
      await loop;
      await producer.close();
    };
  }

  /** Writes raw key bytes to the partitions given: for fixtures that need exact placement. */
  async produceBytes(topic: string, records: { key: Buffer; value?: Buffer; partition: number }[]): Promise<void> {
    // Idempotent: a retry after a leader change on a new topic must not write a record twice.
    const producer = new Producer({ clientId: 'kpc-spec', bootstrapBrokers: this.bootstrapServers, retries: 5, idempotent: true });
    try {
      await producer.send({ messages: records.map((record) => ({ topic, value: Buffer.from('{}'), ...record })) });
    } finally {
      await producer.close();
    }
  }

  /**
   * Writes records to partition 0 as any other Kafka client could, a null value being a
   * tombstone: to tamper with the console's own topics in a spec.
   */
  async writeRaw(topic: string, records: { key: string; value: string | null }[]): Promise<void> {
    const producer = new Producer({ clientId: 'kpc-spec', bootstrapBrokers: this.bootstrapServers, retries: 5 });
    try {
      await producer.send({
        // The client's types want a Buffer, but it writes null as Kafka's null value.
        messages: records.map(({ key, value }) => ({
          topic,
          partition: 0,
          key: Buffer.from(key),
          value: (value === null ? null : Buffer.from(value)) as Buffer,
        })),
      });
    } finally {
      await producer.close();
    }
  }

  /** Every record of partition 0, as stored. */
  async readAll(topic: string): Promise<{ key: string | null; value: string | null }[]> {
    const reader = new PartitionReader(this.admin);
    const records: { key: string | null; value: string | null }[] = [];
    let offset = 0n;
    for (;;) {
      const [chunk] = await reader.fetch(topic, [{ partition: 0, offset }], { maxBytesPerPartition: 4 * 1024 * 1024 });
      if (!chunk || chunk.error) return records;
      records.push(
        ...chunk.records.map((record) => ({ key: record.key?.toString('utf8') ?? null, value: record.value?.toString('utf8') ?? null })),
      );
      offset = chunk.nextOffset;
      if (offset >= chunk.highWatermark) return records;
    }
  }

  /** Deletes the topics this instance created and closes its client. */
  async cleanUp(): Promise<void> {
    // One by one: a spec may have deleted some already, and one missing fails a whole request.
    for (const topic of this.#created.splice(0)) await this.admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await this.admin.close();
  }
}
