import type { AuditService } from '../audit/audit.service';
import type { ClusterConfig } from '../kafka/clusters-config';
import { AppError } from '../shared/app-error';
import { toOffset } from '../shared/offset';
import { requireTypedName } from '../shared/validation';
import type { ConsumerGroupDetail, ConsumerGroupMember, ConsumerGroupSummary, PartitionLag } from './consumer-group.model';
import {
  EARLIEST,
  LATEST,
  partitionKey,
  type ConsumerGroupsGateway,
  type GroupDescription,
  type PartitionOffset,
  type PartitionRef,
} from './consumer-groups.gateway';

/** States in which a group has (or is gathering) members that consume. */
const ACTIVE_STATES = new Set(['Stable', 'PreparingRebalance', 'CompletingRebalance', 'Reconciling', 'Assigning']);

/** Kafka Connect workers form groups too; they hold no offsets and cannot be replayed. */
const isConsumerGroup = (protocolType: string) => protocolType === 'consumer' || protocolType === '';

/** Lag of every group and of one group in detail; deleting an empty group. */
export class ConsumerGroupsService {
  constructor(
    private readonly gateway: ConsumerGroupsGateway,
    private readonly audit: AuditService,
  ) {}

  /**
   * Every consumer group with its state and total lag. Batched: one ListGroups per broker,
   * one describe and one OffsetFetch per coordinator, one ListOffsets per partition leader,
   * however many groups there are.
   */
  async list(cluster: ClusterConfig): Promise<ConsumerGroupSummary[]> {
    const listings = (await this.gateway.listGroups(cluster)).filter((group) => isConsumerGroup(group.protocolType));
    const groupIds = listings.map((group) => group.groupId);
    const [descriptions, committed, existing] = await Promise.all([
      this.gateway.describe(cluster, listings),
      this.gateway.committedOffsets(cluster, groupIds),
      this.gateway.existingTopics(cluster),
    ]);
    const allCommitted = [...committed.values()].flat().filter((p) => existing.has(p.topic));
    const logEnds = await this.gateway.logOffsets(cluster, uniquePartitions(allCommitted), LATEST);
    return listings
      .map((listing) => {
        const description = descriptions.get(listing.groupId);
        const offsets = (committed.get(listing.groupId) ?? []).filter((p) => existing.has(p.topic));
        return summarize({ ...listing, members: [], ...description, state: description?.state ?? listing.state }, offsets, logEnds);
      })
      .sort((a, b) => a.groupId.localeCompare(b.groupId));
  }

  /** Members and per-partition lag of one group; 404 GROUP_NOT_FOUND when there is no such group. */
  async detail(cluster: ClusterConfig, groupId: string): Promise<ConsumerGroupDetail> {
    const [description, committed, existing] = await Promise.all([
      this.describe(cluster, groupId),
      this.gateway.committedOffsets(cluster, [groupId]).then((offsets) => offsets.get(groupId) ?? []),
      this.gateway.existingTopics(cluster),
    ]);
    if (description.state === 'Dead' && !committed.length) {
      throw new AppError('GROUP_NOT_FOUND', `There is no consumer group ${groupId} on ${cluster.name}`);
    }
    const offsets = committed.filter((p) => existing.has(p.topic));
    const assigned = description.members
      .flatMap((member) =>
        member.assignments.flatMap((a) => a.partitions.map((partition) => ({ topic: a.topic, partition, owner: member.clientId }))),
      )
      .filter((p) => existing.has(p.topic));
    // Every partition of the group's topics: one it never committed on shows a null offset and lag.
    const counts = await this.gateway.partitionCounts(cluster, [...new Set([...offsets, ...assigned].map((p) => p.topic))]);
    const partitions = [...counts]
      .flatMap(([topic, count]) => Array.from({ length: count }, (_, partition) => ({ topic, partition })))
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    const [logStarts, logEnds, timestamps] = await Promise.all([
      this.gateway.logOffsets(cluster, partitions, EARLIEST),
      this.gateway.logOffsets(cluster, partitions, LATEST),
      this.gateway.lastReadTimestamps(cluster, offsets),
    ]);
    const committedByKey = new Map(offsets.map((p) => [partitionKey(p.topic, p.partition), p.offset]));
    const ownerByKey = new Map(assigned.map((p) => [partitionKey(p.topic, p.partition), p.owner]));
    const rows: PartitionLag[] = partitions.map(({ topic, partition }) => {
      const key = partitionKey(topic, partition);
      const committedOffset = committedByKey.get(key);
      const logEndOffset = toOffset(logEnds.get(key) ?? 0n);
      const timestamp = timestamps.get(key);
      return {
        topic,
        partition,
        committedOffset: committedOffset === undefined ? null : toOffset(committedOffset),
        logStartOffset: toOffset(logStarts.get(key) ?? 0n),
        logEndOffset,
        lag: committedOffset === undefined ? null : Math.max(0, logEndOffset - toOffset(committedOffset)),
        committedTimestamp: timestamp === undefined ? null : new Date(timestamp).toISOString(),
        assignedTo: ownerByKey.get(key) ?? null,
      };
    });
    return { ...summarize(description, offsets, logEnds), members: description.members, partitions: rows };
  }

  /**
   * Deletes a group with its offsets: only an empty one (409 GROUP_ACTIVE otherwise), after the
   * operator typed its name, audited with the offsets it had committed.
   */
  async delete(cluster: ClusterConfig, groupId: string, confirm: string | undefined): Promise<void> {
    requireTypedName(groupId, confirm, 'delete consumer group');
    const description = await this.describe(cluster, groupId);
    if (description.state === 'Dead') {
      throw new AppError('GROUP_NOT_FOUND', `There is no consumer group ${groupId} on ${cluster.name}`);
    }
    this.refuseWhileActive(description, 'deleted');
    const committed = (await this.gateway.committedOffsets(cluster, [groupId])).get(groupId) ?? [];
    await this.audit.track(
      cluster,
      {
        action: 'consumer-group.delete',
        subject: { kind: 'consumer-group', name: groupId },
        parameters: {},
        before: committed.map((p) => ({ topic: p.topic, partition: p.partition, offset: toOffset(p.offset) })),
      },
      () => this.gateway.deleteGroup(cluster, groupId),
      { exclusive: true },
    );
  }

  /** State and members of one group, of either protocol; `Dead` when it does not exist. */
  async describe(cluster: ClusterConfig, groupId: string): Promise<GroupDescription> {
    const descriptions = await this.gateway.describe(cluster, [{ groupId }]);
    return descriptions.get(groupId) ?? { groupId, state: 'Dead', type: 'classic', protocolType: '', members: [] };
  }

  /**
   * Throws 409 GROUP_ACTIVE, naming the members, while the group has any. Kafka refuses
   * offset commits from outside a group with members with a terse error code; the operator
   * needs to know which consumers to stop first.
   */
  refuseWhileActive(group: GroupDescription, what: string): void {
    if (!isActive(group)) return;
    const members = group.members.map(memberName);
    const who = members.length ? `: ${members.join(', ')}` : ` (state ${group.state})`;
    throw new AppError(
      'GROUP_ACTIVE',
      `Consumer group ${group.groupId} has active members, so its offsets cannot be ${what}; stop them first${who}`,
    );
  }
}

/** Whether a group has members consuming (or joining) now. */
export function isActive(group: Pick<GroupDescription, 'state' | 'members'>): boolean {
  return group.members.length > 0 || ACTIVE_STATES.has(group.state);
}

/** A member as operators name it: `client id @ host`. */
export function memberName(member: ConsumerGroupMember): string {
  return `${member.clientId} @ ${member.host}`;
}

function summarize(group: GroupDescription, offsets: PartitionOffset[], logEnds: Map<string, bigint>): ConsumerGroupSummary {
  const topics = new Set([...offsets.map((p) => p.topic), ...group.members.flatMap((member) => member.assignments.map((a) => a.topic))]);
  const lags = offsets.map((p) => {
    const end = logEnds.get(partitionKey(p.topic, p.partition));
    return end === undefined ? 0 : Math.max(0, toOffset(end - p.offset));
  });
  return {
    groupId: group.groupId,
    state: group.state,
    type: group.type,
    protocolType: group.protocolType,
    memberCount: group.members.length,
    topics: [...topics].sort(),
    totalLag: offsets.length ? lags.reduce((sum, lag) => sum + lag, 0) : null,
  };
}

function uniquePartitions(partitions: PartitionRef[]): PartitionRef[] {
  const unique = new Map(partitions.map((p) => [partitionKey(p.topic, p.partition), { topic: p.topic, partition: p.partition }]));
  return [...unique.values()].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}
