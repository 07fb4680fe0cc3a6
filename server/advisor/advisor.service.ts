import type { ClusterConfig } from '../kafka/clusters-config';
import type { AdvisorReport, AdvisorRule, Finding, FindingSeverity } from './advisor.model';

/** What one rule found on a cluster, and what it could not look at. */
export interface CheckResult {
  findings: Finding[];
  skipped?: { rule: AdvisorRule; reason: string }[];
}

/** One of the Advisor's lessons, computed on a cluster from what the console measures. */
export interface AdvisorCheck {
  readonly rule: AdvisorRule;
  check(cluster: ClusterConfig): Promise<CheckResult>;
}

const ORDER: Record<FindingSeverity, number> = { critical: 0, warning: 1, info: 2 };

/**
 * The Advisor: runs every lesson's check on a cluster and gathers the findings, the worst
 * first. A check that fails is reported as skipped, with its reason, and never hides the others.
 */
export class AdvisorService {
  constructor(private readonly checks: readonly AdvisorCheck[]) {}

  async report(cluster: ClusterConfig): Promise<AdvisorReport> {
    const results = await Promise.all(
      this.checks.map((check) =>
        check
          .check(cluster)
          .catch((err: unknown): CheckResult => ({ findings: [], skipped: [{ rule: check.rule, reason: (err as Error).message }] })),
      ),
    );
    const findings = results
      .flatMap((result) => result.findings)
      .sort(
        (a, b) => ORDER[a.severity] - ORDER[b.severity] || a.rule.localeCompare(b.rule) || a.subject.name.localeCompare(b.subject.name),
      );
    return { asOf: new Date().toISOString(), findings, skipped: results.flatMap((result) => result.skipped ?? []) };
  }
}
