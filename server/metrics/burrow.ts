import type { LagRule, LagStatus } from './metrics.model';

/** One commit as the sampler saw it: the committed offset, the lag then, and when. */
export interface CommitObservation {
  offset: number;
  lag: number;
  time: number;
}

/** A status and the rule that decided it. */
export interface LagVerdict {
  status: LagStatus;
  rule: LagRule;
}

/**
 * The last commits of a group on one partition: Burrow's window ("intervals", 10 by default).
 *
 * Kafka does not say when an offset was committed, so a commit is what the sampler sees: the
 * committed offset moved, or the group has members (a live consumer commits on a timer even
 * when it cannot move on, which is what tells STALL from STOP). A group with no members that
 * commits nothing adds nothing, and its window ages until the STOP rule fires.
 */
export class CommitWindow {
  readonly #observations: CommitObservation[] = [];

  constructor(private readonly size = 10) {}

  /** Adds a sample of the partition; `active` when the group has members. */
  observe(observation: CommitObservation, active: boolean): void {
    const last = this.#observations[this.#observations.length - 1];
    if (last && last.offset === observation.offset && !active) return;
    this.#observations.push(observation);
    if (this.#observations.length > this.size) this.#observations.shift();
  }

  get observations(): readonly CommitObservation[] {
    return this.#observations;
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
  evaluate(currentLag: number, now: number, intervalMs: number): LagVerdict {
    if (currentLag <= 0) return { status: 'OK', rule: 'no-lag' };
    const window = this.#observations;
    const first = window[0];
    const last = window[window.length - 1];
    if (!first || !last) return { status: 'OK', rule: 'too-few-samples' };
    const span = Math.max(last.time - first.time, window.length < this.size ? this.size * intervalMs : 0);
    if (now - last.time > span) return { status: 'STOP', rule: 'stopped' };
    if (window.some((observation) => observation.lag === 0)) return { status: 'OK', rule: 'caught-up-in-window' };
    if (window.length < 2) return { status: 'OK', rule: 'too-few-samples' };
    if (window.some((observation, index) => index > 0 && observation.offset < window[index - 1]!.offset))
      return { status: 'REWIND', rule: 'rewind' };
    if (window.every((observation) => observation.offset === first.offset)) return { status: 'STALL', rule: 'stalled' };
    if (window.every((observation, index) => index === 0 || observation.lag >= window[index - 1]!.lag))
      return { status: 'WARN', rule: 'lag-not-decreasing' };
    return { status: 'OK', rule: 'lag-decreasing' };
  }
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
