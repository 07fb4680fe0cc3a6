import type { ClusterConfig } from '../kafka/clusters-config';
import type { GroupMeasure, LagRule, MetricsSample } from '../metrics/metrics.model';
import type { MetricsService } from '../metrics/metrics.service';
import type { Finding } from './advisor.model';
import type { AdvisorCheck, CheckResult } from './advisor.service';
import { readConsumerTimings } from './consumer-timing';
import { consumerTimingFindings } from './consumer-timing-advice';
import { duration, groupLink, plural, streamsAppLink } from './advisor-words';

/** The rules of Burrow's that mean the consumers do not move, with the status they give a partition. */
const NOT_MOVING: Partial<Record<LagRule, { status: 'STOP' | 'STALL'; words: string }>> = {
  stopped: {
    status: 'STOP',
    words: 'The group has not committed an offset for longer than the evaluation window: its consumers have stopped.',
  },
  stalled: {
    status: 'STALL',
    words: 'Members are there, but the committed offset has not moved while records wait: the consumers are stuck.',
  },
};

/** Kafka's defaults, doubled in the advice: half the records per poll, twice the time between polls. */
const POLL_CONFIG = [
  '# defaults: max.poll.records=500, max.poll.interval.ms=300000 (5 minutes)',
  'max.poll.records=250',
  'max.poll.interval.ms=600000',
].join('\n');

const POLL_WHY =
  'A member that takes longer than max.poll.interval.ms to work through one poll is evicted, and the group rebalances ' +
  'and starts that work again. Fewer records per poll finish each loop sooner, at some throughput (more fetch round trips); ' +
  'a longer interval tolerates slow records, but a hung consumer keeps its partitions that much longer before the group moves them.';

/**
 * Consumer groups that stopped or stalled, by Burrow's rules on the console's metric samples
 * (the latest sample's status of each group and the partitions that decided it); and each
 * group's `max.poll.records` and commit interval against the pace its consumers' JMX metrics
 * measure.
 */
export class ConsumersCheck implements AdvisorCheck {
  readonly rule = 'consumers' as const;

  constructor(private readonly metrics: MetricsService) {}

  async check(cluster: ClusterConfig): Promise<CheckResult> {
    const [notMoving, timing] = await Promise.all([this.#notMoving(cluster), timingResult(cluster, this.metrics.latest(cluster))]);
    return { findings: [...notMoving.findings, ...timing.findings], skipped: [...(notMoving.skipped ?? []), ...(timing.skipped ?? [])] };
  }

  async #notMoving(cluster: ClusterConfig): Promise<CheckResult> {
    const sample = this.metrics.latest(cluster);
    if (!sample) {
      return {
        findings: [],
        skipped: [
          {
            rule: this.rule,
            reason:
              'No metric sample of this cluster yet: stopped and stalled groups are told from the samples, ' +
              'taken once the console samples (KPC_METRICS_INTERVAL_S) and one interval has passed.',
          },
        ],
      };
    }
    return { findings: consumerFindings(sample, this.metrics.settings.intervalMs) };
  }
}

/** `max.poll.records`, the consumers' pace and the commit interval, from what their own metrics measure and the latest sample. */
async function timingResult(cluster: ClusterConfig, sample: MetricsSample | undefined): Promise<CheckResult> {
  const { consumers, endpoints, unreadable } = await readConsumerTimings(cluster);
  const skipped: CheckResult['skipped'] = unreadable.map((why) => ({
    rule: 'consumers',
    reason: `Poll and commit timing not read from ${why}`,
  }));
  if (!endpoints) {
    skipped.push({
      rule: 'consumers',
      reason:
        "max.poll.records and the commit interval are weighed against the consumers' own JMX metrics: " +
        "list the Prometheus endpoints of the Connect workers and Streams apps under the cluster's prometheus: to have them.",
    });
  }
  return { findings: consumerTimingFindings(consumers, cluster.name, sample), skipped };
}

/** A finding for every group that stopped or stalled in the sample; pure, for the check and its specs. */
export function consumerFindings(sample: MetricsSample, intervalMs: number): Finding[] {
  const findings: Finding[] = [];
  for (const group of sample.groups) {
    const lesson = group.status === 'ERR' ? NOT_MOVING[group.rule] : undefined;
    if (lesson) findings.push(notMoving(sample, group, lesson, intervalMs));
  }
  return findings;
}

function notMoving(
  sample: MetricsSample,
  group: GroupMeasure,
  lesson: { status: 'STOP' | 'STALL'; words: string },
  intervalMs: number,
): Finding {
  const isStreams = group.type === 'streams';
  const deciding = group.partitions.filter((partition) => partition.status === lesson.status).length;
  const behind = group.lagSeconds === null ? '' : `, ${duration(Math.round(group.lagSeconds) * 1000)}`;
  const sampled = `the console's sample at ${new Date(sample.time).toISOString()} (every ${intervalMs / 1000} s)`;
  const isStopped = lesson.status === 'STOP';
  return {
    id: `consumers:${group.groupId}`,
    rule: 'consumers',
    severity: 'warning',
    subject: { kind: isStreams ? 'streams-app' : 'consumer-group', name: group.groupId },
    title: `${group.groupId} has ${isStopped ? 'stopped' : 'stalled'}: ${plural(group.lag, 'record')} behind${behind}`,
    evidence: [
      {
        label: 'Status',
        value: `${lesson.status} on ${deciding} of ${group.partitions.length} partitions (the group: ERR)`,
        source: "Burrow's evaluation rules over the group's last commits",
      },
      { label: 'Rule', value: lesson.words, source: `Burrow's rule "${group.rule}"` },
      { label: 'Lag', value: `${group.lag} records`, source: sampled },
      {
        label: 'Lag in time',
        value: group.lagSeconds === null ? 'not known yet' : `${Math.round(group.lagSeconds)} s`,
        source: 'how long ago the log end was where the group is now',
      },
      { label: 'Group state', value: `${group.state}${group.state === 'Empty' ? ' (no members)' : ''}`, source: sampled },
    ],
    fix: {
      target: isStreams ? 'streams-app' : 'consumer',
      summary: isStopped
        ? `Start the group's consumers again, up to ${group.partitions.length} instances sharing its partitions (or delete the group if it is retired); ` +
          'if they keep leaving, check how long one poll takes against max.poll.interval.ms.'
        : 'Restart the stuck instance (look first for a record it fails on over and over); if one poll takes longer than ' +
          'max.poll.interval.ms allows, poll fewer records or allow longer.',
      config: POLL_CONFIG,
      why: POLL_WHY,
    },
    link: isStreams ? streamsAppLink(sample.cluster, group.groupId) : groupLink(sample.cluster, group.groupId),
  };
}
