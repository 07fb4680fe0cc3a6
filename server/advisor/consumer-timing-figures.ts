import type { Evidence, Finding, Fix } from './advisor.model';
import type { ConsumerOwner } from '../metrics/client-ids';
import type { ConsumerTiming } from './consumer-timing';
import { duration, groupLink, millis, streamsAppLink } from './advisor-words';

/** A plain consumer's time per record is told from its busy share only when it is this busy (waits in poll() at most 10% of the time). */
const BUSY_IDLE_RATIO = 0.1;

/** A group's consumers, as the Advisor weighs them: the slowest, the worst gap and the largest replay. */
export interface GroupTiming {
  owner: ConsumerOwner;
  consumers: ConsumerTiming[];
  /** The time one record takes, the slowest consumer's, and how it was told. */
  perRecord: { ms: number; how: string } | null;
  worstGapMs: number | null;
  recordsPerSecond: number;
  /** The consumer that redoes most records after a crash: its commits per second and records per commit. */
  commits: { perSecond: number; recordsEach: number } | null;
}

/** The consumers of each group, weighed together. */
export function byGroup(consumers: readonly ConsumerTiming[]): GroupTiming[] {
  const groups = new Map<string, ConsumerTiming[]>();
  for (const consumer of consumers) groups.set(consumer.owner.groupId, [...(groups.get(consumer.owner.groupId) ?? []), consumer]);
  return [...groups.values()].map((members) => {
    const perRecord = members.map(timePerRecord).reduce((worst, one) => (one && (!worst || one.ms > worst.ms) ? one : worst), null);
    const gaps = members.map((member) => member.timeBetweenPollMaxMs).filter((gap) => gap !== null);
    const commits = members
      .filter((member) => member.commitsPerSecond && member.recordsPerSecond !== null)
      .map((member) => ({ perSecond: member.commitsPerSecond!, recordsEach: member.recordsPerSecond! / member.commitsPerSecond! }))
      .reduce<GroupTiming['commits']>((worst, one) => (!worst || one.recordsEach > worst.recordsEach ? one : worst), null);
    return {
      owner: members[0]!.owner,
      consumers: members,
      perRecord,
      worstGapMs: gaps.length ? Math.max(...gaps) : null,
      recordsPerSecond: members.reduce((sum, member) => sum + (member.recordsPerSecond ?? 0), 0),
      commits,
    };
  });
}

/**
 * The time one record takes: a Kafka Streams thread measures it (`process-latency-avg`); a plain
 * consumer's is its busy share over its rate, told only while it is busy, since a consumer that
 * mostly waits spends its time outside poll() on other things than records too.
 */
function timePerRecord(consumer: ConsumerTiming): { ms: number; how: string } | null {
  if (consumer.processLatencyMs !== null && consumer.processLatencyMs > 0) {
    return { ms: consumer.processLatencyMs, how: "the stream thread's process-latency-avg" };
  }
  const { pollIdleRatio: idle, recordsPerSecond: rate } = consumer;
  if (consumer.owner.kind === 'streams-app' || idle === null || !rate || idle > BUSY_IDLE_RATIO) return null;
  return { ms: ((1 - idle) * 1000) / rate, how: '(1 − poll-idle-ratio-avg) ÷ records-consumed-rate' };
}

/** What every consumer finding shows of the group: its consumers and what they measure. */
export function groupEvidence(group: GroupTiming): Evidence[] {
  const source = `JMX metrics of ${[...new Set(group.consumers.map((one) => one.endpoint))].join(', ')}, read now (over the client's metrics window)`;
  const evidence: Evidence[] = [
    { label: 'consumers', value: `${group.consumers.length}: ${group.consumers.map((one) => one.clientId).join(', ')}`, source },
    { label: 'records consumed', value: `${group.recordsPerSecond.toFixed(1)} a second`, source: `records-consumed-rate, ${source}` },
  ];
  if (group.perRecord) evidence.push({ label: 'time a record takes', value: millis(group.perRecord.ms), source: group.perRecord.how });
  if (group.worstGapMs !== null)
    evidence.push({ label: 'longest time between polls', value: millis(group.worstGapMs), source: 'time-between-poll-max' });
  if (group.commits) {
    evidence.push(
      {
        label: 'commits',
        value: `${group.commits.perSecond.toFixed(2)} a second (every ${duration(1000 / group.commits.perSecond)})`,
        source: 'commit-rate',
      },
      { label: 'records a commit', value: group.commits.recordsEach.toFixed(1), source: 'records-consumed-rate ÷ commit-rate' },
    );
  }
  return evidence;
}

export const fixTarget = (owner: ConsumerOwner): Fix['target'] =>
  owner.kind === 'streams-app' ? 'streams-app' : owner.kind === 'connector' ? 'connector' : 'consumer';

/** `n` consumers of the group, as they are called where they run: `3 stream threads`, `1 task`. */
export function consumersOf(owner: ConsumerOwner, n: number): string {
  const unit = owner.kind === 'streams-app' ? 'stream thread' : owner.kind === 'connector' ? 'task' : 'consumer';
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

export const subjectOf = (owner: ConsumerOwner): Finding['subject'] => ({ kind: owner.kind, name: owner.name });

/** The app's page for a Streams app; the group's for the others (a sink connector's group is `connect-<name>`). */
export const linkOf = (cluster: string, owner: ConsumerOwner): string =>
  owner.kind === 'streams-app' ? streamsAppLink(cluster, owner.groupId) : groupLink(cluster, owner.groupId);

/** Down to two significant digits: 187 → 180, 4,321 → 4,300. */
export function roundDown(value: number): number {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(value)) - 1);
  return Math.floor(value / step) * step;
}
