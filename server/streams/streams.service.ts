import type { ConsumerGroupsGateway, GroupDescription, PartitionOffset } from '../consumer-groups/consumer-groups.gateway';
import type { ClusterModel, LogOffsets } from '../kafka/cluster-model';
import type { ClusterConfig } from '../kafka/clusters-config';
import { byCodeUnit, oldestOf, type LiveValue, type Snapshot } from '../kafka/live-value';
import type { StreamsGroupDescription } from '../kafka/streams-group-describe';
import { AppError } from '../shared/app-error';
import {
  commitsByPartition,
  internalTopicsOf,
  membersOf,
  storeOf,
  subtopologiesOf,
  withSinks,
  type AppCommit,
  type ChangelogFacts,
  type ClusterView,
} from './streams-apps';
import type { StreamsTopologies } from './streams-topologies';
import type { StreamsGateway } from './streams.gateway';
import { brokerShapeOf, topologyDifferences, type DescribedSubtopology } from './topology-description';
import type { StreamsAppDetail, StreamsAppListQuery, StreamsAppPage, StreamsAppSummary, StreamsMember } from './streams.model';

/** Every Streams app the cluster knows of, kept in the live model with what each has committed. */
interface StreamsState {
  groups: StreamsGroupDescription[];
  /** Classic-protocol consumer groups that own Streams internal topics, described. */
  classic: GroupDescription[];
  committed: Map<string, PartitionOffset[]>;
}

/** One app as the list and the page need it, whichever protocol it uses. */
interface KnownApp {
  applicationId: string;
  streams?: StreamsGroupDescription;
  classic?: GroupDescription;
  commits: AppCommit[];
}

/**
 * The Streams apps of a cluster: streams groups (KIP-1071) as their coordinators describe
 * them, and classic-protocol apps recognised by their internal topics, with the live rate and
 * lag on every input, tasks, members and state stores, from the cluster's live model.
 */
export class StreamsService {
  /** Per cluster, the commits sampled before the ones kept: consume rates are measured between the two. */
  readonly #previousCommits = new Map<string, Snapshot<StreamsState>>();

  constructor(
    private readonly model: ClusterModel,
    private readonly gateway: StreamsGateway,
    private readonly groups: ConsumerGroupsGateway,
    private readonly topologies: StreamsTopologies,
  ) {}

  async list(
    cluster: ClusterConfig,
    query: StreamsAppListQuery,
    visible: (ids: string[]) => string[] = (ids) => ids,
  ): Promise<StreamsAppPage> {
    const fresh = { fresh: query.fresh ?? false };
    const [metadata, offsets, state] = await Promise.all([
      this.model.metadata(cluster, fresh),
      this.model.logOffsets(cluster, fresh),
      this.#state(cluster, fresh.fresh),
    ]);
    const view = this.#view(cluster, metadata.value, offsets);
    const shown = new Set(visible(appsOf(state.value).map((app) => app.applicationId)));
    const search = query.search?.toLowerCase();
    const matching = appsOf(state.value)
      .filter((app) => shown.has(app.applicationId) && (!search || app.applicationId.toLowerCase().includes(search)))
      .map((app) => this.#summary(cluster, app, view, state));
    const direction = query.order === 'desc' ? -1 : 1;
    matching.sort((a, b) => direction * compare(a[query.sort], b[query.sort]) || byCodeUnit(a.applicationId, b.applicationId));
    return {
      items: matching.slice(query.page * query.pageSize, (query.page + 1) * query.pageSize),
      total: matching.length,
      asOf: oldestOf(metadata, offsets, state),
    };
  }

  /** One app: its graph with rates and lag, tasks, members, and state stores. 404 STREAMS_APP_NOT_FOUND when none. */
  async detail(cluster: ClusterConfig, applicationId: string, { fresh = false }: { fresh?: boolean } = {}): Promise<StreamsAppDetail> {
    const [metadata, offsets, state, sizes, own] = await Promise.all([
      this.model.metadata(cluster, { fresh }),
      this.model.logOffsets(cluster, { fresh }),
      this.#state(cluster, fresh),
      this.model.topicSizes(cluster, { fresh }),
      this.topologies.get(cluster, applicationId),
    ]);
    const app = appsOf(state.value).find((known) => known.applicationId === applicationId);
    if (!app) throw new AppError('STREAMS_APP_NOT_FOUND', `There is no Kafka Streams application ${applicationId} on ${cluster.name}`);
    const view = this.#view(cluster, metadata.value, offsets);
    const names = metadata.value.topics.map((topic) => topic.name);
    const changelogs = app.streams
      ? [...new Set((app.streams.topology ?? []).flatMap((subtopology) => subtopology.changelogTopics.map((topic) => topic.name)))]
      : internalTopicsOf(applicationId, names).changelogs;
    const existing = changelogs.filter((topic) => names.includes(topic));
    const configs = await this.#changelogConfigs(cluster, applicationId, existing, metadata.value.brokers[0]?.id, fresh);
    const facts = await Promise.all(
      changelogs.map(async (topic): Promise<ChangelogFacts> => ({
        topic,
        cleanupPolicy: configs.value.topics.get(topic)?.cleanupPolicy ?? null,
        retentionMs: configs.value.topics.get(topic)?.retentionMs ?? null,
        sizeBytes: sizes?.value.get(topic) ?? null,
        restoreRate: existing.includes(topic) ? await this.#restoreRate(cluster, topic) : null,
      })),
    );
    // A classic app's topology is known only from its own description, when given.
    const topology = app.streams ?? (own && classicShape(applicationId, own.subtopologies, new Set(names)));
    const subtopologies = topology ? subtopologiesOf(topology, view, app.commits) : [];
    return {
      ...this.#summary(cluster, app, view, state),
      ...(!app.streams && own && { subtopologyCount: own.subtopologies.length }),
      groupEpoch: app.streams?.groupEpoch ?? null,
      assignmentEpoch: app.streams?.assignmentEpoch ?? null,
      subtopologies: own ? withSinks(subtopologies, own.subtopologies, view) : subtopologies,
      members: app.streams ? membersOf(app.streams) : classicMembers(app.classic),
      topologyDescription: own
        ? {
            text: own.text,
            givenAt: own.givenAt,
            differences: app.streams ? topologyDifferences(applicationId, own.subtopologies, app.streams.topology) : [],
          }
        : null,
      stores: facts.map((fact) =>
        storeOf(applicationId, fact, { ...view, starts: offsets.value.starts }, configs.value.brokerDefaultRetentionMs),
      ),
      asOf: oldestOf(metadata, offsets, state, configs),
    };
  }

  /**
   * The app's input topics (what it reads that it did not make: a replay resets these) and
   * its internal topics (repartition and changelog topics). 404 STREAMS_APP_NOT_FOUND when none.
   */
  async topicsOf(cluster: ClusterConfig, applicationId: string): Promise<{ inputs: string[]; internal: string[] }> {
    const [metadata, state] = await Promise.all([this.model.metadata(cluster, { fresh: true }), this.#state(cluster, true)]);
    const app = appsOf(state.value).find((known) => known.applicationId === applicationId);
    if (!app) throw new AppError('STREAMS_APP_NOT_FOUND', `There is no Kafka Streams application ${applicationId} on ${cluster.name}`);
    const names = metadata.value.topics.map((topic) => topic.name);
    const made = internalTopicsOf(applicationId, names);
    const internal = [...made.repartitions, ...made.changelogs].sort(byCodeUnit);
    const read = app.streams
      ? (app.streams.topology ?? []).flatMap((subtopology) => subtopology.sourceTopics)
      : app.commits.map((commit) => commit.topic);
    const inputs = [...new Set(read)].filter((topic) => !internal.includes(topic) && names.includes(topic)).sort(byCodeUnit);
    return { inputs, internal };
  }

  #summary(cluster: ClusterConfig, app: KnownApp, view: ClusterView, state: Snapshot<StreamsState>): StreamsAppSummary {
    const committed = commitsByPartition(app.commits);
    const lags = app.commits.map((commit) => {
      const end = view.ends.get(commit.topic, commit.partition);
      return end === undefined ? 0 : Math.max(0, Number(end - commit.offset));
    });
    const internal = internalTopicsOf(
      app.applicationId,
      view.metadata.topics.map((topic) => topic.name),
    );
    return {
      applicationId: app.applicationId,
      protocol: app.streams ? 'streams' : 'classic',
      state: app.streams?.state ?? app.classic?.state ?? 'Unknown',
      memberCount: app.streams?.members.length ?? app.classic?.members.length ?? 0,
      subtopologyCount: app.streams?.topology?.length ?? null,
      storeCount: app.streams
        ? new Set((app.streams.topology ?? []).flatMap((subtopology) => subtopology.changelogTopics.map((topic) => topic.name))).size
        : internal.changelogs.length,
      totalLag: app.commits.length ? lags.reduce((total, lag) => total + lag, 0) : null,
      consumeRate: this.#consumeRate(cluster, app.applicationId, committed, state),
    };
  }

  /** Records per second the app committed past, between the last two samples of its commits. */
  #consumeRate(
    cluster: ClusterConfig,
    applicationId: string,
    committed: Map<string, bigint>,
    state: Snapshot<StreamsState>,
  ): number | null {
    const previous = this.#previousCommits.get(cluster.name);
    if (!previous || previous.asOf >= state.asOf) return null;
    const before = commitsByPartition(previous.value.committed.get(applicationId) ?? []);
    if (!before.size) return null;
    let read = 0;
    for (const [key, offset] of committed) read += Math.max(0, Number(offset - (before.get(key) ?? offset)));
    return read / ((state.asOf - previous.asOf) / 1000);
  }

  #view(cluster: ClusterConfig, metadata: ClusterView['metadata'], offsets: Snapshot<LogOffsets>): ClusterView {
    const rates = this.model.produceRates(cluster, offsets);
    const counts = new Map(metadata.topics.map((topic) => [topic.name, topic.partitions.length]));
    return { metadata, ends: offsets.value.ends, produceRate: (topic) => (counts.has(topic) ? rates(topic, counts.get(topic)!) : null) };
  }

  /** Streams groups and classic Streams apps with their commits: one part of the live model, read every few seconds. */
  #state(cluster: ClusterConfig, fresh: boolean): Promise<Snapshot<StreamsState>> {
    const part: LiveValue<StreamsState> = this.model.live(cluster, 'streams-apps', () => this.#readState(cluster, part.peek()), 'groups');
    return part.get({ fresh });
  }

  async #readState(cluster: ClusterConfig, before: Snapshot<StreamsState> | undefined): Promise<StreamsState> {
    if (before) this.#previousCommits.set(cluster.name, before);
    const [groups, metadata, consumerGroups] = await Promise.all([
      this.gateway.streamsGroups(cluster),
      this.model.metadata(cluster),
      this.model.consumerGroups(cluster),
    ]);
    const names = metadata.value.topics.map((topic) => topic.name);
    const classicIds = consumerGroups.value.listings.filter(
      // A stopped app whose offsets a tool reset may have no protocol type left.
      (listing) => (listing.protocolType === 'consumer' || listing.protocolType === '') && isStreamsApp(listing.groupId, names),
    );
    const [classic, committed] = await Promise.all([
      this.groups.describe(cluster, classicIds),
      this.groups.committedOffsets(cluster, [...groups.map((group) => group.groupId), ...classicIds.map((listing) => listing.groupId)]),
    ]);
    return { groups, classic: [...classic.values()], committed };
  }

  /** The changelogs' configs and the broker's default retention, kept briefly like other page details. */
  #changelogConfigs(cluster: ClusterConfig, applicationId: string, topics: string[], brokerId: number | undefined, fresh: boolean) {
    return this.model
      .live(cluster, `streams-configs:${applicationId}`, () => this.gateway.changelogConfigs(cluster, topics, brokerId ?? 0), 'details')
      .get({ fresh });
  }

  /**
   * How fast the changelog reads back: measured when the page first asks, again every ten
   * minutes while it is open. The kept read holds only names, never an answer's data.
   */
  async #restoreRate(cluster: ClusterConfig, topic: string): Promise<number | null> {
    const measured = await this.model
      .live(cluster, `restore-rate:${topic}`, () => this.#measureRestore(cluster, topic), 'measurements')
      .get();
    return measured.value;
  }

  /** Reads the changelog from where each partition starts now, timed. */
  async #measureRestore(cluster: ClusterConfig, topic: string): Promise<number | null> {
    const [metadata, offsets] = await Promise.all([this.model.metadata(cluster), this.model.logOffsets(cluster)]);
    const partitions = metadata.value.topics.find((t) => t.name === topic)?.partitions.length ?? 0;
    const starts = Array.from({ length: partitions }, (_, partition) => ({
      partition,
      offset: offsets.value.starts.get(topic, partition) ?? 0n,
    }));
    return this.gateway.restoreRate(cluster, topic, starts);
  }
}

/** Streams groups first, then classic apps not already known as a streams group. */
function appsOf(state: StreamsState): KnownApp[] {
  const streams = state.groups.map((group) => ({
    applicationId: group.groupId,
    streams: group,
    commits: state.committed.get(group.groupId) ?? [],
  }));
  const known = new Set(streams.map((app) => app.applicationId));
  const classic = state.classic
    .filter((group) => !known.has(group.groupId))
    .map((group) => ({ applicationId: group.groupId, classic: group, commits: state.committed.get(group.groupId) ?? [] }));
  return [...streams, ...classic];
}

/** A classic consumer group is a Streams app when topics named for it end in -changelog or -repartition. */
function isStreamsApp(groupId: string, topics: readonly string[]): boolean {
  const internal = internalTopicsOf(groupId, topics);
  return internal.changelogs.length + internal.repartitions.length > 0;
}

/** A classic app as a streams group with the topology its own description gives, and no members the broker knows of by task. */
function classicShape(applicationId: string, described: DescribedSubtopology[], existing: ReadonlySet<string>): StreamsGroupDescription {
  const topology = brokerShapeOf(applicationId, described, existing);
  return { groupId: applicationId, state: '', groupEpoch: 0, assignmentEpoch: 0, topologyEpoch: null, topology, members: [] };
}

function classicMembers(group: GroupDescription | undefined): StreamsMember[] {
  return (group?.members ?? []).map((member) => ({
    memberId: member.memberId,
    clientId: member.clientId,
    host: member.host,
    processId: '',
    instanceId: null,
    activeTasks: [],
    standbyTasks: [],
    warmupTasks: [],
  }));
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : byCodeUnit(String(a), String(b));
}
