import type { Admin } from '../kafka/client';
import { DEMO_JOINS, ORDERS_TOPIC, PAYMENTS_TOPIC } from './demo-pipeline';

/**
 * The demo's consumer groups, so the first look at the console has a lagging group to
 * replay: `order-archiver` has read about half of each partition of the orders, with no
 * member attached; `payment-auditor` is caught up on the payments. The joining groups of
 * {@link DEMO_JOINS} are caught up on both their topics, so co-partition health finds them.
 * (`order-enricher` and `payment-matcher` are the demo's Kafka Streams apps, streams groups.)
 */
export const LAGGING_DEMO_GROUP = 'order-archiver';
const DEMO_GROUPS: { groupId: string; topics: string[]; share: number }[] = [
  { groupId: LAGGING_DEMO_GROUP, topics: [ORDERS_TOPIC], share: 0.5 },
  { groupId: 'payment-auditor', topics: [PAYMENTS_TOPIC], share: 1 },
  ...DEMO_JOINS.map((join) => ({ ...join, share: 1 })),
];

/**
 * Commits the demo groups' offsets once. A group that has committed anything already is left
 * alone: after a restart, what an operator replayed must stay as they left it.
 */
export async function seedDemoConsumerGroups(admin: Admin): Promise<string[]> {
  const seeded: string[] = [];
  for (const { groupId, topics, share } of DEMO_GROUPS) {
    const [committed] = await admin.listConsumerGroupOffsets({ groups: [groupId] });
    if (committed?.topics.some((t) => t.partitions.some((p) => p.committedOffset >= 0n))) continue;
    const metadata = await admin.metadata({ topics });
    const latest = await admin.listOffsets({
      topics: topics.map((name) => ({
        name,
        partitions: Array.from({ length: metadata.topics.get(name)?.partitionsCount ?? 0 }, (_, partitionIndex) => ({
          partitionIndex,
          timestamp: -1n,
        })),
      })),
    });
    const offsets = latest
      .map((topic) => ({
        name: topic.name,
        partitionOffsets: topic.partitions.map((p) => ({
          partition: p.partitionIndex,
          offset: BigInt(Math.floor(Number(p.offset) * share)),
        })),
      }))
      .filter((topic) => topic.partitionOffsets.length);
    if (!offsets.length) continue;
    await admin.alterConsumerGroupOffsets({ groupId, topics: offsets });
    seeded.push(groupId);
  }
  return seeded;
}
