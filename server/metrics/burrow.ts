import type { LagRule, LagStatus } from './metrics.model';

/** A status and the rule that decided it. */
export interface LagVerdict {
  status: LagStatus;
  rule: LagRule;
}

/**
 * The last commits of a group on one partition, Burrow's window ("intervals", 10 by default),
 * kept flat for the tens of thousands of partitions a cluster's groups read:
 * `[offset, lag, time, offset, lag, time, …]`, oldest first.
 *
 * Kafka does not say when an offset was committed, so a commit is what the sampler sees: the
 * committed offset moved, or the group has members (a live consumer commits on a timer even
 * when it cannot move on, which is what tells STALL from STOP). A group with no members that
 * commits nothing adds nothing, and its window ages until the STOP rule fires.
 */
export type CommitWindow = number[];

/** Fields of one observation in a {@link CommitWindow}. */
const FIELDS = 3;

/**
 * Adds a sample of the partition to its window of `size` commits; `active` when the group has
 * members. The window may sit in a larger array from index `from` on.
 */
export function observeCommit(
  window: CommitWindow,
  offset: number,
  lag: number,
  time: number,
  active: boolean,
  size: number,
  from = 0,
): void {
  if (window.length > from && window[window.length - FIELDS] === offset && !active) return;
  window.push(offset, lag, time);
  if (window.length - from > size * FIELDS) window.splice(from, FIELDS);
}

/**
 * The partition's status by Burrow's rules
 * (https://github.com/linkedin/Burrow/wiki/Consumer-Lag-Evaluation-Rules), in Burrow's order:
 * 1. no lag now: OK;
 * 2. no commit for longer than the window spans: STOP;
 * 3. lag was zero somewhere in the window: OK;
 * 4. the committed offset went backwards: REWIND;
 * 5. the committed offset did not move (and the lag stayed): STALL;
 * 6. the lag never fell over the window: WARN;
 * otherwise OK. Until the window has filled, it counts as spanning `size` sampling intervals,
 * so a group already stopped when the console started still turns STOP.
 */
export function evaluateWindow(
  window: CommitWindow,
  currentLag: number,
  now: number,
  intervalMs: number,
  size: number,
  from = 0,
): LagVerdict {
  if (currentLag <= 0) return { status: 'OK', rule: 'no-lag' };
  const count = (window.length - from) / FIELDS;
  if (count === 0) return { status: 'OK', rule: 'too-few-samples' };
  const offset = (index: number) => window[from + index * FIELDS]!;
  const lag = (index: number) => window[from + index * FIELDS + 1]!;
  const time = (index: number) => window[from + index * FIELDS + 2]!;
  const span = Math.max(time(count - 1) - time(0), count < size ? size * intervalMs : 0);
  if (now - time(count - 1) > span) return { status: 'STOP', rule: 'stopped' };
  let caughtUp = false;
  let rewound = false;
  let moved = false;
  let lagFell = false;
  for (let index = 0; index < count; index++) {
    if (lag(index) === 0) caughtUp = true;
    if (index === 0) continue;
    if (offset(index) < offset(index - 1)) rewound = true;
    if (offset(index) !== offset(0)) moved = true;
    if (lag(index) < lag(index - 1)) lagFell = true;
  }
  if (caughtUp) return { status: 'OK', rule: 'caught-up-in-window' };
  if (count < 2) return { status: 'OK', rule: 'too-few-samples' };
  if (rewound) return { status: 'REWIND', rule: 'rewind' };
  if (!moved) return { status: 'STALL', rule: 'stalled' };
  if (!lagFell) return { status: 'WARN', rule: 'lag-not-decreasing' };
  return { status: 'OK', rule: 'lag-decreasing' };
}

/** How bad each status is, for choosing a group's worst partition. */
const SEVERITY: Record<LagStatus, number> = { OK: 0, WARN: 1, ERR: 2, STOP: 3, STALL: 4, REWIND: 5 };

/**
 * A group's status from its partitions', as Burrow evaluates a group: the worst partition's,
 * except that STOP, STALL or REWIND on a partition is ERR for the group.
 */
export function groupVerdict(partitions: readonly LagVerdict[]): LagVerdict {
  let worst: LagVerdict = { status: 'OK', rule: 'no-lag' };
  for (const verdict of partitions) if (SEVERITY[verdict.status] > SEVERITY[worst.status]) worst = verdict;
  if (SEVERITY[worst.status] > SEVERITY.ERR) return { status: 'ERR', rule: worst.rule };
  return worst;
}

/** Numbers for a status, for the history and Prometheus: 0 OK, 1 WARN, 2 ERR, 3 STOP, 4 STALL, 5 REWIND. */
export const statusCode = (status: LagStatus): number => SEVERITY[status];
export const statusOfCode = (code: number): LagStatus | null =>
  (Object.entries(SEVERITY).find(([, value]) => value === Math.round(code))?.[0] as LagStatus | undefined) ?? null;
