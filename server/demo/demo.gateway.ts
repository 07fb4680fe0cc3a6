import { Producer, type Admin } from '../kafka/client';
import { javaDefaultPartition } from '../kafka/java-partitioner';
import type { DemoTopic } from './demo-pipeline';

/**
 * Writes the demo into a cluster: creates the topics that are missing and fills the ones
 * that are still empty, so a restart of `npm start` neither duplicates nor loses anything.
 */
export class DemoGateway {
  constructor(
    private readonly admin: Admin,
    private readonly bootstrapServers: string[],
  ) {}

  /** Creates each topic that does not exist yet; returns the names it created. */
  async createMissingTopics(topics: DemoTopic[]): Promise<string[]> {
    const existing = new Set(await this.admin.listTopics({ includeInternals: true }));
    const missing = topics.filter((topic) => !existing.has(topic.name));
    // One request per topic: the client applies a request's configs to all its topics.
    for (const topic of missing) {
      await this.admin.createTopics({
        topics: [topic.name],
        partitions: topic.partitions,
        replicas: -1,
        configs: Object.entries(topic.configs).map(([name, value]) => ({ name, value })),
      });
    }
    await this.waitForLeaders(missing.map((topic) => topic.name));
    return missing.map((topic) => topic.name);
  }

  /**
   * Resolves once the broker lists the topics with a leader for every partition. CreateTopics
   * answers when the controller has them, a moment before the broker has applied that, and a
   * read sent in between failed a first `npm start` with "Topic ... does not exist".
   */
  private async waitForLeaders(names: string[]): Promise<void> {
    for (let attempt = 0; names.length > 0 && attempt < 50; attempt++) {
      const metadata = await this.admin.metadata({ topics: names, forceUpdate: true }).catch(() => undefined);
      if (metadata && names.every((name) => metadata.topics.get(name)?.partitions.every((partition) => partition.leader >= 0))) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Produces the demo records into each topic whose log is empty. */
  async fillEmptyTopics(topics: DemoTopic[]): Promise<void> {
    const empty: DemoTopic[] = [];
    for (const topic of topics) if ((await this.recordCount(topic)) === 0n) empty.push(topic);
    if (!empty.length) return;
    const producer = new Producer({
      clientId: 'kafka-pipeline-console-demo',
      bootstrapBrokers: this.bootstrapServers,
      idempotent: true,
      retries: 5,
    });
    try {
      for (const topic of empty) {
        // Placed as a Java producer would place them, so the demo's healthy pair is healthy.
        await producer.send({
          messages: topic.records.map((record) => ({
            topic: topic.name,
            key: record.key,
            value: Buffer.from(record.value),
            partition: javaDefaultPartition(record.key, topic.partitions),
            timestamp: BigInt(record.timestamp),
          })),
        });
      }
    } finally {
      await producer.close();
    }
  }

  private async recordCount(topic: DemoTopic): Promise<bigint> {
    const partitions = Array.from({ length: topic.partitions }, (_, partitionIndex) => partitionIndex);
    const [latest] = await this.admin.listOffsets({
      topics: [{ name: topic.name, partitions: partitions.map((partitionIndex) => ({ partitionIndex, timestamp: -1n })) }],
    });
    return (latest?.partitions ?? []).reduce((sum, partition) => sum + partition.offset, 0n);
  }
}
