/** One resolution the history is kept at: a point per `stepMs`, for `spanMs`. */
export interface Tier {
  stepMs: number;
  spanMs: number;
}

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
export class TierRing {
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
