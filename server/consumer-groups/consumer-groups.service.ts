import type { AuditService } from '../audit/audit.service';
import type { ClusterConfig } from '../kafka/clusters-config';
import { AppError } from '../shared/app-error';
import { toOffset } from '../shared/offset';
import { requireTypedName } from '../shared/validation';
import type {
  ConsumerGroupDetail,
  ConsumerGroupListQuery,
  ConsumerGroupMember,
  ConsumerGroupPage,
  ConsumerGroupSummary,
  PartitionLag,
} from './consumer-group.model';
import type { ClusterModel, ConsumerGroupsState, LogOffsets } from '../kafka/cluster-model';
import type { ClusterDescription } from '../kafka/kafka-clients';
import { byCodeUnit, oldestOf, type Snapshot } from '../kafka/live-value';
import { partitionKey, type OffsetTable } from '../kafka/log-offsets';
import type { ConsumerGroupsGateway, GroupDescription, PartitionOffset } from './consumer-groups.gateway';

/** States in which a group has (or is gathering) members that consume. */
const ACTIVE_STATES = new Set(['Stable', 'PreparingRebalance', 'CompletingRebalance', 'Reconciling', 'Assigning']);

/** Kafka Connect workers form groups too; they hold no offsets and cannot be replayed. */
/** Groups of consumers (Kafka Streams apps included), not of Connect workers or other protocols. */
const isConsumerGroup = (protocolType: string) => protocolType === 'consumer' || protocolType === 'streams' || protocolType === '';

/** Lag of every group and of one group in detail; deleting an empty group. */
export class ConsumerGroupsService {
  readonly #summarized = new WeakMap<
    ConsumerGroupsState,
    { descriptions: Map<string, GroupDescription>; offsets: LogOffsets; metadata: ClusterDescription; summaries: ConsumerGroupSummary[] }
  >();

  /** When the record before a committed offset was written, by cluster, partition and offset. */
  readonly #timestamps = new Map<string, number>();

  constructor(
    private readonly gateway: ConsumerGroupsGateway,
    private readonly model: ClusterModel,
    private readonly audit: AuditService,
  ) {}

  /**
   * The consumer groups with state, members and total lag, searched, sorted and paged, from
   * the cluster's live model: groups, committed offsets, descriptions and log ends are kept in
   * memory and read again in the background (batched: one request per broker, coordinator or
   * leader, however many groups). `visible` keeps the ids the user may see.
   */
  async list(
    cluster: ClusterConfig,
    query: ConsumerGroupListQuery,
    visible: (groupIds: string[]) => string[] = (ids) => ids,
  ): Promise<ConsumerGroupPage> {
    const fresh = { fresh: query.fresh ?? false };
    const [groups, metadata, descriptions] = await Promise.all([
      this.model.consumerGroups(cluster, fresh),
      this.model.metadata(cluster, fresh),
      this.#descriptions(cluster, fresh.fresh),
    ]);
    const offsets = await this.model.logOffsets(cluster, fresh);
    const shown = new Set(visible(groups.value.listings.map((group) => group.groupId)));
    const search = query.search?.toLowerCase();
    const matching = this.#summaries(groups.value, descriptions.value, offsets.value, metadata.value)
      .filter((group) => shown.has(group.groupId))
      // By part of the group id, or of a topic it reads.
      .filter((group) => !search || [group.groupId, ...group.topics].some((name) => name.toLowerCase().includes(search)));
    const direction = query.order === 'desc' ? -1 : 1;
    matching.sort((a, b) => direction * compareValues(a[query.sort], b[query.sort]) || compareValues(a.groupId, b.groupId));
    return {
      items: matching.slice(query.page * query.pageSize, (query.page + 1) * query.pageSize),
      total: matching.length,
      asOf: oldestOf(groups, metadata, descriptions, offsets),
    };
  }

  /** Members and per-partition lag of one group; 404 GROUP_NOT_FOUND when there is no such group. */
  async detail(cluster: ClusterConfig, groupId: string, { fresh = false }: { fresh?: boolean } = {}): Promise<ConsumerGroupDetail> {
    let groups = await this.model.consumerGroups(cluster, { fresh });
    // A group the kept list does not know yet (made a moment ago by a consumer): look again before saying none.
    if (!fresh && !groups.value.listings.some((listing) => listing.groupId === groupId)) {
      groups = await this.model.consumerGroups(cluster, { fresh: true });
    }
    const [description, metadata, offsets] = await Promise.all([
      this.#description(cluster, groupId, fresh),
      this.model.metadata(cluster, { fresh }),
      this.model.logOffsets(cluster, { fresh }),
    ]);
    const committed = groups.value.committed.get(groupId)?.list() ?? [];
    if (description.value.state === 'Dead' && !committed.length) {
      throw new AppError('GROUP_NOT_FOUND', `There is no consumer group ${groupId} on ${cluster.name}`);
    }
    const counts = new Map(metadata.value.topics.map((topic) => [topic.name, topic.partitions.length]));
    const offsetsOnTopics = committed.filter((p) => counts.has(p.topic));
    const assigned = description.value.members
      .flatMap((member) =>
        member.assignments.flatMap((a) => a.partitions.map((partition) => ({ topic: a.topic, partition, owner: member.clientId }))),
      )
      .filter((p) => counts.has(p.topic));
    // Every partition of the group's topics: one it never committed on shows a null offset and lag.
    const topics = [...new Set([...offsetsOnTopics, ...assigned].map((p) => p.topic))].sort(compareValues);
    const partitions = topics.flatMap((topic) => Array.from({ length: counts.get(topic) ?? 0 }, (_, partition) => ({ topic, partition })));
    const timestamps = await this.#lastReadTimestamps(cluster, offsetsOnTopics);
    const committedByKey = new Map(offsetsOnTopics.map((p) => [partitionKey(p.topic, p.partition), p.offset]));
    const ownerByKey = new Map(assigned.map((p) => [partitionKey(p.topic, p.partition), p.owner]));
    const rows: PartitionLag[] = partitions.map(({ topic, partition }) => {
      const key = partitionKey(topic, partition);
      const committedOffset = committedByKey.get(key);
      const logEndOffset = toOffset(offsets.value.ends.get(topic, partition) ?? 0n);
      const timestamp = timestamps.get(key);
      return {
        topic,
        partition,
        committedOffset: committedOffset === undefined ? null : toOffset(committedOffset),
        logStartOffset: toOffset(offsets.value.starts.get(topic, partition) ?? 0n),
        logEndOffset,
        lag: committedOffset === undefined ? null : Math.max(0, logEndOffset - toOffset(committedOffset)),
        committedTimestamp: timestamp === undefined ? null : new Date(timestamp).toISOString(),
        assignedTo: ownerByKey.get(key) ?? null,
      };
    });
    return {
      ...summarize(description.value, offsetsOnTopics, offsets.value.ends),
      members: description.value.members,
      partitions: rows,
      asOf: oldestOf(groups, description, metadata, offsets),
    };
  }

  /**
   * Every consumer group's summary for one state of the model, made once and shared by the
   * lists asked until the model reads the cluster again.
   */
  #summaries(
    groups: ConsumerGroupsState,
    descriptions: Map<string, GroupDescription>,
    offsets: LogOffsets,
    metadata: ClusterDescription,
  ): ConsumerGroupSummary[] {
    const made = this.#summarized.get(groups);
    if (made && made.descriptions === descriptions && made.offsets === offsets && made.metadata === metadata) return made.summaries;
    const existing = new Set(metadata.topics.map((topic) => topic.name));
    const summaries = groups.listings
      .filter((listing) => isConsumerGroup(listing.protocolType))
      .map((listing) => {
        const description = descriptions.get(listing.groupId);
        const committed = (groups.committed.get(listing.groupId)?.list() ?? []).filter((p) => existing.has(p.topic));
        return summarize({ ...listing, members: [], ...description, state: description?.state ?? listing.state }, committed, offsets.ends);
      });
    this.#summarized.set(groups, { descriptions, offsets, metadata, summaries });
    return summaries;
  }

  /**
   * One group's description, kept briefly in the live model. A method of its own, so the kept
   * read holds nothing of the answer being made (a closure there would keep the whole offsets).
   */
  #description(cluster: ClusterConfig, groupId: string, fresh: boolean): Promise<Snapshot<GroupDescription>> {
    return this.model.live(cluster, `group:${groupId}`, () => this.describe(cluster, groupId), 'details').get({ fresh });
  }

  /** The descriptions (state, members) of every consumer group, a part of the live model. */
  #descriptions(cluster: ClusterConfig, fresh: boolean): Promise<Snapshot<Map<string, GroupDescription>>> {
    const read = async () => {
      const { value } = await this.model.consumerGroups(cluster);
      return this.gateway.describe(
        cluster,
        value.listings.filter((group) => isConsumerGroup(group.protocolType)),
      );
    };
    return this.model.live(cluster, 'group-descriptions', read, 'groups').get({ fresh });
  }

  /**
   * When the record before each committed offset was written. That never changes for a given
   * offset, so each is read once (one small fetch per leader) and remembered.
   */
  async #lastReadTimestamps(cluster: ClusterConfig, committed: PartitionOffset[]): Promise<Map<string, number>> {
    const known = new Map<string, number>();
    const missing: PartitionOffset[] = [];
    for (const p of committed) {
      const timestamp = this.#timestamps.get(`${cluster.name}\u0000${partitionKey(p.topic, p.partition)}\u0000${p.offset}`);
      if (timestamp === undefined) missing.push(p);
      else known.set(partitionKey(p.topic, p.partition), timestamp);
    }
    if (missing.length) {
      for (const [key, timestamp] of await this.gateway.lastReadTimestamps(cluster, missing)) {
        known.set(key, timestamp);
        const p = missing.find((m) => partitionKey(m.topic, m.partition) === key)!;
        if (this.#timestamps.size >= TIMESTAMPS_KEPT) this.#timestamps.delete(this.#timestamps.keys().next().value!);
        this.#timestamps.set(`${cluster.name}\u0000${key}\u0000${p.offset}`, timestamp);
      }
    }
    return known;
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

function summarize(group: GroupDescription, offsets: PartitionOffset[], logEnds: OffsetTable): ConsumerGroupSummary {
  const topics = new Set([...offsets.map((p) => p.topic), ...group.members.flatMap((member) => member.assignments.map((a) => a.topic))]);
  const lags = offsets.map((p) => {
    const end = logEnds.get(p.topic, p.partition);
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

/** At most this many read times are remembered. */
const TIMESTAMPS_KEPT = 100_000;

/** Strings by code unit (cheap on thousands), numbers by value, null first. */
function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return byCodeUnit(String(a), String(b));
}
