import { randomUUID } from 'node:crypto';
import { Consumer, Producer, stringSerializers } from '../kafka/client';
import type { TestKafka } from './test-kafka';

/** The first seeded record's timestamp; each next record in a partition is a minute later. */
export const SEED_START = Date.UTC(2026, 0, 1, 8, 0, 0);
export const MINUTE = 60_000;

/**
 * Seeds consumer groups for the specs on the real broker: topics with records at known
 * timestamps, committed offsets, and live consumers. Groups get `spec.<purpose>.<uuid>` ids.
 */
export class GroupFixtures {
  readonly #consumers: Consumer[] = [];
  readonly #groups: string[] = [];

  constructor(private readonly kafka: TestKafka) {}

  /** A fresh group id; nothing exists under it until offsets are committed. */
  groupId(purpose: string): string {
    const id = `spec.${purpose}.${randomUUID()}`;
    this.#groups.push(id);
    return id;
  }

  /**
   * A topic with `counts[p]` records in partition p; record i of a partition carries the
   * timestamp `start + i * step` (SEED_START and a minute by default).
   */
  async topic(purpose: string, counts: number[], { start = SEED_START, step = MINUTE } = {}): Promise<string> {
    const topic = await this.kafka.createTopic(purpose, { partitions: counts.length });
    const messages = counts.flatMap((count, partition) =>
      Array.from({ length: count }, (_, i) => ({
        topic,
        partition,
        key: `k${i}`,
        value: `record ${i} of partition ${partition}`,
        timestamp: BigInt(start + i * step),
      })),
    );
    if (!messages.length) return topic;
    // Idempotent: a retry against a topic created a moment ago must not write a record twice.
    const producer = new Producer({
      clientId: 'kpc-spec',
      bootstrapBrokers: this.kafka.bootstrapServers,
      serializers: stringSerializers,
      idempotent: true,
    });
    try {
      await producer.send({ messages });
    } finally {
      await producer.close();
    }
    return topic;
  }

  /** A group that has committed `offsets[p]` on partition p of the topic (null: nothing there). */
  async committedGroup(purpose: string, topic: string, offsets: (number | null)[]): Promise<string> {
    const groupId = this.groupId(purpose);
    await this.commit(groupId, topic, offsets);
    return groupId;
  }

  /** Commits `offsets[p]` on partition p of the topic for a group with no members (null: leaves it). */
  async commit(groupId: string, topic: string, offsets: (number | null)[]): Promise<void> {
    await this.kafka.admin.alterConsumerGroupOffsets({
      groupId,
      topics: [
        {
          name: topic,
          partitionOffsets: offsets.flatMap((offset, partition) => (offset === null ? [] : [{ partition, offset: BigInt(offset) }])),
        },
      ],
    });
  }

  /** Each partition's log end offset now. */
  async logEndOffsets(topic: string, partitions: number): Promise<number[]> {
    const [listed] = await this.kafka.admin.listOffsets({
      topics: [
        { name: topic, partitions: Array.from({ length: partitions }, (_, partitionIndex) => ({ partitionIndex, timestamp: -1n })) },
      ],
    });
    return Array.from({ length: partitions }, (_, index) =>
      Number(listed?.partitions.find((p) => p.partitionIndex === index)?.offset ?? 0n),
    );
  }

  /** The group's committed offset per partition of the topic, null where it has none. */
  async committedOffsets(groupId: string, topic: string, partitions: number): Promise<(number | null)[]> {
    const [group] = await this.kafka.admin.listConsumerGroupOffsets({
      groups: [{ groupId, topics: [{ name: topic, partitionIndexes: Array.from({ length: partitions }, (_, i) => i) }] }],
    });
    const committed = new Map(group?.topics.flatMap((t) => t.partitions.map((p) => [p.partitionIndex, p.committedOffset] as const)));
    return Array.from({ length: partitions }, (_, i) => {
      const offset = committed.get(i);
      return offset === undefined || offset < 0n ? null : Number(offset);
    });
  }

  /**
   * A consumer that joins the group on the topic, with the classic protocol or KIP-848's
   * `consumer` protocol; resolves once the group is Stable.
   */
  async attachConsumer(
    groupId: string,
    topic: string,
    { clientId = 'spec-consumer', protocol = 'classic' as 'classic' | 'consumer' } = {},
  ): Promise<void> {
    const options = { clientId, groupId, bootstrapBrokers: this.kafka.bootstrapServers, autocommit: false };
    const consumer = protocol === 'consumer' ? new Consumer({ ...options, groupProtocol: 'consumer' }) : new Consumer(options);
    this.#consumers.push(consumer);
    const stream = await consumer.consume({ topics: [topic] });
    stream.on('data', () => undefined);
    for (let attempt = 0; attempt < 50; attempt++) {
      const group = (await this.kafka.admin.listGroups({ types: ['classic', 'consumer'] })).get(groupId);
      if (group?.state === 'Stable') return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`consumer did not join ${groupId}`);
  }

  /** Closes the consumers and deletes the groups this instance made. */
  async cleanUp(): Promise<void> {
    await Promise.allSettled(this.#consumers.splice(0).map((consumer) => consumer.close(true)));
    for (const groupId of this.#groups.splice(0)) await this.kafka.admin.deleteGroups({ groups: [groupId] }).catch(() => undefined);
  }
}
