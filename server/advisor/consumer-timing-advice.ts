import type { MetricsSample } from '../metrics/metrics.model';
import type { Finding, Fix } from './advisor.model';
import { capacityFinding, pollFinding } from './consumer-poll-advice';
import type { ConsumerOwner } from '../metrics/client-ids';
import type { ConsumerTiming } from './consumer-timing';
import { byGroup, fixTarget, groupEvidence, linkOf, roundDown, subjectOf, type GroupTiming } from './consumer-timing-figures';
import { duration, thousands } from './advisor-words';

/** A crash redoes the records since the last commit: past this many, worth a shorter commit interval. */
const REPLAY_RECORDS = 10_000;
/** Commits this often, of this few records each, are a write to `__consumer_offsets` for almost every record. */
const CHATTY_COMMITS_PER_SECOND = 5;
const CHATTY_RECORDS_PER_COMMIT = 10;

/**
 * Findings on each group whose consumers report their timing: `max.poll.records` against the
 * time a record takes, the records a second they can process against those that arrive (from
 * the console's latest sample, when there is one), and the commit interval; pure.
 */
export function consumerTimingFindings(consumers: readonly ConsumerTiming[], cluster: string, sample?: MetricsSample): Finding[] {
  const findings: Finding[] = [];
  for (const group of byGroup(consumers)) {
    const poll = pollFinding(group, cluster);
    const capacity = sample && capacityFinding(group, cluster, sample);
    const commit = commitFinding(group, cluster);
    for (const finding of [poll, capacity, commit]) if (finding) findings.push(finding);
  }
  return findings;
}

function commitFinding(group: GroupTiming, cluster: string): Finding | undefined {
  const commits = group.commits;
  if (!commits) return undefined;
  const replay = commits.recordsEach >= REPLAY_RECORDS;
  const chatty = commits.perSecond >= CHATTY_COMMITS_PER_SECOND && commits.recordsEach < CHATTY_RECORDS_PER_COMMIT;
  if (!replay && !chatty) return undefined;
  const intervalMs = 1000 / commits.perSecond;
  const rate = commits.recordsEach * commits.perSecond;
  const advisedMs = replay ? Math.max(1_000, roundDown(Math.floor((REPLAY_RECORDS / rate) * 1000))) : 1_000;
  return {
    id: `consumers-commit:${group.owner.groupId}`,
    rule: 'consumers',
    severity: 'info',
    subject: subjectOf(group.owner),
    title: replay
      ? `${group.owner.name} commits every ${duration(intervalMs)}: a crash or rebalance processes up to ${thousands(commits.recordsEach)} records again`
      : `${group.owner.name} commits ${commits.perSecond.toFixed(1)} times a second, ${commits.recordsEach.toFixed(1)} records each`,
    evidence: groupEvidence(group),
    fix: commitFix(group.owner, advisedMs, replay),
    link: linkOf(cluster, group.owner),
  };
}

function commitFix(owner: ConsumerOwner, advisedMs: number, replay: boolean): Fix {
  const line =
    owner.kind === 'streams-app'
      ? `commit.interval.ms=${advisedMs}`
      : owner.kind === 'connector'
        ? `# in the Connect worker's config: sink tasks commit their offsets this often\noffset.flush.interval.ms=${advisedMs}`
        : `# with enable.auto.commit=true; a consumer committing by hand commits after fewer (or more) records\nauto.commit.interval.ms=${advisedMs}`;
  return {
    target: fixTarget(owner),
    summary: replay
      ? `Commit every ${duration(advisedMs)}, so a restart redoes at most about ${thousands(REPLAY_RECORDS)} records; and keep processing idempotent.`
      : `Commit once a second: the offsets then move as surely, with far fewer writes.`,
    config: line,
    why: replay
      ? 'Delivery is at least once: after a crash, a rebalance or a deploy, everything since the last commit is read and processed again. ' +
        'A shorter interval redoes less at the cost of more commit requests; consumers must skip what they already applied either way.'
      : 'Every commit is a request to the group coordinator and a record in __consumer_offsets (a transaction with exactly-once). ' +
        'Committing more often than records arrive adds that load and latency for nothing: a crash redoes at most one interval of records.',
  };
}
