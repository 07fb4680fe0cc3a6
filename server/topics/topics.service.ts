import type { AuditService } from '../audit/audit.service';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { ClusterDescription, KafkaClients } from '../kafka/kafka-clients';
import { AppError } from '../shared/app-error';
import { toOffset } from '../shared/offset';
import { requireTypedName } from '../shared/validation';
import type {
  ConfigChange,
  NewTopic,
  PartitionsIncreased,
  PurgeRequest,
  PurgeResult,
  TopicConsumerGroup,
  TopicDetail,
  TopicPage,
  TopicListQuery,
  TopicSummary,
} from './topic.model';
import { consoleTopicReadOnlyReason, refuseConsoleTopicChange, refuseConsoleTopicName } from './console-topics';
import type { TopicsGateway } from './topics.gateway';

type DescribedTopic = ClusterDescription['topics'][number];

/** Legal topic names, as the broker checks them (Topic.validate). */
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

/** Topic administration: listing at scale, and changes with their guard rails. */
export class TopicsService {
  constructor(
    private readonly clusters: KafkaClients,
    private readonly topics: TopicsGateway,
    private readonly audit: AuditService,
  ) {}

  /**
   * One page of topics. Metadata comes from one request; message counts and sizes are read
   * for the page only (two ListOffsets and one DescribeLogDirs per broker), unless the sort
   * needs them for every topic. `visible` keeps the names the user may see (all by default).
   */
  async list(cluster: ClusterConfig, query: TopicListQuery, visible: (names: string[]) => string[] = (names) => names): Promise<TopicPage> {
    const description = await this.clusters.describe(cluster);
    const search = query.search?.toLowerCase();
    const shown = new Set(visible(description.topics.map((topic) => topic.name)));
    const matching = description.topics
      .filter((topic) => shown.has(topic.name))
      .filter((topic) => query.internal || !isInternal(topic))
      .filter((topic) => !search || topic.name.toLowerCase().includes(search))
      .map(summarize);
    const needsAllCounts = query.sort === 'messageCount' || query.sort === 'sizeBytes';
    if (needsAllCounts) await this.#addCounts(cluster, matching);
    const direction = query.order === 'desc' ? -1 : 1;
    matching.sort((a, b) => direction * compare(a[query.sort], b[query.sort]) || a.name.localeCompare(b.name));
    const items = matching.slice(query.page * query.pageSize, (query.page + 1) * query.pageSize);
    if (!needsAllCounts) await this.#addCounts(cluster, items);
    return { items, total: matching.length };
  }

  /** Creates a topic after checking what can be checked before asking Kafka. */
  async create(cluster: ClusterConfig, topic: NewTopic): Promise<void> {
    if (!TOPIC_NAME.test(topic.name) || topic.name === '.' || topic.name === '..') {
      throw new AppError(
        'INVALID_TOPIC_NAME',
        `"${topic.name}" is not a valid topic name: use 1 to 249 ASCII letters, digits, ".", "_" or "-", and not "." or ".." alone`,
      );
    }
    refuseConsoleTopicName(topic.name);
    await this.audit.track(
      cluster,
      { action: 'topic.create', subject: { kind: 'topic', name: topic.name }, parameters: { ...topic }, before: null },
      () => this.topics.create(cluster, topic),
      { after: () => ({ partitions: topic.partitions, configs: topic.configs }) },
    );
  }

  /** Partitions with offsets, every config with its source, and the groups that read it. */
  async detail(cluster: ClusterConfig, name: string): Promise<TopicDetail> {
    const topic = await this.#find(cluster, name);
    const ref = [{ name, partitions: topic.partitions.length }];
    const [earliest, latest, configs, committed] = await Promise.all([
      this.topics.offsets(cluster, ref, 'earliest'),
      this.topics.offsets(cluster, ref, 'latest'),
      this.topics.configs(cluster, name),
      this.topics.committedOffsets(cluster, name),
    ]);
    const latestOffsets = latest.get(name) ?? [];
    return {
      name,
      internal: isInternal(topic),
      readOnlyReason: consoleTopicReadOnlyReason(name),
      partitions: topic.partitions.map((partition, index) => ({
        partition: index,
        leader: partition.leader,
        replicas: partition.replicas,
        isr: partition.isr,
        earliestOffset: toOffset(earliest.get(name)?.[index] ?? 0n),
        latestOffset: toOffset(latestOffsets[index] ?? 0n),
      })),
      configs: configs.sort((a, b) => Number(b.isOverride) - Number(a.isOverride) || a.name.localeCompare(b.name)),
      consumerGroups: [...committed]
        .map(([groupId, offsets]): TopicConsumerGroup => ({
          groupId,
          lag: [...offsets].reduce(
            (sum, [partition, offset]) => sum + Math.max(0, Number((latestOffsets[partition] ?? offset) - offset)),
            0,
          ),
        }))
        .sort((a, b) => a.groupId.localeCompare(b.groupId)),
    };
  }

  /** Sets and removes overrides together: the broker applies all of them or none. */
  async alterConfigs(cluster: ClusterConfig, name: string, change: ConfigChange): Promise<void> {
    refuseConsoleTopicChange(name, 'changing its configs');
    const set = change.set ?? {};
    const remove = change.delete ?? [];
    if (Object.keys(set).length === 0 && remove.length === 0) {
      throw new AppError('NOTHING_TO_CHANGE', 'Name at least one config to set or delete');
    }
    const both = remove.filter((key) => key in set);
    if (both.length) throw new AppError('CONFLICTING_CHANGE', `Cannot both set and delete ${both.join(', ')}`);
    await this.#find(cluster, name);
    const touched = [...Object.keys(set), ...remove];
    const valuesOf = async () => {
      const configs = await this.topics.configs(cluster, name);
      return Object.fromEntries(touched.map((key) => [key, configs.find((c) => c.name === key && c.isOverride)?.value ?? null]));
    };
    await this.audit.track(
      cluster,
      {
        action: 'topic.config.alter',
        subject: { kind: 'topic', name },
        parameters: { set, delete: remove },
        before: { configs: await valuesOf() },
      },
      () => this.topics.alterConfigs(cluster, name, { set, delete: remove }),
      { after: () => ({ configs: { ...Object.fromEntries(remove.map((key) => [key, null])), ...set } }) },
    );
  }

  /** Adds partitions; never fewer, and the answer says what it does to keyed data. */
  async increasePartitions(cluster: ClusterConfig, name: string, count: number): Promise<PartitionsIncreased> {
    refuseConsoleTopicChange(name, 'adding partitions to it');
    const topic = await this.#find(cluster, name);
    const current = topic.partitions.length;
    if (count <= current) {
      throw new AppError(
        'PARTITIONS_NOT_INCREASED',
        `${name} has ${current} partitions; Kafka can only add partitions, so ask for more than ${current}`,
      );
    }
    await this.audit.track(
      cluster,
      { action: 'topic.partitions.increase', subject: { kind: 'topic', name }, parameters: { count }, before: { partitions: current } },
      () => this.topics.increasePartitions(cluster, name, count),
      { after: () => ({ partitions: count }) },
    );
    return {
      partitions: count,
      warning:
        `Keys now hash to ${count} partitions instead of ${current}: new records of an existing key may land on ` +
        'another partition than its older ones, so per-key order breaks, and joins with topics that still have ' +
        `${current} partitions no longer meet (they are not co-partitioned any more). Resize those topics too.`,
    };
  }

  /** Deletes records before an offset (default: all of them) in some or all partitions. */
  async purge(cluster: ClusterConfig, name: string, request: PurgeRequest): Promise<PurgeResult> {
    refuseConsoleTopicChange(name, 'purging it');
    requireTypedName(name, request.confirm, 'purge');
    const topic = await this.#find(cluster, name);
    const partitions = request.partitions ?? topic.partitions.map((_, index) => index);
    const unknown = partitions.filter((partition) => partition < 0 || partition >= topic.partitions.length);
    if (unknown.length) {
      throw new AppError('PARTITION_NOT_FOUND', `${name} has no partition ${unknown.join(', ')} (it has ${topic.partitions.length})`);
    }
    const latest = (await this.topics.offsets(cluster, [{ name, partitions: topic.partitions.length }], 'latest')).get(name) ?? [];
    const before = partitions.map((partition) => {
      const end = latest[partition] ?? 0n;
      const offset = request.beforeOffset === undefined ? end : BigInt(request.beforeOffset);
      if (offset > end) {
        throw new AppError('OFFSET_OUT_OF_RANGE', `Partition ${partition} of ${name} ends at offset ${end}; purge before ${end} at most`);
      }
      return { partition, offset };
    });
    const earliest = (await this.topics.offsets(cluster, [{ name, partitions: topic.partitions.length }], 'earliest')).get(name) ?? [];
    try {
      const { result } = await this.audit.track(
        cluster,
        {
          action: 'topic.purge',
          subject: { kind: 'topic', name },
          parameters: { partitions, ...(request.beforeOffset !== undefined && { beforeOffset: request.beforeOffset }) },
          before: { lowWatermarks: partitions.map((partition) => ({ partition, lowWatermark: toOffset(earliest[partition] ?? 0n) })) },
        },
        async (): Promise<PurgeResult> => {
          const watermarks = await this.topics.deleteRecords(cluster, name, before);
          return {
            partitions: [...watermarks].sort(([a], [b]) => a - b).map(([partition, low]) => ({ partition, lowWatermark: toOffset(low) })),
          };
        },
        { after: (purged) => ({ lowWatermarks: purged.partitions }) },
      );
      return result;
    } catch (error) {
      if (error instanceof AppError && error.code === 'POLICY_VIOLATION') {
        throw new AppError(
          'POLICY_VIOLATION',
          `${name} is compacted only (cleanup.policy=compact): Kafka deletes records of such a topic by key, not by offset`,
          { cause: error },
        );
      }
      throw error;
    }
  }

  async delete(cluster: ClusterConfig, name: string, confirm: string | undefined): Promise<void> {
    refuseConsoleTopicChange(name, 'deleting it');
    requireTypedName(name, confirm, 'delete');
    const topic = await this.#find(cluster, name);
    await this.audit.track(
      cluster,
      { action: 'topic.delete', subject: { kind: 'topic', name }, parameters: {}, before: { partitions: topic.partitions.length } },
      () => this.topics.delete(cluster, name),
    );
  }

  async #addCounts(cluster: ClusterConfig, items: TopicSummary[]): Promise<void> {
    const refs = items.map((item) => ({ name: item.name, partitions: item.partitions }));
    if (refs.length === 0) return;
    try {
      const earliest = await this.topics.offsets(cluster, refs, 'earliest');
      const latest = await this.topics.offsets(cluster, refs, 'latest');
      const sizes = await this.topics.sizes(cluster, refs);
      for (const item of items) {
        const starts = earliest.get(item.name) ?? [];
        const ends = latest.get(item.name) ?? [];
        item.messageCount = ends.reduce((sum, end, index) => sum + Number(end - (starts[index] ?? end)), 0);
        item.sizeBytes = sizes.get(item.name) ?? null;
      }
    } catch (error) {
      // A partition without a leader makes ListOffsets fail; the list is still worth showing.
      if (!(error instanceof AppError) || error.status !== 503) throw error;
    }
  }

  async #find(cluster: ClusterConfig, name: string): Promise<DescribedTopic> {
    const topic = (await this.clusters.describe(cluster)).topics.find((t) => t.name === name);
    if (!topic) throw new AppError('TOPIC_NOT_FOUND', `Topic ${name} does not exist on cluster ${cluster.name}`);
    return topic;
  }
}

/**
 * Kafka's own internal topics, and by the common convention those whose name starts with an
 * underscore (`_schemas`, `_confluent-*`, the console's own `_kpc-*`).
 */
function isInternal(topic: DescribedTopic): boolean {
  return topic.internal || topic.name.startsWith('_');
}

function summarize(topic: DescribedTopic): TopicSummary {
  return {
    name: topic.name,
    partitions: topic.partitions.length,
    replicationFactor: topic.partitions[0]?.replicas.length ?? 0,
    underReplicatedPartitions: topic.partitions.filter((p) => p.isr.length < p.replicas.length).length,
    internal: isInternal(topic),
    messageCount: null,
    sizeBytes: null,
  };
}

function compare(a: string | number | boolean | null, b: string | number | boolean | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return typeof a === 'string' ? a.localeCompare(String(b)) : Number(a) - Number(b);
}
