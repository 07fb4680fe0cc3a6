import type { Series } from './metrics.model';

/** One resolution the history is kept at: a point per `stepMs`, for `spanMs`. */
export interface Tier {
  stepMs: number;
  spanMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The resolutions kept for a sampling interval: every sample for the last hour, minutes for a
 * day, ten minutes for a week. A week of one series is then 2,700 points instead of 40,000.
 */
export function tiersFor(intervalMs: number, retentionMs = 7 * DAY): Tier[] {
  const tiers: Tier[] = [{ stepMs: intervalMs, spanMs: Math.min(HOUR, retentionMs) }];
  if (retentionMs > HOUR) tiers.push({ stepMs: Math.max(intervalMs, MINUTE), spanMs: Math.min(DAY, retentionMs) });
  if (retentionMs > DAY) tiers.push({ stepMs: Math.max(intervalMs, 10 * MINUTE), spanMs: retentionMs });
  return tiers;
}

/**
 * One series in one tier. A series that has held one value since it began (an idle topic's
 * rate of 0, a group's unchanging lag) keeps just that value; its ring of points is made only
 * once the value changes, so thousands of quiet topics cost next to nothing.
 */
interface TierSeries {
  /** The tier's point count when the series began. */
  since: number;
  constant: number;
  ring?: Float32Array;
  /** The open bucket: sum and count of what was added since the last point. */
  sum: number;
  count: number;
}

class TierRing {
  readonly times: Float64Array;
  /** Points written so far (the ring's head is `written % capacity`). */
  written = 0;
  /** Start of the open bucket (epoch ms), or -1 before the first value. */
  bucket = -1;
  readonly series = new Map<string, TierSeries>();

  constructor(readonly tier: Tier) {
    this.times = new Float64Array(Math.ceil(tier.spanMs / tier.stepMs));
  }

  get capacity(): number {
    return this.times.length;
  }

  add(time: number, values: ReadonlyMap<string, number>): void {
    const bucket = Math.floor(time / this.tier.stepMs) * this.tier.stepMs;
    if (this.bucket >= 0 && bucket > this.bucket) this.close();
    if (bucket < this.bucket) return; // older than what is kept: a late sample from another instance
    this.bucket = bucket;
    for (const [name, value] of values) {
      if (!Number.isFinite(value)) continue;
      let series = this.series.get(name);
      if (!series) {
        series = { since: this.written, constant: value, sum: 0, count: 0 };
        this.series.set(name, series);
      }
      series.sum += value;
      series.count += 1;
    }
  }

  /** Writes the open bucket as a point: each series' mean, NaN for one absent from it. */
  close(): void {
    if (this.bucket < 0) return;
    const head = this.written % this.capacity;
    this.times[head] = this.bucket;
    for (const [name, series] of this.series) {
      const value = series.count ? series.sum / series.count : NaN;
      series.sum = 0;
      series.count = 0;
      if (!series.ring && Object.is(Math.fround(value), Math.fround(series.constant))) continue;
      if (!series.ring) {
        // The value changed: from here on every point is kept. Earlier points held the constant.
        series.ring = new Float32Array(this.capacity).fill(NaN);
        for (let index = Math.max(series.since, this.written - this.capacity + 1); index < this.written; index++)
          series.ring[index % this.capacity] = series.constant;
      }
      series.ring[head] = value;
      // A series absent from a whole span of points is gone (a deleted topic).
      if (series.ring && this.written - this.lastSeen(series) >= this.capacity) this.series.delete(name);
    }
    this.written += 1;
    this.bucket = -1;
  }

  private lastSeen(series: TierSeries): number {
    for (let index = this.written; index > this.written - this.capacity && index >= series.since; index--) {
      if (!Number.isNaN(series.ring![index % this.capacity]!)) return index;
    }
    return series.since;
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
 * Named series of numbers over time, kept in memory at a few resolutions ({@link tiersFor}):
 * every value added goes to every tier, each averaging what falls in one of its steps. Reads
 * take the finest tier that covers the range asked for and average it down to the points a
 * chart can show. Memory is bounded by the tiers' spans, whatever runs for how long.
 */
export class MetricSeries {
  readonly #rings: TierRing[];

  constructor(readonly tiers: readonly Tier[]) {
    this.#rings = tiers.map((tier) => new TierRing(tier));
  }

  /** Adds one sample's values (series name → value) taken at `time` (epoch ms). */
  add(time: number, values: ReadonlyMap<string, number>): void {
    for (const ring of this.#rings) ring.add(time, values);
    // The finest tier's step is the sampling interval: its point is complete at once.
    this.#rings[0]?.close();
  }

  /** The latest time a value was added; undefined before any. */
  get latestTime(): number | undefined {
    const ring = this.#rings[0];
    if (!ring?.written) return undefined;
    return ring.times[(ring.written - 1) % ring.capacity];
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

  /** Whether anything is kept under `name`. */
  has(name: string): boolean {
    return this.#rings.some((ring) => ring.series.has(name));
  }
}
