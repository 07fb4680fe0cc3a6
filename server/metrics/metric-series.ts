import type { Series } from './metrics.model';

/** One resolution the history is kept at: a point per `stepMs`, for `spanMs`. */
export interface Tier {
  stepMs: number;
  spanMs: number;
}

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

/**
 * One series in one tier. A series that has held one value since it began (an idle topic's
 * rate of 0, a stopped group's lag) keeps just that value; its ring of points is made only once
 * the value changes, so thousands of quiet topics cost next to nothing.
 */
interface TierSeries {
  /** The tier's point count when the series began. */
  since: number;
  constant: number;
  ring?: Float32Array;
  /** The value now: what every sample holds until a new value is added. */
  last: number;
  /** The open bucket: sum and count of the samples accounted for so far. */
  sum: number;
  count: number;
  /** Samples of the open bucket accounted for in `sum`. */
  covered: number;
}

class TierRing {
  readonly times: Float64Array;
  /** Points written so far (the ring's head is `written % capacity`). */
  written = 0;
  /** Start of the open bucket (epoch ms), or -1 when none is open. */
  bucket = -1;
  /** Samples added to the open bucket. */
  samples = 0;
  readonly series = new Map<string, TierSeries>();

  constructor(readonly tier: Tier) {
    this.times = new Float64Array(Math.ceil(tier.spanMs / tier.stepMs));
  }

  get capacity(): number {
    return this.times.length;
  }

  /** Adds a sample; returns the point it closed first, if its bucket ended. */
  add(time: number, changes: SeriesValues): { time: number; values: Map<string, number> } | undefined {
    const bucket = Math.floor(time / this.tier.stepMs) * this.tier.stepMs;
    // Older than what is kept (a late sample, or one read back where this tier's own point was): left out.
    if (bucket < this.bucket || (this.written > 0 && bucket <= this.times[(this.written - 1) % this.capacity]!)) return undefined;
    const closed = this.bucket >= 0 && bucket > this.bucket ? this.close() : undefined;
    this.bucket = bucket;
    const index = this.samples++;
    for (const [name, value] of changes) {
      let series = this.series.get(name);
      if (!series) {
        if (Number.isNaN(value)) continue;
        series = { since: this.written, constant: value, last: NaN, sum: 0, count: 0, covered: index };
        this.series.set(name, series);
      }
      this.#account(series, index);
      if (!Number.isNaN(value)) {
        series.sum += value;
        series.count += 1;
      }
      series.covered = index + 1;
      series.last = value;
    }
    return closed;
  }

  /** What the series held for the samples between its last change and `upTo`. */
  #account(series: TierSeries, upTo: number): void {
    const held = upTo - series.covered;
    if (held > 0 && !Number.isNaN(series.last)) {
      series.sum += series.last * held;
      series.count += held;
    }
    series.covered = upTo;
  }

  /** Writes the open bucket as a point: each series' mean over it (NaN where it had no value). */
  close(): { time: number; values: Map<string, number> } | undefined {
    if (this.bucket < 0) return undefined;
    const head = this.written % this.capacity;
    const values = new Map<string, number>();
    this.times[head] = this.bucket;
    for (const [name, series] of this.series) {
      this.#account(series, this.samples);
      const value = series.count ? series.sum / series.count : NaN;
      series.sum = 0;
      series.count = 0;
      series.covered = 0;
      values.set(name, value);
      if (!series.ring && Object.is(Math.fround(value), Math.fround(series.constant))) continue;
      if (!series.ring) {
        // The value changed: from here on every point is kept. Earlier points held the constant.
        series.ring = new Float32Array(this.capacity).fill(NaN);
        for (let index = Math.max(series.since, this.written - this.capacity + 1); index < this.written; index++)
          series.ring[index % this.capacity] = series.constant;
      }
      series.ring[head] = value;
      // Gone for a whole span of points (a deleted topic): forget it.
      if (Number.isNaN(series.last) && series.ring.every(Number.isNaN)) this.series.delete(name);
    }
    const closed = { time: this.bucket, values };
    this.written += 1;
    this.bucket = -1;
    this.samples = 0;
    return closed;
  }

  /** Indices (in written order) of the points from `from` on. */
  pointsFrom(from: number): number[] {
    const indices: number[] = [];
    for (let index = Math.max(0, this.written - this.capacity); index < this.written; index++) {
      if (this.times[index % this.capacity]! >= from) indices.push(index);
    }
    return indices;
  }

  valueAt(name: string, index: number): number | null {
    const series = this.series.get(name);
    if (!series || index < series.since) return null;
    const value = series.ring ? series.ring[index % this.capacity]! : series.constant;
    return Number.isNaN(value) ? null : value;
  }
}

/** Points of named series over a time range, sharing one time axis. */
export interface SeriesWindow {
  time: number[];
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

  constructor(readonly tiers: readonly Tier[]) {
    this.#rings = tiers.map((tier) => new TierRing(tier));
  }

  /**
   * Adds one sample taken at `time` (epoch ms): the series whose value changed (NaN ends one).
   * Returns the points it closed in the coarser tiers (by tier index), for a caller that keeps them.
   */
  add(time: number, changes: SeriesValues): Map<number, { time: number; values: Map<string, number> }> {
    const closed = new Map<number, { time: number; values: Map<string, number> }>();
    this.#rings.forEach((ring, index) => {
      const point = ring.add(time, changes);
      if (point && index > 0) closed.set(index, point);
    });
    // The finest tier's step is the sampling interval: its point is complete at once.
    this.#rings[0]?.close();
    return closed;
  }

  /**
   * Adds one sample that names every series it has (a scrape, a whole sample): a series it
   * leaves out has ended. Returns what changed (as {@link add} takes it) and the points closed.
   */
  addAll(time: number, values: SeriesValues): { changes: Map<string, number>; closed: ReturnType<MetricSeries['add']> } {
    const changes = changedValues(this.current(), values);
    return { changes, closed: this.add(time, changes) };
  }

  /** Adds a point of one tier only, read back from the history kept of that tier: `changes` as in {@link add}. */
  addPoint(tier: number, time: number, changes: SeriesValues): void {
    const ring = this.#rings[tier];
    if (!ring) return;
    ring.add(time, changes);
    ring.close();
  }

  /** Whether anything is kept under `name`. */
  has(name: string): boolean {
    return this.#rings.some((ring) => ring.series.has(name));
  }

  /** The series' value now (its last sample); undefined when it has none. */
  last(name: string): number | undefined {
    const value = this.#rings[0]?.series.get(name)?.last;
    return value === undefined || Number.isNaN(value) ? undefined : value;
  }

  /** Every series' value now, for a record that stands on its own. */
  current(): Map<string, number> {
    const values = new Map<string, number>();
    for (const [name, series] of this.#rings[0]?.series ?? []) if (!Number.isNaN(series.last)) values.set(name, series.last);
    return values;
  }

  /**
   * The series over the last `rangeMs` before `now`, at most `maxPoints` points: from the
   * finest tier that reaches back that far, averaged down when it has more points than that.
   */
  window(rangeMs: number, now: number, maxPoints = 720): SeriesWindow {
    const from = now - rangeMs;
    const ring = this.#rings.find((candidate) => candidate.tier.spanMs >= rangeMs) ?? this.#rings[this.#rings.length - 1]!;
    const indices = ring.pointsFrom(from);
    const per = Math.max(1, Math.ceil(indices.length / maxPoints));
    const groups: number[][] = [];
    for (let start = 0; start < indices.length; start += per) groups.push(indices.slice(start, start + per));
    return {
      time: groups.map((group) => ring.times[group[0]! % ring.capacity]!),
      values: (name) =>
        groups.map((group) => {
          let sum = 0;
          let count = 0;
          for (const index of group) {
            const value = ring.valueAt(name, index);
            if (value !== null) {
              sum += value;
              count += 1;
            }
          }
          return count ? sum / count : null;
        }),
    };
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
