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

/** A point a tier closed: its time, every series' value in it, and those that differ from the point before. */
export interface ClosedPoint {
  time: number;
  values: Map<string, number>;
  changes: Map<string, number>;
}

/**
 * One tier's series, a column per field and a slot per series (tens of thousands on a large
 * cluster: one object each, with its numbers boxed, cost several times as much). A series that
 * has held one value since it began (an idle topic's rate of 0, a stopped group's lag) keeps
 * just that value; its ring of points is made only once the value changes.
 */
class TierRing {
  readonly times: Float64Array;
  /** Points written so far (the ring's head is `written % capacity`). */
  written = 0;
  /** Start of the open bucket (epoch ms), or -1 when none is open. */
  bucket = -1;
  /** Samples added to the open bucket. */
  samples = 0;
  /** Per slot: whether the series is kept in this tier, and whether a point is its worst sample rather than the mean. */
  present = new Uint8Array(0);
  worst = new Uint8Array(0);
  /** Per slot: the tier's point count when the series began, and its value until its ring is made. */
  since = new Int32Array(0);
  constant = new Float64Array(0);
  /** Per slot: the value now, which every sample holds until a new value is added. */
  last = new Float64Array(0);
  /** Per slot, the open bucket: sum and count of the samples accounted for, and how many those are. */
  sum = new Float64Array(0);
  count = new Int32Array(0);
  covered = new Int32Array(0);
  rings: (Float32Array | undefined)[] = [];

  constructor(readonly tier: Tier) {
    this.times = new Float64Array(Math.ceil(tier.spanMs / tier.stepMs));
  }

  get capacity(): number {
    return this.times.length;
  }

  /** Makes room for `slots` series. */
  grow(slots: number): void {
    const grown = <T extends Float64Array | Int32Array | Uint8Array>(column: T, make: (length: number) => T): T => {
      const bigger = make(slots);
      bigger.set(column);
      return bigger;
    };
    this.present = grown(this.present, (length) => new Uint8Array(length));
    this.worst = grown(this.worst, (length) => new Uint8Array(length));
    for (const field of ['since', 'count', 'covered'] as const) this[field] = grown(this[field], (length) => new Int32Array(length));
    for (const field of ['constant', 'last', 'sum'] as const) this[field] = grown(this[field], (length) => new Float64Array(length));
  }

  /** Adds a sample (slots and their new values); returns the point it closed first, if its bucket ended. */
  add(
    time: number,
    slots: readonly number[],
    values: readonly number[],
    names: readonly string[],
    isWorst: (name: string) => boolean,
  ): ClosedPoint | undefined {
    const bucket = Math.floor(time / this.tier.stepMs) * this.tier.stepMs;
    // Older than what is kept (a late sample, or one read back where this tier's own point was): left out.
    if (bucket < this.bucket || (this.written > 0 && bucket <= this.times[(this.written - 1) % this.capacity]!)) return undefined;
    const closed = this.bucket >= 0 && bucket > this.bucket ? this.close(names) : undefined;
    this.bucket = bucket;
    const index = this.samples++;
    slots.forEach((slot, at) => {
      const value = values[at]!;
      if (!this.present[slot]) {
        if (Number.isNaN(value)) return;
        this.present[slot] = 1;
        this.worst[slot] = isWorst(names[slot]!) ? 1 : 0;
        this.since[slot] = this.written;
        this.constant[slot] = value;
        this.last[slot] = NaN;
        this.sum[slot] = 0;
        this.count[slot] = 0;
        this.covered[slot] = index;
        this.rings[slot] = undefined;
      }
      this.#account(slot, index);
      if (!Number.isNaN(value)) this.#take(slot, value, 1);
      this.covered[slot] = index + 1;
      this.last[slot] = value;
    });
    return closed;
  }

  /** What the series held for the samples between its last change and `upTo`. */
  #account(slot: number, upTo: number): void {
    const held = upTo - this.covered[slot]!;
    if (held > 0 && !Number.isNaN(this.last[slot]!)) this.#take(slot, this.last[slot]!, held);
    this.covered[slot] = upTo;
  }

  /** Counts `value` for `samples` samples of the open bucket: into the mean, or the worst so far. */
  #take(slot: number, value: number, samples: number): void {
    if (this.worst[slot]) {
      this.sum[slot] = this.count[slot] ? Math.max(this.sum[slot]!, value) : value;
      this.count[slot] = 1;
      return;
    }
    this.sum[slot] += value * samples;
    this.count[slot] += samples;
  }

  /** Writes the open bucket as a point: each series' mean over it (NaN where it had no value). */
  close(names: readonly string[]): ClosedPoint | undefined {
    if (this.bucket < 0) return undefined;
    const head = this.written % this.capacity;
    const values = new Map<string, number>();
    const changes = new Map<string, number>();
    this.times[head] = this.bucket;
    for (let slot = 0; slot < this.present.length; slot++) {
      if (!this.present[slot]) continue;
      this.#account(slot, this.samples);
      const value = this.count[slot] ? this.sum[slot]! / this.count[slot]! : NaN;
      this.sum[slot] = 0;
      this.count[slot] = 0;
      this.covered[slot] = 0;
      values.set(names[slot]!, value);
      const before = this.written > this.since[slot]! ? this.valueAt(slot, this.written - 1) : null;
      if (before === null ? !Number.isNaN(value) : !Object.is(Math.fround(before), Math.fround(value))) changes.set(names[slot]!, value);
      let ring = this.rings[slot];
      if (!ring && Object.is(Math.fround(value), Math.fround(this.constant[slot]!))) continue;
      if (!ring) {
        // The value changed: from here on every point is kept. Earlier points held the constant.
        ring = this.rings[slot] = new Float32Array(this.capacity).fill(NaN);
        for (let point = Math.max(this.since[slot]!, this.written - this.capacity + 1); point < this.written; point++)
          ring[point % this.capacity] = this.constant[slot]!;
      }
      ring[head] = value;
      // Gone for a whole span of points (a deleted topic): forget it.
      if (Number.isNaN(this.last[slot]!) && ring.every(Number.isNaN)) this.forget(slot);
    }
    const closed = { time: this.bucket, values, changes };
    this.written += 1;
    this.bucket = -1;
    this.samples = 0;
    return closed;
  }

  forget(slot: number): void {
    this.present[slot] = 0;
    this.rings[slot] = undefined;
  }

  /** Indices (in written order) of the points from `from` on. */
  pointsFrom(from: number): number[] {
    const points: number[] = [];
    for (let point = Math.max(0, this.written - this.capacity); point < this.written; point++) {
      if (this.times[point % this.capacity]! >= from) points.push(point);
    }
    return points;
  }

  valueAt(slot: number | undefined, point: number): number | null {
    if (slot === undefined || !this.present[slot] || point < this.since[slot]!) return null;
    const ring = this.rings[slot];
    const value = ring ? ring[point % this.capacity]! : this.constant[slot]!;
    return Number.isNaN(value) ? null : value;
  }
}

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
