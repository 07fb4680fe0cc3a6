import type { ClusterModel } from '../kafka/cluster-model';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { Cause, CopartitionGroup, GroupHealth } from '../copartition/copartition.model';
import type { CopartitionService } from '../copartition/copartition.service';
import { FIXES, describe as describeCause } from '../copartition/findings';
import type { Evidence, Finding, FindingSubject, Fix } from './advisor.model';
import type { AdvisorCheck, CheckResult } from './advisor.service';

/** Where each cause's fix is applied. */
const TARGETS: Record<Cause, Fix['target']> = {
  'partition-count': 'streams-app',
  'schema-id': 'producer',
  encoding: 'producer',
  'custom-partitioner': 'producer',
  'partitions-added': 'topic',
  'misplaced-key': 'producer',
};

/**
 * Joined topics that are not co-partitioned, as the co-partition feature judges its groups
 * (declared, and found from consumer groups and Streams apps) with its quick check; a group the
 * quick check had no time for is still judged on its partition counts, from the cluster metadata.
 */
export class CopartitionCheck implements AdvisorCheck {
  readonly rule = 'copartition' as const;

  constructor(
    private readonly copartition: CopartitionService,
    private readonly model: ClusterModel,
  ) {}

  async check(cluster: ClusterConfig): Promise<CheckResult> {
    const [health, { value: description }] = await Promise.all([this.copartition.health(cluster), this.model.metadata(cluster)]);
    const partitions = new Map(description.topics.map((topic) => [topic.name, topic.partitions.length]));
    const findings = copartitionFindings(cluster.name, health, partitions);
    const unchecked = health.filter((entry) => entry.problem !== undefined || (entry.report === null && !findingOf(findings, entry.group)));
    return {
      findings,
      skipped: unchecked.map(({ group, problem }) => ({
        rule: this.rule,
        reason: `Co-partition group ${group.name}: ${problem ?? 'the quick check ran out of time before reaching it; check it on the Co-partition page'}`,
      })),
    };
  }
}

/**
 * One finding per group that is broken (critical: a join misses records) or at risk (warning),
 * with the causes and fixes the co-partition feature states; a group not checked whose topics'
 * partition counts differ is broken all the same. Pure, for the check and its specs.
 */
export function copartitionFindings(cluster: string, health: readonly GroupHealth[], partitions: ReadonlyMap<string, number>): Finding[] {
  const findings: Finding[] = [];
  for (const { group, report, problem } of health) {
    if (problem !== undefined) continue;
    const link = `/clusters/${encodeURIComponent(cluster)}/copartition`;
    const base = { id: `copartition:${group.id}`, rule: 'copartition' as const, subject: subjectOf(group), link };
    const counts = group.topics.map((topic) => `${topic}: ${partitions.get(topic) ?? '?'}`).join(', ');
    const countsEvidence: Evidence = { label: 'Partitions', value: counts, source: 'cluster metadata' };
    const groupEvidence: Evidence = { label: 'Why these topics are joined', value: group.reason, source: 'the co-partition groups' };
    if (!report) {
      if (new Set(group.topics.map((topic) => partitions.get(topic))).size < 2) continue;
      const samples = group.topics.map((topic) => ({ topic, partitions: partitions.get(topic) ?? 0 }));
      findings.push({
        ...base,
        severity: 'critical',
        title: countsTitle(group, partitions),
        evidence: [
          countsEvidence,
          groupEvidence,
          { label: 'Cause: partition-count', value: describeCause('partition-count', { samples }), source: 'cluster metadata' },
        ],
        fix: fixOf('partition-count', FIXES['partition-count'], group, partitions),
      });
      continue;
    }
    if (report.verdict !== 'broken' && report.verdict !== 'at-risk') continue;
    const [first] = report.findings;
    if (!first) continue;
    const sampled = report.topics.reduce((sum, topic) => sum + topic.recordsSampled, 0);
    findings.push({
      ...base,
      severity: report.verdict === 'broken' ? 'critical' : 'warning',
      title: first.cause === 'partition-count' ? countsTitle(group, partitions) : `${group.name}: ${report.summary}`,
      evidence: [
        countsEvidence,
        groupEvidence,
        ...report.findings.map((finding) => ({
          label: `Cause: ${finding.cause}`,
          value: finding.keyCount ? `${finding.summary} (${finding.keyCount} keys)` : finding.summary,
          source: `the co-partition quick check: ${sampled} newest records sampled at ${report.checkedAt}`,
        })),
      ],
      fix: fixOf(first.cause, first.fix, group, partitions),
    });
  }
  return findings;
}

/** The fix the co-partition feature states, with the lines that carry it out where a setting or a snippet can. */
function fixOf(cause: Cause, summary: string, group: CopartitionGroup, partitions: ReadonlyMap<string, number>): Fix {
  return { target: TARGETS[cause], summary, config: linesOf(cause, group, partitions), why: WHY };
}

const WHY =
  'A join reads partition n of every topic together: a key on another partition number in one topic is never matched, ' +
  'and the join quietly drops or mis-joins those records. Repartitioning costs one more topic and a copy of the data.';

function linesOf(cause: Cause, group: CopartitionGroup, partitions: ReadonlyMap<string, number>): string {
  const topics = group.topics.join(', ');
  switch (cause) {
    case 'partition-count': {
      // The count most topics share (the larger on a tie) is the one to repartition the others to.
      const counts = group.topics.map((topic) => partitions.get(topic) ?? 0);
      const target = [...new Set(counts)].sort((a, b) => count(counts, b) - count(counts, a) || b - a)[0]!;
      return group.topics
        .filter((topic) => partitions.get(topic) !== target)
        .map(
          (topic) =>
            `builder.stream("${topic}").repartition(Repartitioned.numberOfPartitions(${target}).withName("${topic}-by-${target}"))`,
        )
        .join('\n');
    }
    case 'schema-id':
    case 'encoding':
      return `# every producer of ${topics}\nkey.serializer=org.apache.kafka.common.serialization.StringSerializer`;
    case 'custom-partitioner':
    case 'misplaced-key':
      return `# every producer of ${topics}: remove partitioner.class, so the default (murmur2 of the key bytes) places keyed records`;
    case 'partitions-added':
      return `# reprocess each grown topic of ${topics} into a new topic with its present partition count, then join on that`;
  }
}

function subjectOf(group: CopartitionGroup): FindingSubject {
  if (group.origin === 'streams-app') return { kind: 'streams-app', name: group.name };
  if (group.origin === 'consumer-group') return { kind: 'consumer-group', name: group.name };
  return { kind: 'topic', name: group.topics.join(' ⋈ ') };
}

const countsTitle = (group: CopartitionGroup, partitions: ReadonlyMap<string, number>) =>
  `${group.name} is not co-partitioned: partition counts ${group.topics.map((topic) => partitions.get(topic) ?? '?').join(' vs ')}`;

const count = (values: number[], value: number) => values.filter((v) => v === value).length;

function findingOf(findings: Finding[], group: CopartitionGroup): Finding | undefined {
  return findings.find((finding) => finding.id === `copartition:${group.id}`);
}
