import type { ApiError } from '../shared/api-error';
import type {
  Cause,
  CheckJob,
  CopartitionGroup,
  CopartitionReport,
  EvidenceCell,
  EvidenceRow,
  Finding,
  GroupCardView,
  GroupOrigin,
  Verdict,
  VerdictBadge,
} from './copartition.model';

/** How a verdict reads; null (not checked in time) reads as such. */
export function badge(verdict: Verdict | null): VerdictBadge {
  switch (verdict) {
    case 'healthy':
      return { label: 'Healthy', tone: 'ok', icon: 'check_circle' };
    case 'at-risk':
      return { label: 'At risk', tone: 'warn', icon: 'warning' };
    case 'broken':
      return { label: 'Broken', tone: 'error', icon: 'error' };
    case 'unknown':
      return { label: 'No data yet', tone: 'neutral', icon: 'help' };
    default:
      return { label: 'Not checked', tone: 'neutral', icon: 'schedule' };
  }
}

/** A finding's cause in a few words, for its heading. */
export function causeTitle(cause: Cause): string {
  return {
    'partition-count': 'Partition counts differ',
    'schema-id': 'Schema ids in the key bytes',
    encoding: 'Keys serialized differently',
    'custom-partitioner': 'Not placed by the default partitioner',
    'partitions-added': 'Partitions added after the data was written',
    'misplaced-key': 'Records away from the rest of their key',
  }[cause];
}

/** Where a group comes from, in words. */
export function originLabel(origin: GroupOrigin): string {
  return { declared: 'Declared', 'consumer-group': 'Consumer group', 'streams-app': 'Kafka Streams app' }[origin];
}

/** Whether operators may edit or remove the group (found ones come back on their own). */
export function isDeclared(group: CopartitionGroup): boolean {
  return group.origin === 'declared';
}

/**
 * The evidence of a finding as rows: each key with its partition in every topic of the group,
 * and, beside it, the key's records on yet another partition of that topic (which a join misses).
 */
export function evidenceRows(finding: Finding, topics: string[]): EvidenceRow[] {
  return finding.keys.map((evidence) => {
    const cells = topics.map((topic): EvidenceCell | null => {
      const placement = evidence.placements.find((p) => p.topic === topic);
      return placement
        ? {
            partition: placement.partition,
            expectedPartition: placement.expectedPartition,
            schemaId: placement.schemaId,
            isOffMurmur2: placement.partition !== placement.expectedPartition,
            misplaced: evidence.misplaced
              .filter((record) => record.topic === topic && record.partition !== placement.partition)
              .map(({ partition, offset }) => ({ partition, offset, belongsOn: evidence.homePartition })),
          }
        : null;
    });
    return { key: evidence.key, cells, moreMisplaced: evidence.misplacedCount - evidence.misplaced.length };
  });
}

/** Progress of a running check as a percentage of partitions read. */
export function percentDone(job: CheckJob): number {
  const { partitionsRead, partitionsTotal } = job.progress;
  return partitionsTotal ? Math.round((100 * partitionsRead) / partitionsTotal) : 0;
}

/** A check that could not start or be followed, shown on its card like one the server reports failed. */
export function failedCheck(error: ApiError): CheckJob {
  return {
    id: '',
    status: 'failed',
    progress: { partitionsRead: 0, partitionsTotal: 0, recordsRead: 0 },
    error: { code: error.code, message: error.message },
  };
}

/** Everything a group's card shows: a full check's report once there is one, else the quick one. */
export function groupCardView(
  group: CopartitionGroup,
  quick: CopartitionReport | null,
  job: CheckJob | null,
  problem: string | null = null,
): GroupCardView {
  const report = job?.report ?? quick;
  return {
    group,
    report,
    problem: job?.report ? null : problem,
    badge: badge(report?.verdict ?? null),
    origin: originLabel(group.origin),
    isDeclared: isDeclared(group),
    job,
    percentDone: job ? percentDone(job) : 0,
    findings: (report?.findings ?? []).map((finding) => ({
      finding,
      title: causeTitle(finding.cause),
      rows: evidenceRows(finding, group.topics),
    })),
  };
}

/** How many cards read broken, at risk and healthy. */
export function verdictCounts(cards: GroupCardView[]): { broken: number; atRisk: number; healthy: number } {
  const count = (tone: VerdictBadge['tone']) => cards.filter((card) => card.badge.tone === tone).length;
  return { broken: count('error'), atRisk: count('warn'), healthy: count('ok') };
}
