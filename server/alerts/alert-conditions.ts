import type { ConnectorSummary } from '../connect/connect.model';
import type { GroupMeasure, LagRule, MetricsSample } from '../metrics/metrics.model';
import type { AlertRule } from './alerts.model';

/** What a rule finds wrong with one subject. */
export interface Breach {
  subject: string;
  summary: string;
}

/** What the evaluation of one sample knows of a cluster. */
export interface ClusterState {
  sample: MetricsSample;
  /** Each Connect cluster's connectors; undefined where the worker could not be asked. */
  connectors: Map<string, ConnectorSummary[] | undefined>;
}

/** What the rules are told of a cluster: which subjects breach, and which cannot be told now. */
export interface Findings {
  breaches: Breach[];
  /** Subjects (or subject prefixes ending in `/`) whose state is unknown: their alerts neither fire nor clear. */
  unknown: string[];
}

const RULE_WORDS: Record<LagRule, string> = {
  'no-lag': 'no lag',
  stopped: 'it has not committed for longer than the window spans',
  'caught-up-in-window': 'it caught up within the window',
  rewind: 'a committed offset went backwards',
  stalled: 'members are there but the committed offset did not move while lag stayed',
  'lag-not-decreasing': 'offsets move but the lag grew or held',
  'lag-decreasing': 'the lag shrinks',
  'too-few-samples': 'too few commits seen to judge',
  'worst-partition': 'that is its worst partition',
};

/** Whether a name matches a rule's target: `*` is every one. */
function targets(rule: AlertRule, name: string): boolean {
  return rule.target === '*' || rule.target === name;
}

/** The subjects a rule finds wrong in the cluster's state now. */
export function findBreaches(rule: AlertRule, state: ClusterState): Findings {
  const { sample } = state;
  const groups = sample.groups.filter((group) => targets(rule, group.groupId));
  switch (rule.kind) {
    case 'lag-seconds':
      return known(
        groups
          .filter((group) => group.lagSeconds !== null && group.lagSeconds > (rule.threshold ?? 0))
          .map((group) => ({
            subject: group.groupId,
            summary: `Consumer group ${group.groupId} is ${Math.round(group.lagSeconds!)} s behind (${group.lag} records), above ${rule.threshold} s`,
          })),
      );
    case 'group-status':
      return known(groups.flatMap((group) => statusBreach(rule, group)));
    case 'streams-app-empty':
      return known(streamsAppsEmpty(rule, sample));
    case 'under-replicated':
      return known(
        sample.underReplicatedPartitions > (rule.threshold ?? 0)
          ? [
              {
                subject: 'cluster',
                summary: `${sample.underReplicatedPartitions} partitions of cluster ${sample.cluster} are under-replicated (fewer in-sync replicas than replicas), above ${rule.threshold}`,
              },
            ]
          : [],
      );
    case 'connector-failed':
      return failedConnectors(rule, state.connectors);
  }
}

function known(breaches: Breach[]): Findings {
  return { breaches, unknown: [] };
}

function statusBreach(rule: AlertRule, group: GroupMeasure): Breach[] {
  const watched = new Set<string>(rule.statuses);
  const partitions = group.partitions.filter((partition) => watched.has(partition.status));
  if (!watched.has(group.status) && partitions.length === 0) return [];
  const status = watched.has(group.status) ? group.status : partitions[0]!.status;
  const why = watched.has(group.status) ? RULE_WORDS[group.rule] : RULE_WORDS[partitions[0]!.rule];
  const where = partitions.length ? `; partitions ${partitions.map((p) => `${p.topic}-${p.partition} ${p.status}`).join(', ')}` : '';
  return [
    {
      subject: group.groupId,
      summary: `Consumer group ${group.groupId} is ${status}: ${why} (${group.lag} records behind${where})`,
    },
  ];
}

/**
 * Streams apps with no members. A named app that is not in the sample at all has none either;
 * with `*`, the apps of the Streams protocol (KIP-1071) whose group is empty.
 */
function streamsAppsEmpty(rule: AlertRule, sample: MetricsSample): Breach[] {
  const empty = (group: GroupMeasure) => group.state === 'Empty' || group.state === 'Dead';
  if (rule.target !== '*') {
    const group = sample.groups.find((candidate) => candidate.groupId === rule.target);
    if (group && !empty(group)) return [];
    const why = group ? `its group is ${group.state}` : 'its group is not there';
    return [{ subject: rule.target, summary: `Streams app ${rule.target} has no members (${why}): nothing processes its input` }];
  }
  return sample.groups
    .filter((group) => group.type === 'streams' && empty(group))
    .map((group) => ({
      subject: group.groupId,
      summary: `Streams app ${group.groupId} has no members (its group is ${group.state}): nothing processes its input`,
    }));
}

function failedConnectors(rule: AlertRule, connectClusters: ClusterState['connectors']): Findings {
  const findings: Findings = { breaches: [], unknown: [] };
  for (const [connect, connectors] of connectClusters) {
    if (!connectors) {
      findings.unknown.push(`${connect}/`);
      continue;
    }
    for (const connector of connectors.filter((candidate) => targets(rule, candidate.name))) {
      const failedTasks = connector.tasks.filter((task) => task.state === 'FAILED').map((task) => task.id);
      if (connector.state !== 'FAILED' && failedTasks.length === 0) continue;
      const what = [
        ...(connector.state === 'FAILED' ? ['the connector is FAILED'] : []),
        ...(failedTasks.length ? [`task${failedTasks.length > 1 ? 's' : ''} ${failedTasks.join(', ')} FAILED`] : []),
      ].join(' and ');
      findings.breaches.push({
        subject: `${connect}/${connector.name}`,
        summary: `Connector ${connector.name} on Connect cluster ${connect}: ${what}`,
      });
    }
  }
  return findings;
}
