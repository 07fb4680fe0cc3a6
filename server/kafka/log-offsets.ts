import type { Admin, listOffsetsV9 } from './client';
import type { ClusterDescription } from './kafka-clients';
import { connectionTo, partialResponse, protocolApi } from './kafka-protocol';

type ListOffsetsRequest = listOffsetsV9.ListOffsetsRequest;
type ListOffsetsResponse = listOffsetsV9.ListOffsetsResponse;

/** ListOffsets' special timestamps: the log start and the log end (high watermark). */
export const EARLIEST = -2n;
export const LATEST = -1n;

/** One key per topic-partition, for maps. */
export const partitionKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

/**
 * The offset ListOffsets gives for `timestamp` for every partition of `topics` (all topics
 * when omitted), keyed by {@link partitionKey}: one request per partition leader, sent to it
 * directly with the leaders the metadata names. The client's own `listOffsets` matches each
 * partition against the list of topics linearly, which at thousands of topics took seconds;
 * this is linear in the partitions. A partition whose leader answers an error is left out.
 */
export async function listLogOffsets(
  admin: Admin,
  description: ClusterDescription,
  timestamp: bigint,
  topics?: ReadonlySet<string>,
): Promise<Map<string, bigint>> {
  const byLeader = new Map<number, Map<string, { partitionIndex: number; currentLeaderEpoch: number; timestamp: bigint }[]>>();
  for (const topic of description.topics) {
    if (topics && !topics.has(topic.name)) continue;
    topic.partitions.forEach((partition, partitionIndex) => {
      if (partition.leader < 0) return;
      const forLeader = byLeader.get(partition.leader) ?? new Map();
      byLeader.set(partition.leader, forLeader);
      const list = forLeader.get(topic.name) ?? [];
      forLeader.set(topic.name, list);
      list.push({ partitionIndex, currentLeaderEpoch: -1, timestamp });
    });
  }
  const brokers = new Map(description.brokers.map((broker) => [broker.id, broker]));
  const api = await protocolApi<ListOffsetsRequest, ListOffsetsResponse>(admin, 'ListOffsets');
  const offsets = new Map<string, bigint>();
  await Promise.all(
    [...byLeader].map(async ([leader, partitionsByTopic]) => {
      const broker = brokers.get(leader);
      if (!broker) return;
      const request = [...partitionsByTopic].map(([name, partitions]) => ({ name, partitions }));
      let response: ListOffsetsResponse | undefined;
      try {
        response = await api.async(await connectionTo(admin, broker), -1, 0, request);
      } catch (error) {
        // One partition's error (a leader that moved) fails the whole call; the rest is good.
        response = partialResponse<ListOffsetsResponse>(error);
        if (!response) throw error;
      }
      for (const topic of response.topics) {
        for (const partition of topic.partitions) {
          if (partition.errorCode === 0) offsets.set(partitionKey(topic.name, partition.partitionIndex), partition.offset);
        }
      }
    }),
  );
  return offsets;
}
