import type { Series } from './metrics.model';
import { TierRing, type ClosedPoint, type Tier } from './tier-ring';

export type { ClosedPoint, Tier } from './tier-ring';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * The resolutions kept for a sampling interval: every sample for the last hour, five minutes
 * for a day, half an hour for the rest of the retention: a week of one series is 860 points
 * instead of 40,000, and each range a chart offers has 30 to 340 of them.
 */
export function tiersFor(intervalMs: number, retentionMs = 7 * DAY): Tier[] {
  const tiers: Tier[] = [{ stepMs: intervalMs, spanMs: Math.min(HOUR, retentionMs) }];
  if (retentionMs > HOUR) tiers.push({ stepMs: Math.max(intervalMs, 5 * MINUTE), spanMs: Math.min(DAY, retentionMs) });
  if (retentionMs > DAY) tiers.push({ stepMs: Math.max(intervalMs, 30 * MINUTE), spanMs: retentionMs });
  return tiers;
}

/** Values by series name; NaN ends a series (a topic deleted). */
export type SeriesValues = ReadonlyMap<string, number>;

/** Points of named series over a time range, sharing one time axis. */
export interface SeriesWindow {
  time: number[];
  /** A series' points; where several are averaged into one, a series kept by its worst takes the worst. */
  values(name: string): Series;
}

/**
 * Named series of numbers over time, kept in memory at a few resolutions ({@link tiersFor}).
 * Each sample gives only what changed: a series not named holds its last value, so a sample of
 * a cluster whose topics are mostly quiet costs little. Every tier averages what falls in one
 * of its steps. Reads take the finest tier that covers the range asked for and average it down
 * to the points a chart can show. Memory is bounded by the tiers' spans however long it runs.
 */
export class MetricSeries {
  readonly #rings: TierRing[];
  /** Each series' slot in every tier's columns, and the name in each slot. */
  readonly #slots = new Map<string, number>();
  readonly #names: string[] = [];
  readonly #free: number[] = [];

  /**
   * `isWorst` names the series a coarser point keeps the worst sample of (a status: an hour
   * with a minute of STOP shows STOP), not the mean.
   */
  constructor(
    readonly tiers: readonly Tier[],
    private readonly isWorst: (name: string) => boolean = () => false,
  ) {
    this.#rings = tiers.map((tier) => new TierRing(tier));
  }

  /**
   * Adds one sample taken at `time` (epoch ms): the series whose value changed (NaN ends one).
   * Returns the points it closed in the coarser tiers (by tier index), for a caller that keeps them.
   */
  add(time: number, changes: SeriesValues): Map<number, ClosedPoint> {
    const [slots, values] = this.#slotsOf(changes);
    const closed = new Map<number, ClosedPoint>();
    this.#rings.forEach((ring, index) => {
      const point = ring.add(time, slots, values, this.#names, this.isWorst);
      if (point && index > 0) closed.set(index, point);
    });
    // The finest tier's step is the sampling interval: its point is complete at once.
    this.#rings[0]?.close(this.#names);
    this.#forgetGone();
    return closed;
  }

  /**
   * Adds one sample that names every series it has (a scrape, a whole sample): a series it
   * leaves out has ended. Returns what changed (as {@link add} takes it) and the points closed.
   */
  addAll(time: number, values: SeriesValues): { changes: Map<string, number>; closed: Map<number, ClosedPoint> } {
    const changes = new Map<string, number>();
    for (const [name, value] of values) {
      const was = this.last(name);
      if (was === undefined ? !Number.isNaN(value) : !Object.is(was, value)) changes.set(name, value);
    }
    for (const [name] of this.#current()) if (!values.has(name)) changes.set(name, NaN);
    return { changes, closed: this.add(time, changes) };
  }

  /** Adds a point of one tier only, read back from the history kept of that tier: `changes` as in {@link add}. */
  addPoint(tier: number, time: number, changes: SeriesValues): void {
    const ring = this.#rings[tier];
    if (!ring) return;
    const [slots, values] = this.#slotsOf(changes);
    ring.add(time, slots, values, this.#names, this.isWorst);
    ring.close(this.#names);
    this.#forgetGone();
  }

  /** Whether anything is kept under `name`. */
  has(name: string): boolean {
    return this.#slots.has(name);
  }

  /** The series' value now (its last sample); undefined when it has none. */
  last(name: string): number | undefined {
    const slot = this.#slots.get(name);
    const ring = this.#rings[0];
    if (slot === undefined || !ring?.present[slot]) return undefined;
    const value = ring.last[slot]!;
    return Number.isNaN(value) ? undefined : value;
  }

  /** Every series' value now, for a record that stands on its own. */
  current(): Map<string, number> {
    return new Map(this.#current());
  }

  *#current(): Generator<[string, number]> {
    const ring = this.#rings[0];
    if (!ring) return;
    for (const [name, slot] of this.#slots) {
      if (ring.present[slot] && !Number.isNaN(ring.last[slot]!)) yield [name, ring.last[slot]!];
    }
  }

  /**
   * The series over the last `rangeMs` before `now`, at most `maxPoints` points: from the
   * finest tier that reaches back that far, averaged down when it has more points than that.
   */
  window(rangeMs: number, now: number, maxPoints = 720): SeriesWindow {
    const from = now - rangeMs;
    const ring = this.#rings.find((candidate) => candidate.tier.spanMs >= rangeMs) ?? this.#rings[this.#rings.length - 1]!;
    const points = ring.pointsFrom(from);
    const per = Math.max(1, Math.ceil(points.length / maxPoints));
    const groups: number[][] = [];
    for (let start = 0; start < points.length; start += per) groups.push(points.slice(start, start + per));
    return {
      time: groups.map((group) => ring.times[group[0]! % ring.capacity]!),
      values: (name) => {
        const slot = this.#slots.get(name);
        const worst = this.isWorst(name);
        return groups.map((group) => {
          let sum = 0;
          let count = 0;
          for (const point of group) {
            const value = ring.valueAt(slot, point);
            if (value === null) continue;
            sum = worst && count ? Math.max(sum, value) : worst ? value : sum + value;
            count += 1;
          }
          return count ? (worst ? sum : sum / count) : null;
        });
      },
    };
  }

  /** The slots of the named series (made for a new one that has a value) and their values. */
  #slotsOf(changes: SeriesValues): [number[], number[]] {
    const slots: number[] = [];
    const values: number[] = [];
    for (const [name, value] of changes) {
      let slot = this.#slots.get(name);
      if (slot === undefined) {
        if (Number.isNaN(value)) continue;
        slot = this.#free.pop() ?? this.#names.length;
        if (slot >= (this.#rings[0]?.present.length ?? 0)) {
          // A quarter more each time: a cluster's series grow once, to their number, and stay.
          const room = Math.max(64, Math.ceil(slot * 1.25));
          for (const ring of this.#rings) ring.grow(room);
        }
        this.#slots.set(name, slot);
        this.#names[slot] = name;
      }
      slots.push(slot);
      values.push(value);
    }
    return [slots, values];
  }

  /** Frees the slots of series no tier keeps any more. */
  #forgetGone(): void {
    for (const [name, slot] of this.#slots) {
      if (this.#rings.some((ring) => ring.present[slot])) continue;
      this.#slots.delete(name);
      this.#names[slot] = '';
      this.#free.push(slot);
    }
  }
}

/** What differs in `now` from `before`: changed values, and NaN for what `now` leaves out. */
export function changedValues(before: SeriesValues, now: SeriesValues): Map<string, number> {
  const changes = new Map<string, number>();
  for (const [name, value] of now) {
    const was = before.get(name);
    if (was === undefined ? !Number.isNaN(value) : !Object.is(was, value)) changes.set(name, value);
  }
  for (const name of before.keys()) if (!now.has(name)) changes.set(name, NaN);
  return changes;
}
