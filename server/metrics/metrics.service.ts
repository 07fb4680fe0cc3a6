import { randomUUID } from 'node:crypto';
import type { ConsumerGroupsGateway } from '../consumer-groups/consumer-groups.gateway';
import type { ClusterModel } from '../kafka/cluster-model';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { Activity } from '../shared/memory-release';
import type { Logger } from '../shared/logger';
import { statusCode, statusOfCode } from './burrow';
import { ClusterMetrics } from './cluster-metrics';
import type { KeptSample } from './kept-sample';
import { seriesName } from './history-record';
import { MetricsSampler } from './metrics-sampler';
import type { MetricsGateway } from './metrics.gateway';
import {
  RANGE_MS,
  type GroupHistory,
  type GroupMeasure,
  type LagStatus,
  type MetricsOverview,
  type MetricsRange,
  type MetricsSample,
  type TopicHistory,
} from './metrics.model';

/** Whether the sample was taken by this console instance, or read from the history another one wrote. */
export interface SampleOrigin {
  sampledHere: boolean;
}

export type SampleListener = (sample: MetricsSample, origin: SampleOrigin) => void;

export interface MetricsSettings {
  /** How often each cluster is sampled (15 s by default). */
  intervalMs: number;
  /** How long history is kept, in memory and in the cluster (7 days by default). */
  retentionMs: number;
  /** Told when each sample starts and ends (the process's memory release waits for it to end). */
  activity?: Activity;
}

/** Points of a sparkline on the overview. */
const SPARKLINE_POINTS = 120;

/**
 * The console's measurements of every cluster: samples the live model on an interval (one
 * console instance per cluster does, the others read what it writes), keeps the history in
 * memory and in the cluster, and answers the metric routes from it.
 */
export class MetricsService {
  readonly #clusters = new Map<string, ClusterMetrics>();
  readonly #listeners = new Set<SampleListener>();
  /** This console instance, as it signs the history it writes. */
  readonly instance = randomUUID();

  constructor(
    private readonly model: ClusterModel,
    private readonly groupsGateway: ConsumerGroupsGateway,
    private readonly gateway: MetricsGateway,
    readonly settings: MetricsSettings,
    private readonly logger: Logger,
  ) {}

  /** Starts measuring the clusters: reads their history back, then samples or follows. */
  start(clusters: readonly ClusterConfig[]): Promise<void> {
    return Promise.all(clusters.map((cluster) => this.#of(cluster).start())).then(() => undefined);
  }

  /** The latest sample of a cluster; undefined before the first. */
  latest(cluster: ClusterConfig): MetricsSample | undefined {
    return this.#clusters.get(cluster.name)?.latest?.full();
  }

  /** Whether this console instance is the one sampling the cluster (the others read what it writes). */
  isSampling(cluster: ClusterConfig): boolean {
    return this.#clusters.get(cluster.name)?.isSampling ?? false;
  }

  /** Calls `listener` with every new sample of every cluster; returns what unsubscribes it. */
  onSample(listener: SampleListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Every topic's and group's current figures with a sparkline; the busiest and the worst first, `limit` of each. */
  overview(cluster: ClusterConfig, range: MetricsRange, limit: number, now = Date.now()): MetricsOverview {
    const metrics = this.#clusters.get(cluster.name);
    const latest = metrics?.latest?.sample;
    const window = metrics?.series.window(RANGE_MS[range], now, SPARKLINE_POINTS);
    const topics = [...(latest?.topics ?? [])]
      .sort((a, b) => (b.recordsPerSecond ?? -1) - (a.recordsPerSecond ?? -1) || (b.sizeBytes ?? -1) - (a.sizeBytes ?? -1))
      .slice(0, limit);
    const groups = [...(latest?.groups ?? [])]
      .sort((a, b) => severity(b) - severity(a) || (b.lagSeconds ?? -1) - (a.lagSeconds ?? -1) || b.lag - a.lag)
      .slice(0, limit);
    return {
      ...this.#header(latest, range),
      time: window?.time ?? [],
      topics: topics.map((topic) => ({ ...topic, rateHistory: window?.values(seriesName.topicRate(topic.topic)) ?? [] })),
      groups: groups.map(({ partitions: _partitions, ...group }) => ({
        ...group,
        lagHistory: window?.values(seriesName.groupLag(group.groupId)) ?? [],
        lagSecondsHistory: window?.values(seriesName.groupLagSeconds(group.groupId)) ?? [],
      })),
    };
  }

  /** A topic's rate and size over the range. */
  topic(cluster: ClusterConfig, topic: string, range: MetricsRange, now = Date.now()): TopicHistory {
    const metrics = this.#clusters.get(cluster.name);
    const window = metrics?.series.window(RANGE_MS[range], now);
    return {
      topic,
      ...this.#header(metrics?.latest?.sample, range),
      time: window?.time ?? [],
      recordsPerSecond: window?.values(seriesName.topicRate(topic)) ?? [],
      bytesPerSecond: window?.values(seriesName.topicBytes(topic)) ?? [],
      sizeBytes: window?.values(seriesName.topicSize(topic)) ?? [],
      current: metrics?.latest?.sample.topics.find((measure) => measure.topic === topic) ?? null,
    };
  }

  /** A group's lag, consume rate and status over the range. */
  group(cluster: ClusterConfig, groupId: string, range: MetricsRange, now = Date.now()): GroupHistory {
    const metrics = this.#clusters.get(cluster.name);
    const window = metrics?.series.window(RANGE_MS[range], now);
    return {
      groupId,
      ...this.#header(metrics?.latest?.sample, range),
      time: window?.time ?? [],
      lag: window?.values(seriesName.groupLag(groupId)) ?? [],
      lagSeconds: window?.values(seriesName.groupLagSeconds(groupId)) ?? [],
      consumeRate: window?.values(seriesName.groupRate(groupId)) ?? [],
      // A point of a longer range stands for several samples: it shows the worst of them.
      status: (window?.values(seriesName.groupStatus(groupId)) ?? []).map((code) => (code === null ? null : statusOfCode(code))),
      current: this.#currentGroup(metrics?.latest, groupId),
    };
  }

  /** Stops sampling and following. */
  async close(): Promise<void> {
    await Promise.all([...this.#clusters.values()].map((metrics) => metrics.close()));
  }

  #currentGroup(latest: KeptSample | undefined, groupId: string): GroupMeasure | null {
    const group = latest?.sample.groups.find((measure) => measure.groupId === groupId);
    return group ? { ...group, partitions: latest!.partitionsOf(groupId) } : null;
  }

  #header(latest: MetricsSample | undefined, range: MetricsRange) {
    return { asOf: latest ? new Date(latest.time).toISOString() : null, intervalSeconds: this.settings.intervalMs / 1000, range };
  }

  #of(cluster: ClusterConfig): ClusterMetrics {
    let metrics = this.#clusters.get(cluster.name);
    if (!metrics) {
      metrics = new ClusterMetrics(
        cluster,
        () => new MetricsSampler(cluster, this.model, this.groupsGateway, this.settings.intervalMs),
        this.gateway,
        {
          ...this.settings,
          instance: this.instance,
          logger: this.logger,
          publish: (sample, sampledHere) => {
            for (const listener of this.#listeners) listener(sample, { sampledHere });
          },
        },
      );
      this.#clusters.set(cluster.name, metrics);
    }
    return metrics;
  }
}

const severity = (group: { status: LagStatus }) => statusCode(group.status);
