import { FindCoordinatorKeyTypes, type Admin, type consumerGroupDescribeV0 } from '../kafka/client';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { KafkaClients } from '../kafka/kafka-clients';
import { AppError } from '../shared/app-error';
import { connectionTo, partialResponse, protocolApi } from '../kafka/kafka-protocol';
import { partitionKey } from '../kafka/log-offsets';
import { PartitionReader } from '../kafka/partition-reader';
import { describeStreamsGroups, type StreamsGroupDescription } from '../kafka/streams-group-describe';

export { partitionKey };
import type { ConsumerGroupMember } from './consumer-group.model';

type DescribeRequest = consumerGroupDescribeV0.ConsumerGroupDescribeRequest;
type DescribeResponse = consumerGroupDescribeV0.ConsumerGroupDescribeResponse;

/** A group as ListGroups names it. */
export interface GroupListing {
  groupId: string;
  state: string;
  /** `classic` or `consumer` (KIP-848). */
  type: string;
  protocolType: string;
}

/** A group's state and members, whichever rebalance protocol it uses. */
export interface GroupDescription {
  groupId: string;
  state: string;
  type: string;
  protocolType: string;
  members: ConsumerGroupMember[];
}

export interface PartitionRef {
  topic: string;
  partition: number;
}

export interface PartitionOffset extends PartitionRef {
  offset: bigint;
}

export { EARLIEST, LATEST } from '../kafka/log-offsets';

/**
 * Consumer groups and their offsets on a cluster; the only code of this feature that speaks
 * Kafka. It covers both rebalance protocols: the client's high-level calls know only classic
 * groups, so KIP-848 groups are listed by type and described with ConsumerGroupDescribe.
 */
export class ConsumerGroupsGateway {
  constructor(private readonly clusters: KafkaClients) {}

  /** Every group of both types, from one ListGroups request per broker. */
  listGroups(cluster: ClusterConfig): Promise<GroupListing[]> {
    return this.clusters.call(cluster, async (admin) => {
      // Without explicit types the client asks for classic groups only and misses KIP-848 ones.
      const groups = await admin.listGroups({ types: ['classic', 'consumer'] });
      return [...groups.values()].map((group) => ({
        groupId: group.id,
        state: group.state,
        type: group.groupType ?? 'classic',
        protocolType: group.protocolType,
      }));
    });
  }

  /**
   * State and members of the given groups, batched: one DescribeGroups per coordinator for
   * classic groups, one ConsumerGroupDescribe per coordinator for KIP-848 groups, one
   * StreamsGroupDescribe for Kafka Streams apps on the streams protocol. A group of unknown
   * type is asked each way in turn; one that exists in none comes back `Dead`.
   */
  describe(cluster: ClusterConfig, groups: { groupId: string; type?: string }[]): Promise<Map<string, GroupDescription>> {
    return this.clusters.call(cluster, async (admin) => {
      const described = new Map<string, GroupDescription>();
      const classic = groups.filter((group) => group.type !== 'consumer' && group.type !== 'streams').map((group) => group.groupId);
      if (classic.length) {
        for (const group of (await admin.describeGroups({ groups: classic })).values()) {
          described.set(group.id, {
            groupId: group.id,
            state: group.state,
            type: 'classic',
            protocolType: group.protocolType,
            members: [...group.members.values()].map((member) => ({
              memberId: member.id,
              clientId: member.clientId,
              host: member.clientHost.replace(/^\//, ''),
              assignments: [...(member.assignments?.values() ?? [])].map((a) => ({ topic: a.topic, partitions: [...a.partitions] })),
            })),
          });
        }
      }
      // DescribeGroups answers Dead for a KIP-848 group: ask those with ConsumerGroupDescribe.
      const modern = groups
        .filter((group) => group.type === 'consumer' || (group.type === undefined && described.get(group.groupId)?.state === 'Dead'))
        .map((group) => group.groupId);
      for (const group of await describeConsumerProtocolGroups(admin, modern)) described.set(group.groupId, group);
      // Still unknown: perhaps a Kafka Streams app on the streams protocol (KIP-1071).
      const unknown = groups.filter(
        (group) => group.type === 'streams' || (group.type === undefined && described.get(group.groupId)?.state === 'Dead'),
      );
      for (const group of await describeStreamsGroups(
        admin,
        unknown.map((group) => group.groupId),
      )) {
        described.set(group.groupId, streamsGroupAsGroup(group));
      }
      return described;
    });
  }

  /** The committed offsets of each group, one OffsetFetch per coordinator. */
  committedOffsets(cluster: ClusterConfig, groupIds: string[]): Promise<Map<string, PartitionOffset[]>> {
    if (!groupIds.length) return Promise.resolve(new Map());
    return this.clusters.call(cluster, async (admin) => {
      const answers = await admin.listConsumerGroupOffsets({ groups: groupIds });
      return new Map(
        answers.map((group) => [
          group.groupId,
          group.topics.flatMap((topic) =>
            topic.partitions
              // -1 means nothing committed for that partition.
              .filter((p) => p.committedOffset >= 0n)
              .map((p) => ({ topic: topic.name, partition: p.partitionIndex, offset: p.committedOffset })),
          ),
        ]),
      );
    });
  }

  /** Partition counts of the named topics; 404 TOPIC_NOT_FOUND for one that does not exist. */
  partitionCounts(cluster: ClusterConfig, topics: string[]): Promise<Map<string, number>> {
    return this.clusters.call(cluster, async (admin) => {
      const existing = new Set(await admin.listTopics({ includeInternals: true }));
      const missing = topics.find((topic) => !existing.has(topic));
      if (missing) throw new AppError('TOPIC_NOT_FOUND', `Topic ${missing} does not exist`);
      if (!topics.length) return new Map();
      const metadata = await admin.metadata({ topics, forceUpdate: true });
      return new Map(topics.map((topic) => [topic, metadata.topics.get(topic)?.partitionsCount ?? 0]));
    });
  }

  /** The names of the topics that exist, to leave out offsets of deleted topics. */
  existingTopics(cluster: ClusterConfig): Promise<Set<string>> {
    return this.clusters.call(cluster, async (admin) => new Set(await admin.listTopics({ includeInternals: true })));
  }

  /**
   * Per partition, the offset ListOffsets gives for `timestamp`: {@link EARLIEST},
   * {@link LATEST}, or the first offset at or after a time (-1 when no record is that late).
   * One request per partition leader, however many partitions.
   */
  logOffsets(cluster: ClusterConfig, partitions: PartitionRef[], timestamp: bigint): Promise<Map<string, bigint>> {
    if (!partitions.length) return Promise.resolve(new Map());
    return this.clusters.call(cluster, async (admin) => {
      const byTopic = new Map<string, number[]>();
      for (const { topic, partition } of partitions) byTopic.set(topic, [...(byTopic.get(topic) ?? []), partition]);
      const listed = await admin.listOffsets({
        topics: [...byTopic].map(([name, indexes]) => ({
          name,
          partitions: indexes.map((partitionIndex) => ({ partitionIndex, timestamp })),
        })),
      });
      return new Map(
        listed.flatMap((topic) => topic.partitions.map((p) => [partitionKey(topic.name, p.partitionIndex), p.offset] as const)),
      );
    });
  }

  /**
   * When the record before each committed offset was written: one small fetch per partition
   * leader (at least one batch comes back, KIP-74), so it stays cheap on many partitions.
   */
  lastReadTimestamps(cluster: ClusterConfig, committed: PartitionOffset[]): Promise<Map<string, number>> {
    return this.timestampsAt(
      cluster,
      committed.filter((p) => p.offset > 0n).map((p) => ({ ...p, offset: p.offset - 1n })),
    );
  }

  /**
   * When the record at each given offset was written, by partition key; a partition whose
   * record is gone (retention, compaction) or not yet written is left out.
   */
  timestampsAt(cluster: ClusterConfig, positions: PartitionOffset[]): Promise<Map<string, number>> {
    if (!positions.length) return Promise.resolve(new Map());
    return this.clusters.call(cluster, async (admin) => {
      const reader = new PartitionReader(admin);
      const timestamps = new Map<string, number>();
      const topics = [...new Set(positions.map((p) => p.topic))];
      await Promise.all(
        topics.map(async (topic) => {
          const starts = positions.filter((p) => p.topic === topic).map((p) => ({ partition: p.partition, offset: p.offset }));
          for (const chunk of await reader.fetch(topic, starts, { maxBytesPerPartition: 4096 })) {
            const wanted = starts.find((start) => start.partition === chunk.partition)!.offset;
            const record = chunk.records.find((r) => r.offset === wanted);
            if (record) timestamps.set(partitionKey(topic, chunk.partition), Number(record.timestamp));
          }
        }),
      );
      return timestamps;
    });
  }

  /** Commits offsets for a group without members (creating the group when it has none yet). */
  async commitOffsets(cluster: ClusterConfig, groupId: string, offsets: PartitionOffset[]): Promise<void> {
    if (!offsets.length) return;
    const byTopic = new Map<string, { partition: number; offset: bigint }[]>();
    for (const { topic, partition, offset } of offsets) byTopic.set(topic, [...(byTopic.get(topic) ?? []), { partition, offset }]);
    await this.clusters.change(cluster, (admin) =>
      admin.alterConsumerGroupOffsets({
        groupId,
        topics: [...byTopic].map(([name, partitionOffsets]) => ({ name, partitionOffsets })),
      }),
    );
  }

  /** Removes the group's committed offsets of these partitions, as if it never committed there. */
  async deleteOffsets(cluster: ClusterConfig, groupId: string, partitions: PartitionRef[]): Promise<void> {
    if (!partitions.length) return;
    const byTopic = new Map<string, number[]>();
    for (const { topic, partition } of partitions) byTopic.set(topic, [...(byTopic.get(topic) ?? []), partition]);
    await this.clusters.change(cluster, (admin) =>
      admin.deleteConsumerGroupOffsets({
        groupId,
        topics: [...byTopic].map(([name, partitionIndexes]) => ({ name, partitionIndexes })),
      }),
    );
  }

  /** Deletes a group without members, with its committed offsets. */
  async deleteGroup(cluster: ClusterConfig, groupId: string): Promise<void> {
    await this.clusters.change(cluster, (admin) => admin.deleteGroups({ groups: [groupId] }));
  }
}

/** ConsumerGroupDescribe (KIP-848) sent to each group's coordinator; unknown groups are left out. */
async function describeConsumerProtocolGroups(admin: Admin, groupIds: string[]): Promise<GroupDescription[]> {
  if (!groupIds.length) return [];
  const coordinators = await admin.findCoordinator({ keyType: FindCoordinatorKeyTypes.GROUP, keys: groupIds });
  const byNode = new Map<number, { host: string; port: number; groups: string[] }>();
  for (const coordinator of coordinators) {
    const node = byNode.get(coordinator.nodeId) ?? { host: coordinator.host, port: coordinator.port, groups: [] };
    node.groups.push(coordinator.key);
    byNode.set(coordinator.nodeId, node);
  }
  const api = await protocolApi<DescribeRequest, DescribeResponse>(admin, 'ConsumerGroupDescribe');
  const responses = await Promise.all(
    [...byNode.values()].map(async (node) => {
      try {
        return await api.async(await connectionTo(admin, node), node.groups, false);
      } catch (error) {
        // One unknown or classic group (GROUP_ID_NOT_FOUND) fails the whole response in the
        // client, though the other groups' descriptions in it are good.
        const response = partialResponse<DescribeResponse>(error);
        if (response?.groups) return response;
        throw error;
      }
    }),
  );
  return responses
    .flatMap((response) => response.groups)
    .filter((group) => group.errorCode === 0)
    .map((group) => ({
      groupId: group.groupId,
      state: group.groupState,
      type: 'consumer',
      protocolType: 'consumer',
      members: group.members.map((member) => ({
        memberId: member.memberId,
        clientId: member.clientId,
        host: member.clientHost.replace(/^\//, ''),
        assignments: member.assignment.topicPartitions.map((t) => ({ topic: t.topicName, partitions: [...t.partitions] })),
      })),
    }));
}

/** A streams group as a group: its members, each assigned the input partitions of its active tasks. */
function streamsGroupAsGroup(group: StreamsGroupDescription): GroupDescription {
  const inputs = new Map((group.topology ?? []).map((s) => [s.id, [...s.sourceTopics, ...s.repartitionSourceTopics.map((t) => t.name)]]));
  return {
    groupId: group.groupId,
    state: group.state,
    type: 'streams',
    protocolType: 'streams',
    members: group.members.map((member) => ({
      memberId: member.memberId,
      clientId: member.clientId,
      host: member.clientHost.replace(/^\//, ''),
      assignments: member.assignment.active.flatMap((tasks) =>
        (inputs.get(tasks.subtopology) ?? []).map((topic) => ({ topic, partitions: [...tasks.partitions] })),
      ),
    })),
  };
}
