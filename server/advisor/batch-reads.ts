import type { AdvisorRule, Finding } from './advisor.model';
import type { CheckResult } from './advisor.service';

/** Topics read at once: each read is a few fetches of up to 256 KiB a partition. */
const TOPICS_AT_ONCE = 4;
/** More failed topics than this are told as one note: a cluster that went down fails them all alike. */
const NOTES_PER_FAILURE = 3;

/**
 * Runs `check` on every topic, a few at a time, and gathers the findings. A topic that cannot
 * be read is named in `skipped` and does not stop the others; many failing for the same reason
 * make one note.
 */
export async function checkTopics(
  rule: AdvisorRule,
  topics: readonly string[],
  check: (topic: string) => Promise<Finding[]>,
): Promise<Required<CheckResult>> {
  const findings: Finding[] = [];
  const failures = new Map<string, string[]>();
  for (let first = 0; first < topics.length; first += TOPICS_AT_ONCE) {
    const some = topics.slice(first, first + TOPICS_AT_ONCE);
    const outcomes = await Promise.allSettled(some.map(check));
    outcomes.forEach((outcome, index) => {
      if (outcome.status === 'fulfilled') findings.push(...outcome.value);
      else {
        const reason = (outcome.reason as Error).message;
        failures.set(reason, [...(failures.get(reason) ?? []), some[index]!]);
      }
    });
  }
  const skipped = [...failures].flatMap(([reason, failed]) =>
    failed.length > NOTES_PER_FAILURE
      ? [{ rule, reason: `${failed.length} topics (${failed[0]}, …) could not be read: ${reason}` }]
      : failed.map((topic) => ({ rule, reason: `${topic} could not be read: ${reason}` })),
  );
  return { findings, skipped };
}
