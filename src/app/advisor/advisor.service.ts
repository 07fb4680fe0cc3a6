import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  AdvisorReport,
  AdvisorRule,
  Finding,
  FindingSeverity,
  FindingView,
  FindingSubject,
  Fix,
  RuleChoice,
  SeverityCounts,
  SeverityGroup,
  SubjectGroup,
} from './advisor.model';

const SEVERITIES: readonly FindingSeverity[] = ['critical', 'warning', 'info'];
const SEVERITY_HEADINGS: Record<FindingSeverity, string> = { critical: 'Critical', warning: 'Warnings', info: 'Info' };

/** The rules in the order the filter offers them: what loses data first, what costs memory or time after. */
const RULE_LABELS: Record<AdvisorRule, string> = {
  durability: 'Durability',
  changelog: 'Changelogs',
  rocksdb: 'RocksDB memory',
  batching: 'Batching',
  consumers: 'Consumers',
  keys: 'Keys and skew',
  copartition: 'Co-partitioning',
};

/** Subjects from the widest to the narrowest, so the cluster's own findings come first. */
const SUBJECT_KINDS: Record<FindingSubject['kind'], { label: string; icon: string }> = {
  cluster: { label: 'Cluster', icon: 'hub' },
  topic: { label: 'Topic', icon: 'topic' },
  'consumer-group': { label: 'Consumer group', icon: 'groups' },
  'streams-app': { label: 'Streams app', icon: 'account_tree' },
  store: { label: 'State store', icon: 'database' },
  connector: { label: 'Connector', icon: 'cable' },
};
const KIND_ORDER = Object.keys(SUBJECT_KINDS);

const FIX_TARGETS: Record<Fix['target'], string> = {
  topic: "In the topic's config",
  broker: "In every broker's server.properties",
  producer: "In the producer's config",
  consumer: "In the consumer's config",
  'streams-app': "In the Streams app's config",
  connector: "In the connector's config",
};

/** The Advisor's findings: its one API call, and how the page groups, counts and names them. */
@Injectable({ providedIn: 'root' })
export class AdvisorService {
  private readonly http = inject(HttpClient);

  /** Every rule's findings on the cluster, the worst first, and the rules that could not run. */
  report(cluster: string): Observable<AdvisorReport> {
    return this.http.get<AdvisorReport>(`/api/clusters/${encodeURIComponent(cluster)}/advisor`);
  }

  /**
   * The findings by severity (critical, warning, info; a severity without any left out), and
   * within each by subject: the cluster first, then topics, groups, apps, stores, connectors,
   * each kind by name. A subject's findings keep the server's order.
   */
  group(findings: readonly Finding[]): SeverityGroup[] {
    return SEVERITIES.map((severity) => {
      const ofSeverity = findings.filter((finding) => finding.severity === severity);
      return { severity, heading: SEVERITY_HEADINGS[severity], count: ofSeverity.length, subjects: bySubject(ofSeverity) };
    }).filter((group) => group.count > 0);
  }

  /** How many findings there are of each severity. */
  counts(findings: readonly Finding[]): SeverityCounts {
    const counts: SeverityCounts = { critical: 0, warning: 0, info: 0 };
    for (const finding of findings) counts[finding.severity]++;
    return counts;
  }

  /** The counts in one line: "1 critical · 2 warnings · 0 info". */
  countsLine(counts: SeverityCounts): string {
    return `${counts.critical} critical · ${counts.warning} ${counts.warning === 1 ? 'warning' : 'warnings'} · ${counts.info} info`;
  }

  /** The rules that have findings, in the rules' order, to filter by. */
  ruleChoices(findings: readonly Finding[]): RuleChoice[] {
    return (Object.keys(RULE_LABELS) as AdvisorRule[])
      .map((rule) => ({ rule, label: RULE_LABELS[rule], count: findings.filter((finding) => finding.rule === rule).length }))
      .filter((choice) => choice.count > 0);
  }

  /** The findings of the chosen rules; all of them when none is chosen. */
  ofRules(findings: readonly Finding[], rules: readonly AdvisorRule[]): Finding[] {
    return rules.length ? findings.filter((finding) => rules.includes(finding.rule)) : [...findings];
  }

  /** A rule in plain words: `rocksdb` is "RocksDB memory". */
  ruleLabel(rule: AdvisorRule): string {
    return RULE_LABELS[rule] ?? rule;
  }
}

function bySubject(findings: readonly Finding[]): SubjectGroup[] {
  const groups = new Map<string, SubjectGroup>();
  for (const finding of findings) {
    const key = `${finding.subject.kind}:${finding.subject.name}`;
    const view: FindingView = {
      finding,
      ruleLabel: RULE_LABELS[finding.rule] ?? finding.rule,
      fixTargetLabel: FIX_TARGETS[finding.fix.target] ?? finding.fix.target,
    };
    const group = groups.get(key);
    if (group) group.findings.push(view);
    else {
      const kind = SUBJECT_KINDS[finding.subject.kind] ?? { label: finding.subject.kind, icon: 'label' };
      groups.set(key, { key, subject: finding.subject, kindLabel: kind.label, icon: kind.icon, link: finding.link, findings: [view] });
    }
  }
  return [...groups.values()].sort(
    (a, b) => KIND_ORDER.indexOf(a.subject.kind) - KIND_ORDER.indexOf(b.subject.kind) || a.subject.name.localeCompare(b.subject.name),
  );
}
