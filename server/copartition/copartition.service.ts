import { randomUUID } from 'node:crypto';
import type { AuditService } from '../audit/audit.service';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { KafkaClients } from '../kafka/kafka-clients';
import { AppError } from '../shared/app-error';
import { StateTopic } from '../kafka/state-topic';
import { discoverGroups } from './copartition-discovery';
import type { CheckJob, CopartitionGroup, CopartitionReport, GroupHealth } from './copartition.model';
import type { CopartitionGateway } from './copartition.gateway';
import { analyzeGroup } from './key-analysis';
import type { TopicRecords } from './key-placement';

/** Declared groups live in this compacted topic of each cluster. */
export const DECLARED_GROUPS_TOPIC = '_kpc-copartition-groups';

export interface Declared {
  name: string;
  topics: string[];
}

/** How much one check may read; a check never reads unbounded. */
export const CHECK_BUDGET = { perPartition: 200, maxPerPartition: 5_000, bytes: 64 * 1024 * 1024, milliseconds: 20_000 };
/** The quick check behind the health page: fewer records, a shorter time. */
const QUICK_CHECK = { perPartition: 50, milliseconds: 5_000 };
const KEPT_JOBS = 50;

/** Co-partition groups (found and declared), their checks, and the jobs that run them. */
export class CopartitionService {
  readonly #declared: StateTopic<Declared>;
  readonly #jobs = new Map<string, CheckJob>();

  constructor(
    private readonly clusters: KafkaClients,
    private readonly gateway: CopartitionGateway,
    private readonly audit: AuditService,
  ) {
    this.#declared = new StateTopic(clusters, DECLARED_GROUPS_TOPIC, parseDeclared);
  }

  /** Every group, declared ones first, each with a quick check's report (null when time ran out). */
  async health(cluster: ClusterConfig): Promise<GroupHealth[]> {
    const groups = await this.groups(cluster);
    const deadline = Date.now() + QUICK_CHECK.milliseconds;
    const health: GroupHealth[] = [];
    for (const group of groups) {
      try {
        const report =
          Date.now() < deadline
            ? await this.#check(
                cluster,
                group,
                { perPartition: QUICK_CHECK.perPartition, bytes: CHECK_BUDGET.bytes, deadline },
                () => undefined,
              )
            : null;
        health.push({ group, report });
      } catch (error) {
        // A topic of a declared group may have been deleted since: that group says so, the others are still judged.
        if (!(error instanceof AppError) || error.code !== 'TOPIC_NOT_FOUND') throw error;
        health.push({ group, report: null, problem: `${error.message}: edit or remove this group` });
      }
    }
    return health;
  }

  /** Declared groups, then those found from consumer groups and Kafka Streams applications. */
  async groups(cluster: ClusterConfig): Promise<CopartitionGroup[]> {
    const [declared, groupTopics, description] = await Promise.all([
      this.#declared.entries(cluster),
      this.gateway.groupTopics(cluster),
      this.clusters.describe(cluster),
    ]);
    const found = discoverGroups(
      groupTopics,
      description.topics.map((topic) => topic.name),
    );
    return [
      ...[...declared.values()].map((group): CopartitionGroup => ({
        id: `declared:${group.name}`,
        name: group.name,
        origin: 'declared',
        topics: group.topics,
        reason: 'Declared by an operator',
      })),
      ...found,
    ];
  }

  /** Saves (or replaces) a declared group after checking its topics exist. */
  async declare(cluster: ClusterConfig, group: Declared): Promise<CopartitionGroup> {
    const topics = [...new Set(group.topics)].sort();
    if (topics.length < 2) throw new AppError('TOO_FEW_TOPICS', 'A co-partition group needs at least two different topics');
    await this.#requireTopics(cluster, topics);
    const before = (await this.#declared.entries(cluster)).get(group.name);
    await this.audit.track(
      cluster,
      {
        action: 'copartition-group.declare',
        subject: { kind: 'copartition-group', name: group.name },
        parameters: { topics },
        before: before ? { topics: before.topics } : null,
      },
      () => this.#declared.put(cluster, group.name, { name: group.name, topics }),
      { after: () => ({ topics }) },
    );
    return { id: `declared:${group.name}`, name: group.name, origin: 'declared', topics, reason: 'Declared by an operator' };
  }

  async undeclare(cluster: ClusterConfig, name: string): Promise<void> {
    const declared = (await this.#declared.entries(cluster)).get(name);
    if (!declared) throw new AppError('GROUP_NOT_FOUND', `No declared co-partition group is named ${name}`);
    await this.audit.track(
      cluster,
      {
        action: 'copartition-group.remove',
        subject: { kind: 'copartition-group', name },
        parameters: {},
        before: { topics: declared.topics },
      },
      () => this.#declared.remove(cluster, name),
    );
  }

  /** Starts a full check of some topics; poll {@link job} for its progress and report. */
  async startCheck(cluster: ClusterConfig, topics: string[], samplePerPartition = CHECK_BUDGET.perPartition): Promise<CheckJob> {
    const unique = [...new Set(topics)].sort();
    if (unique.length < 2) throw new AppError('TOO_FEW_TOPICS', 'Name at least two different topics to check');
    const partitions = await this.#requireTopics(cluster, unique);
    const job: CheckJob = {
      id: randomUUID(),
      status: 'running',
      progress: { partitionsRead: 0, partitionsTotal: [...partitions.values()].reduce((a, b) => a + b, 0), recordsRead: 0 },
    };
    this.#remember(job);
    const group: CopartitionGroup = {
      id: `check:${unique.join(',')}`,
      name: unique.join(' ⋈ '),
      origin: 'declared',
      topics: unique,
      reason: 'Checked on request',
    };
    const deadline = Date.now() + CHECK_BUDGET.milliseconds;
    this.#check(
      cluster,
      group,
      { perPartition: samplePerPartition, bytes: CHECK_BUDGET.bytes, deadline },
      (progress) => (job.progress = progress),
    )
      .then((report) => Object.assign(job, { status: 'done', report }))
      .catch((error: unknown) => {
        const appError = error instanceof AppError ? error : new AppError('INTERNAL', 'The check failed unexpectedly', { cause: error });
        Object.assign(job, { status: 'failed', error: { code: appError.code, message: appError.message } });
      });
    return job;
  }

  job(id: string): CheckJob {
    const job = this.#jobs.get(id);
    if (!job)
      throw new AppError('CHECK_NOT_FOUND', `No check ${id} is known here (checks are kept for a while by the console that ran them)`);
    return job;
  }

  async #check(
    cluster: ClusterConfig,
    group: CopartitionGroup,
    budget: { perPartition: number; bytes: number; deadline: number },
    onProgress: (progress: CheckJob['progress']) => void,
  ): Promise<CopartitionReport> {
    const partitions = await this.#requireTopics(cluster, group.topics);
    const total = [...partitions.values()].reduce((a, b) => a + b, 0);
    const samples: TopicRecords[] = [];
    let done = 0;
    let read = 0;
    for (const topic of group.topics) {
      const sample = await this.gateway.sampleKeys(cluster, topic, partitions.get(topic)!, budget, (records, partitionsDone) =>
        onProgress({ partitionsRead: done + partitionsDone, partitionsTotal: total, recordsRead: read + records }),
      );
      done += sample.partitions;
      read += sample.records.length;
      samples.push(sample);
    }
    onProgress({ partitionsRead: done, partitionsTotal: total, recordsRead: read });
    return analyzeGroup(group, samples);
  }

  async #requireTopics(cluster: ClusterConfig, topics: string[]): Promise<Map<string, number>> {
    const description = await this.clusters.describe(cluster);
    const partitions = new Map(description.topics.map((topic) => [topic.name, topic.partitions.length]));
    const missing = topics.filter((topic) => !partitions.has(topic));
    if (missing.length) throw new AppError('TOPIC_NOT_FOUND', `No topic ${missing.join(', ')} on cluster ${cluster.name}`);
    return new Map(topics.map((topic) => [topic, partitions.get(topic)!]));
  }

  #remember(job: CheckJob): void {
    this.#jobs.set(job.id, job);
    for (const id of [...this.#jobs.keys()].slice(0, Math.max(0, this.#jobs.size - KEPT_JOBS))) this.#jobs.delete(id);
  }
}

function parseDeclared(value: unknown): Declared | undefined {
  const group = value as Partial<Declared> | null;
  return typeof group?.name === 'string' && Array.isArray(group.topics) && group.topics.every((t) => typeof t === 'string')
    ? { name: group.name, topics: group.topics }
    : undefined;
}
