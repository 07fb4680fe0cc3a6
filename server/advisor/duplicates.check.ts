import type { BridgeService } from '../bridge/bridge.service';
import type { SequenceReport } from '../bridge/bridge.model';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { MetricsService } from '../metrics/metrics.service';
import type { Finding } from './advisor.model';
import type { AdvisorCheck, CheckResult } from './advisor.service';
import { plural, topicLink } from './advisor-words';

const IDEMPOTENT_CONSUMER = [
  '// Consumers: keep the highest sequence applied per key (with the projection, in one transaction)',
  '// and skip a record whose sequence is not above it: at-least-once delivery then applies each event once.',
  'if (event.sequence <= lastApplied(event.key)) continue;',
  '',
  '# The source connector: exactly-once delivery (KIP-618), on the Connect worker and the connector',
  'exactly.once.source.support=enabled',
  'exactly.once.support=required',
].join('\n');

const WHY =
  'Kafka Connect and Kafka clients deliver at least once: a task or producer that retries after a timeout, or restarts ' +
  'from its last committed offset, publishes some events again. A consumer that applies an event twice double-counts ' +
  '(a payment booked twice). Deduplicating by the rising sequence makes every consumer safe whatever the producer does; ' +
  'exactly-once on the connector removes most duplicates at the source, at the cost of transactions on the worker.';

/**
 * Where the bridge-health check of a topic found the same sequence on several records: the
 * consumers of that topic must be idempotent (the Advisor's consumers lesson). Reads the last
 * check this console ran of each topic; a topic never checked gives nothing.
 */
export class DuplicatesCheck implements AdvisorCheck {
  readonly rule = 'consumers' as const;

  constructor(
    private readonly bridge: Pick<BridgeService, 'lastReports'>,
    private readonly metrics: Pick<MetricsService, 'latest'>,
  ) {}

  async check(cluster: ClusterConfig): Promise<CheckResult> {
    const sample = this.metrics.latest(cluster);
    const readers = (topic: string) =>
      (sample?.groups ?? []).filter((group) => group.partitions.some((p) => p.topic === topic)).map((group) => group.groupId);
    const findings = [...this.bridge.lastReports(cluster)]
      .filter(([, report]) => report.duplicates.records > 0)
      .map(([topic, report]) => duplicatesFinding(cluster.name, topic, report, readers(topic)));
    return { findings };
  }
}

/** The finding for a topic whose check found duplicates; pure, for the check and its specs. */
export function duplicatesFinding(cluster: string, topic: string, report: SequenceReport, readers: string[]): Finding {
  const { records, sequences } = report.duplicates;
  return {
    id: `consumers:duplicates:${topic}`,
    rule: 'consumers',
    severity: 'info',
    subject: { kind: 'topic', name: topic },
    title: `${topic} holds ${plural(sequences, 'event')} more than once: its consumers must be idempotent`,
    evidence: [
      {
        label: 'Duplicated events',
        value: `${plural(sequences, 'sequence')} on ${plural(records, 'record')} more than once`,
        source: `the bridge-health check of ${plural(report.recordsRead, 'record')} (${report.sequenceField}), ${report.checkedAt}`,
      },
      {
        label: 'Read by',
        value: readers.length ? readers.join(', ') : 'no group with committed offsets',
        source: "the groups' committed offsets in the latest metrics sample",
      },
    ],
    fix: {
      target: 'consumer',
      summary:
        'Make every consumer of the topic skip an event it has applied (by its sequence), and turn on exactly-once delivery on the source connector.',
      config: IDEMPOTENT_CONSUMER,
      why: WHY,
    },
    link: `${topicLink(cluster, topic)}?tab=bridge`,
  };
}
