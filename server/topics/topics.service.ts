import type { AuditService } from '../audit/audit.service';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { ClusterModel, LogOffsets } from '../kafka/cluster-model';
import type { ClusterDescription } from '../kafka/kafka-clients';
import { byCodeUnit, oldestOf, type Snapshot } from '../kafka/live-value';
import { AppError } from '../shared/app-error';
import { toOffset } from '../shared/offset';
import { requireTypedName } from '../shared/validation';
import type {
  ConfigChange,
  NewTopic,
  PartitionsIncreased,
  PurgeRequest,
  PurgeResult,
  TopicConfigEntry,
  TopicConsumerGroup,
  TopicDetail,
  TopicPage,
  TopicListQuery,
  TopicSummary,
} from './topic.model';
import { compare, isInternal, summarize, type DescribedTopic } from './topic-summaries';
import { consoleTopicReadOnlyReason, refuseConsoleTopicChange, refuseConsoleTopicName } from './console-topics';
import type { TopicsGateway } from './topics.gateway';

/** Legal topic names, as the broker checks them (Topic.validate). */
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

/** Topic administration: listing at scale, and changes with their guard rails. */
export class TopicsService {
  readonly #summarized = new WeakMap<
    ClusterDescription,
    { offsets: LogOffsets | undefined; sizes: Map<string, number> | undefined; summaries: TopicSummary[] }
  >();

  constructor(
    private readonly model: ClusterModel,
    private readonly topics: TopicsGateway,
    private readonly audit: AuditService,
  ) {}

  /**
   * One page of topics, from the cluster's live model: metadata, message counts and sizes of
   * every topic are in memory, so sorting by any column costs no request to Kafka.
   * `visible` keeps the names the user may see (all by default).
   */
  async list(cluster: ClusterConfig, query: TopicListQuery, visible: (names: string[]) => string[] = (names) => names): Promise<TopicPage> {
    const fresh = query.fresh ?? false;
    const metadata = await this.model.metadata(cluster, { fresh });
    // The first list after a start answers from the metadata at once, without counts and sizes,
    // unless it is sorted by them; they follow in the next answer.
    const needsCounts = query.sort === 'messageCount' || query.sort === 'sizeBytes';
    const [offsets, sizes] = await Promise.all([
      this.model
        .logOffsets(cluster, { fresh, unlessFirst: true })
        .then((kept) => kept ?? (needsCounts ? this.model.logOffsets(cluster) : undefined))
        .catch(leaderless),
      this.model
        .topicSizes(cluster, { fresh })
        .then((kept) => kept ?? (needsCounts ? this.model.topicSizes(cluster, { fresh: true }) : undefined))
        .catch(leaderless),
    ]);
    const search = query.search?.toLowerCase();
    const all = this.#summaries(metadata.value, offsets?.value, sizes?.value);
    const shown = new Set(visible(all.map((summary) => summary.name)));
    const matching = all.filter(
      (summary) =>
        shown.has(summary.name) && (query.internal || !summary.internal) && (!search || summary.name.toLowerCase().includes(search)),
    );
    const direction = query.order === 'desc' ? -1 : 1;
    matching.sort((a, b) => direction * compare(a[query.sort], b[query.sort]) || byCodeUnit(a.name, b.name));
    const items = matching.slice(query.page * query.pageSize, (query.page + 1) * query.pageSize);
    return { items, total: matching.length, asOf: oldestOf(metadata, offsets, sizes) };
  }

  /**
   * Every topic's summary for one state of the model, made once and shared by the lists asked
   * until the model reads the cluster again: thousands of topics are not summed up per call.
   */
  #summaries(description: ClusterDescription, offsets: LogOffsets | undefined, sizes: Map<string, number> | undefined): TopicSummary[] {
    const made = this.#summarized.get(description);
    if (made && made.offsets === offsets && made.sizes === sizes) return made.summaries;
    const summaries = description.topics.map((topic) => summarize(topic, offsets, sizes));
    this.#summarized.set(description, { offsets, sizes, summaries });
    return summaries;
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
  async detail(cluster: ClusterConfig, name: string, { fresh = false }: { fresh?: boolean } = {}): Promise<TopicDetail> {
    const metadata = await this.model.metadata(cluster, { fresh });
    const topic = findTopic(cluster, metadata.value, name);
    const [offsets, groups, configs] = await Promise.all([
      this.model.logOffsets(cluster, { fresh }),
      this.model.consumerGroups(cluster, { fresh }),
      this.#configs(cluster, name, fresh),
    ]);
    const end = (partition: number) => offsets.value.ends.get(name, partition);
    const consumerGroups: TopicConsumerGroup[] = [];
    for (const [groupId, committed] of groups.value.committed) {
      const onTopic = committed.onTopic(name);
      if (!onTopic.length) continue;
      const lag = onTopic.reduce((sum, p) => sum + Math.max(0, Number((end(p.partition) ?? p.offset) - p.offset)), 0);
      consumerGroups.push({ groupId, lag });
    }
    return {
      name,
      internal: isInternal(topic),
      readOnlyReason: consoleTopicReadOnlyReason(name),
      partitions: topic.partitions.map((partition, index) => ({
        partition: index,
        leader: partition.leader,
        replicas: [...partition.replicas],
        isr: [...partition.isr],
        earliestOffset: toOffset(offsets.value.starts.get(name, index) ?? 0n),
        latestOffset: toOffset(end(index) ?? 0n),
      })),
      configs: configs.value.sort((a, b) => Number(b.isOverride) - Number(a.isOverride) || byCodeUnit(a.name, b.name)),
      consumerGroups: consumerGroups.sort((a, b) => byCodeUnit(a.groupId, b.groupId)),
      asOf: oldestOf(metadata, offsets, groups, configs),
    };
  }

  /** A topic's configs, kept briefly in the live model (and read again after any change). */
  #configs(cluster: ClusterConfig, name: string, fresh: boolean): Promise<Snapshot<TopicConfigEntry[]>> {
    return this.model.live(cluster, `configs:${name}`, () => this.topics.configs(cluster, name), 'details').get({ fresh });
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

  /** The topic as the cluster describes it now (a change is about to be made: no kept copy). */
  async #find(cluster: ClusterConfig, name: string): Promise<DescribedTopic> {
    return findTopic(cluster, (await this.model.metadata(cluster, { fresh: true })).value, name);
  }
}

function findTopic(cluster: ClusterConfig, description: ClusterDescription, name: string): DescribedTopic {
  const topic = description.topics.find((t) => t.name === name);
  if (!topic) throw new AppError('TOPIC_NOT_FOUND', `Topic ${name} does not exist on cluster ${cluster.name}`);
  return topic;
}

/** A part of the list that cannot be read now (a partition without a leader fails ListOffsets) is left empty. */
function leaderless(error: unknown): undefined {
  if (error instanceof AppError && error.status === 503) return undefined;
  throw error;
}
