import { randomUUID } from 'node:crypto';
import type { AuditService } from '../audit/audit.service';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { ClusterModel } from '../kafka/cluster-model';
import type { KafkaClients } from '../kafka/kafka-clients';
import { StateTopic } from '../kafka/state-topic';
import { AppError } from '../shared/app-error';
import type { BridgeGateway, PartitionBounds } from './bridge.gateway';
import type {
  BridgeHealth,
  BridgeSettings,
  BridgeSettingsChange,
  BridgeSources,
  PublishedSequence,
  SequenceCheckJob,
  SequenceCheckRequest,
  SequenceReport,
} from './bridge.model';
import { restartPointsOf } from './restart-points';
import { planScan, runScan } from './sequence-scan';
import { judgeSequence } from './sequence-check';
import { FIELD_PATH, MAX_FIELD_PATH } from './sequence-field';

/** Each topic's sequence field lives in this compacted topic of each cluster, keyed by topic name. */
export const BRIDGE_SETTINGS_TOPIC = '_kpc-bridge-settings';

/** What a topic uses until an operator sets otherwise. */
export const DEFAULT_SETTINGS: BridgeSettings = { sequenceField: 'sequence', keyField: null };

/** How much one check may read; a check never reads unbounded. */
export const CHECK_BUDGET = { records: 10_000, maxRecords: 100_000, bytes: 64 * 1024 * 1024, milliseconds: 30_000 };
const KEPT_JOBS = 50;

/**
 * The bridge's health: for a topic a source connector publishes to, the highest sequence
 * published, where the connector resumes (its KIP-875 offset, translated), and bounded checks
 * of the sequence for gaps and duplicates. Each topic's sequence field is kept in
 * {@link BRIDGE_SETTINGS_TOPIC}, so every console instance agrees and a restart keeps it.
 */
export class BridgeService {
  readonly #settings: StateTopic<BridgeSettings>;
  readonly #jobs = new Map<string, SequenceCheckJob>();
  /** Per cluster, the last finished check of each topic: what the Advisor reads. */
  readonly #lastReports = new Map<string, Map<string, SequenceReport>>();

  constructor(
    clusters: KafkaClients,
    private readonly model: ClusterModel,
    private readonly gateway: BridgeGateway,
    private readonly audit: AuditService,
  ) {
    this.#settings = new StateTopic(clusters, BRIDGE_SETTINGS_TOPIC, parseSettings);
  }

  /** The topic's settings: as set by an operator, else the defaults. */
  async settings(cluster: ClusterConfig, topic: string): Promise<BridgeSettings> {
    await this.#bounds(cluster, topic);
    return this.#settingsOf(cluster, topic);
  }

  /** Sets where the topic's events keep their sequence (and key); audited. */
  async setSettings(cluster: ClusterConfig, topic: string, change: BridgeSettingsChange): Promise<BridgeSettings> {
    await this.#bounds(cluster, topic);
    const stored = (await this.#settings.entries(cluster)).get(topic) ?? null;
    const settings: BridgeSettings = {
      sequenceField: change.sequenceField,
      keyField: change.keyField === undefined ? (stored?.keyField ?? null) : change.keyField || null,
    };
    await this.audit.track(
      cluster,
      {
        action: 'topic.bridge-settings.set',
        subject: { kind: 'topic', name: topic },
        parameters: { ...settings },
        before: stored,
      },
      () => this.#settings.put(cluster, topic, settings),
      { after: () => settings },
    );
    return settings;
  }

  /** The source connectors that publish to the topic. */
  async sources(cluster: ClusterConfig, topic: string): Promise<BridgeSources> {
    await this.#bounds(cluster, topic);
    const { sources, problems } = await this.gateway.sourcesOf(cluster, topic);
    return {
      topic,
      sources: sources.map(({ connect, info, status }) => ({
        connectCluster: connect.name,
        connector: info.name,
        className: info.config['connector.class'] ?? '',
        state: status.connector.state,
      })),
      connectProblems: problems,
    };
  }

  /** The highest sequence published, and where each source connector publishing here resumes. */
  async health(cluster: ClusterConfig, topic: string, options: { fresh?: boolean } = {}): Promise<BridgeHealth> {
    const bounds = await this.#bounds(cluster, topic, options);
    const settings = await this.#settingsOf(cluster, topic);
    const asOf = new Date().toISOString();
    const [partitions, { sources, problems }] = await Promise.all([
      this.gateway.newestSequences(cluster, topic, bounds, settings),
      this.gateway.sourcesOf(cluster, topic),
    ]);
    const published = publishedOf(partitions, settings);
    return {
      topic,
      settings,
      published,
      sources: await Promise.all(
        sources.map(async (source) => ({
          connectCluster: source.connect.name,
          connector: source.info.name,
          className: source.info.config['connector.class'] ?? '',
          state: source.status.connector.state,
          ...(await restartPointsOf(source, () => this.gateway.offsets(source.connect, source.info.name), published, settings)),
        })),
      ),
      connectProblems: problems,
      asOf,
    };
  }

  /** Starts a bounded check of the topic's sequence; poll {@link job} for its progress and report. */
  async startCheck(cluster: ClusterConfig, topic: string, request: SequenceCheckRequest): Promise<SequenceCheckJob> {
    const bounds = await this.#bounds(cluster, topic, { fresh: true });
    if (request.partition !== undefined && !bounds.some((b) => b.partition === request.partition)) {
      throw new AppError('PARTITION_NOT_FOUND', `Topic ${topic} has no partition ${request.partition} (it has ${bounds.length})`);
    }
    const settings = await this.#settingsOf(cluster, topic);
    const plan = planScan(bounds, { ...request, limit: request.limit ?? CHECK_BUDGET.records });
    const recordsPlanned = plan.reduce((sum, range) => sum + Number(range.to - range.from), 0);
    const job: SequenceCheckJob = { id: randomUUID(), status: 'running', progress: { recordsRead: 0, recordsPlanned } };
    this.#remember(job);
    const budget = { bytes: CHECK_BUDGET.bytes, deadline: Date.now() + CHECK_BUDGET.milliseconds };
    runScan(this.gateway, cluster, topic, bounds, plan, settings, budget, (recordsRead) => (job.progress = { recordsRead, recordsPlanned }))
      .then((scan) => {
        const report = judgeSequence(scan);
        Object.assign(job, { status: 'done', report });
        let reports = this.#lastReports.get(cluster.name);
        if (!reports) this.#lastReports.set(cluster.name, (reports = new Map()));
        reports.set(topic, report);
      })
      .catch((error: unknown) => {
        const appError = error instanceof AppError ? error : new AppError('INTERNAL', 'The check failed unexpectedly', { cause: error });
        Object.assign(job, { status: 'failed', error: { code: appError.code, message: appError.message } });
      });
    return job;
  }

  /** The last finished check of each topic of a cluster that this console ran. */
  lastReports(cluster: ClusterConfig): ReadonlyMap<string, SequenceReport> {
    return this.#lastReports.get(cluster.name) ?? new Map();
  }

  job(id: string): SequenceCheckJob {
    const job = this.#jobs.get(id);
    if (!job)
      throw new AppError('CHECK_NOT_FOUND', `No check ${id} is known here (checks are kept for a while by the console that ran them)`);
    return job;
  }

  async #settingsOf(cluster: ClusterConfig, topic: string): Promise<BridgeSettings> {
    return (await this.#settings.entries(cluster)).get(topic) ?? DEFAULT_SETTINGS;
  }

  /** Every partition's log start and end from the live model; 404 when the topic does not exist. */
  async #bounds(cluster: ClusterConfig, topic: string, { fresh = false } = {}): Promise<PartitionBounds[]> {
    let { value: description } = await this.model.metadata(cluster, { fresh });
    // A topic made a moment ago may be newer than the model: look once more before saying it is not there.
    if (!description.topics.some((t) => t.name === topic) && !fresh)
      ({ value: description } = await this.model.metadata(cluster, { fresh: true }));
    const found = description.topics.find((t) => t.name === topic);
    if (!found) throw new AppError('TOPIC_NOT_FOUND', `Topic ${topic} does not exist on cluster ${cluster.name}`);
    const { value: offsets } = await this.model.logOffsets(cluster, { fresh });
    return found.partitions.map((_, partition) => ({
      partition,
      start: offsets.starts.get(topic, partition) ?? 0n,
      end: offsets.ends.get(topic, partition) ?? 0n,
    }));
  }

  #remember(job: SequenceCheckJob): void {
    this.#jobs.set(job.id, job);
    for (const id of [...this.#jobs.keys()].slice(0, Math.max(0, this.#jobs.size - KEPT_JOBS))) this.#jobs.delete(id);
  }
}

function publishedOf(partitions: PublishedSequence['partitions'], settings: BridgeSettings): PublishedSequence {
  let best: (typeof partitions)[number] | undefined;
  for (const partition of partitions) if (partition.sequence !== null && (!best || partition.sequence > best.sequence!)) best = partition;
  if (best) return { sequence: best.sequence, record: { partition: best.partition, offset: best.offset! }, partitions };
  const isEmpty = partitions.every((partition) => partition.endOffset === 0);
  return {
    sequence: null,
    record: null,
    partitions,
    problem: isEmpty
      ? 'The topic holds no records yet.'
      : `None of the newest records has an integer at "${settings.sequenceField}": set the sequence field of this topic.`,
  };
}

function parseSettings(value: unknown): BridgeSettings | undefined {
  const settings = value as Partial<BridgeSettings> | null;
  const isPath = (path: unknown): path is string => typeof path === 'string' && path.length <= MAX_FIELD_PATH && FIELD_PATH.test(path);
  if (!isPath(settings?.sequenceField)) return undefined;
  return { sequenceField: settings.sequenceField, keyField: isPath(settings.keyField) ? settings.keyField : null };
}
