import type { ClusterConfig } from '../kafka/clusters-config';
import type { MetricsService } from '../metrics/metrics.service';
import type { AdvisorRule, Finding } from './advisor.model';
import type { AdvisorCheck, CheckResult } from './advisor.service';
import { batchingFinding, batchStats, busyTopics, smallBatchLimit, type BusyTopic } from './batch-advice';
import { producersOf, type ProducerReading } from './batch-producers';
import { checkTopics } from './batch-reads';
import type { SourceConnectors } from './key-sources';
import type { LogSampleGateway } from './log-sample.gateway';

/** Where the check learns what it does not read itself. */
export interface BatchingSources {
  /** The console's metrics sampler: which topics are busy. */
  metrics: Pick<MetricsService, 'latest'>;
  logs: LogSampleGateway;
  /** The producers' scraped batch-size-avg and record-size-avg, where Prometheus endpoints are configured. */
  producers: (cluster: ClusterConfig) => ProducerReading[];
  /** The source connectors, to tell which producer writes which topic. */
  connectors: (cluster: ClusterConfig) => Promise<SourceConnectors>;
}

/**
 * Producer batching (the Advisor's lesson 4): the busiest topics of the latest metrics sample,
 * each read from the newest end of its log for records per batch, bytes per batch and record
 * size, flagged when batches hold a few records while the rate would let them hold more.
 * Only the {@link limit} busiest topics are read, so a cluster of thousands of topics costs
 * that many bounded reads.
 */
export class BatchingCheck implements AdvisorCheck {
  readonly rule: AdvisorRule = 'batching';

  constructor(
    private readonly sources: BatchingSources,
    private readonly limit = 20,
  ) {}

  async check(cluster: ClusterConfig): Promise<CheckResult> {
    const sample = this.sources.metrics.latest(cluster);
    if (!sample || sample.topics.every((measure) => measure.recordsPerSecond === null)) {
      const reason = `No rates measured on ${cluster.name} yet: the busy topics are known from the second metrics sample on`;
      return { findings: [], skipped: [{ rule: this.rule, reason }] };
    }
    const busy = new Map(busyTopics(sample, this.limit).map((topic) => [topic.topic, topic]));
    const readings = this.sources.producers(cluster);
    const connectors = readings.length > 0 ? (await this.sources.connectors(cluster)).topicsByConnector : new Map<string, string[]>();
    return checkTopics(this.rule, [...busy.keys()], (topic) =>
      this.#checkTopic(cluster, busy.get(topic)!, producersOf(topic, readings, connectors)),
    );
  }

  async #checkTopic(cluster: ClusterConfig, busy: BusyTopic, producers: ProducerReading[]): Promise<Finding[]> {
    const sample = await this.sources.logs.newest(cluster, busy.topic, busy.bytesPerRecord);
    const stats = batchStats(sample.batches);
    const limit = stats && smallBatchLimit(stats, busy);
    if (!stats || !limit) return [];
    return [batchingFinding(cluster.name, busy, { stats, partitionsRead: sample.partitionsRead }, limit, producers)];
  }
}
