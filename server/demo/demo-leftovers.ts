import type { Admin } from '../kafka/client';
import { PartitionReader } from '../kafka/partition-reader';
import type { Logger } from '../shared/logger';

/**
 * What earlier versions of the demo seeded under the names its real Kafka Streams apps now use:
 * classic groups `payment-matcher` and `order-enricher` with committed offsets and no member,
 * and a stand-in changelog topic holding `OrderEnriched` JSON records. A streams group cannot
 * take over a classic group's id, and the stand-in would be restored into the real store.
 */
export const DEMO_LEFTOVERS = {
  classicGroups: ['payment-matcher', 'order-enricher'],
  standInChangelog: 'order-enricher-orders-store-changelog',
};

/**
 * Removes those leftovers from a data dir made by an earlier version: an Empty classic group of
 * either id, and the stand-in changelog when its records say it is one (the real changelog
 * holds the app's aggregates, never an `OrderEnriched` event). Only ever run on the embedded demo.
 */
export async function removeDemoLeftovers(admin: Admin, logger: Logger, leftovers = DEMO_LEFTOVERS): Promise<string[]> {
  const removed: string[] = [];
  const classic = await admin.listGroups({ types: ['classic'] });
  for (const groupId of leftovers.classicGroups) {
    const group = classic.get(groupId);
    if (!group) continue;
    if (group.state !== 'Empty') {
      logger.warn(
        { groupId, state: group.state },
        'a classic consumer group has the id of a demo Kafka Streams app: that app cannot start',
      );
      continue;
    }
    await admin.deleteGroups({ groups: [groupId] });
    removed.push(`group ${groupId}`);
  }

  const topic = leftovers.standInChangelog;
  if ((await admin.listTopics({ includeInternals: true })).includes(topic) && (await isStandIn(admin, topic))) {
    await admin.deleteTopics({ topics: [topic] });
    removed.push(`topic ${topic}`);
  }
  return removed;
}

async function isStandIn(admin: Admin, topic: string): Promise<boolean> {
  const metadata = await admin.metadata({ topics: [topic] });
  const partitions = metadata.topics.get(topic)?.partitionsCount ?? 0;
  const starts = Array.from({ length: partitions }, (_, partition) => ({ partition, offset: 0n }));
  const chunks = await new PartitionReader(admin).fetch(topic, starts, { maxBytesPerPartition: 16 * 1024 });
  return chunks.some((chunk) => chunk.records.some((record) => record.value?.toString('utf8').includes('"type":"OrderEnriched"')));
}
