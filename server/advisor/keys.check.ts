import type { ClusterConfig } from '../kafka/clusters-config';
import type { MetricsService } from '../metrics/metrics.service';
import type { AdvisorRule, Finding } from './advisor.model';
import type { AdvisorCheck, CheckResult } from './advisor.service';
import { busyTopics } from './batch-advice';
import { checkTopics } from './batch-reads';
import { aggregateFinding, isEventTopic, keylessFinding, partitionSkew, skewFinding, type KeyContext } from './key-advice';
import type { SourceConnectors } from './key-sources';
import { aggregateField, compareKeys, eventOf } from './key-values';
import type { LogSampleGateway } from './log-sample.gateway';

/** Where the check learns what it does not read itself. */
export interface KeysSources {
  /** The console's metrics sampler: which topics are busy. */
  metrics: Pick<MetricsService, 'latest'>;
  logs: LogSampleGateway;
  /** The source connectors and the topics they write: event topics, busy or not. */
  connectors: (cluster: ClusterConfig) => Promise<SourceConnectors>;
}

/**
 * Order and keys (the Advisor's lesson 6). Kafka keeps order only within a partition, so the
 * events of one aggregate need one key. For event topics (the busiest of the latest metrics
 * sample, and those source connectors write), from records read at the newest end of the log:
 * records without a key, keys that are not the aggregate id of their JSON value, and from the
 * partitions' record counts, one partition holding far more than its share.
 */
export class KeysCheck implements AdvisorCheck {
  readonly rule: AdvisorRule = 'keys';

  constructor(
    private readonly sources: KeysSources,
    private readonly limit = 20,
  ) {}

  async check(cluster: ClusterConfig): Promise<CheckResult> {
    const skipped: Required<CheckResult>['skipped'] = [];
    const sample = this.sources.metrics.latest(cluster);
    const busy = sample ? busyTopics(sample, this.limit).map((topic) => topic.topic) : [];
    if (!sample || sample.topics.every((measure) => measure.recordsPerSecond === null)) {
      const reason = `No rates measured on ${cluster.name} yet: only the topics source connectors write are checked until the busy topics are known`;
      skipped.push({ rule: this.rule, reason });
    }
    const connectors = await this.sources.connectors(cluster);
    for (const { connect, reason } of connectors.unreachable) {
      skipped.push({
        rule: this.rule,
        reason: `Connect cluster ${connect} did not answer, so its source connectors' topics are checked only when busy: ${reason}`,
      });
    }
    const writers = new Map<string, string>();
    for (const [connector, topics] of connectors.topicsByConnector)
      for (const topic of topics) if (!writers.has(topic)) writers.set(topic, connector);
    const topics = [...new Set([...busy, ...[...writers.keys()].slice(0, this.limit)])].filter(isEventTopic);
    const read = await checkTopics(this.rule, topics, (topic) => this.#checkTopic(cluster, topic, writers.get(topic)));
    return { findings: read.findings, skipped: [...skipped, ...read.skipped] };
  }

  async #checkTopic(cluster: ClusterConfig, topic: string, connector: string | undefined): Promise<Finding[]> {
    const [sample, counts] = await Promise.all([
      this.sources.logs.newest(cluster, topic),
      this.sources.logs.partitionRecords(cluster, topic),
    ]);
    // A connector's topic that does not exist (yet) has no partitions: nothing to say of it.
    if (counts.length === 0) return [];
    const events = sample.records.flatMap((record) => {
      const event = eventOf(record.value);
      return event ? [event] : [];
    });
    const context: KeyContext = { ...(connector && { connector }), ...withField(aggregateField(topic, events)) };
    const match = compareKeys(topic, sample.records);
    const skew = partitionSkew(counts, sample.records);
    return [
      keylessFinding(cluster.name, sample, context),
      match && aggregateFinding(cluster.name, sample, match, context),
      skew && skewFinding(cluster.name, sample, skew, context),
    ].filter((finding): finding is Finding => finding !== undefined);
  }
}

function withField(field: string | undefined): Pick<KeyContext, 'field'> {
  return field === undefined ? {} : { field };
}
