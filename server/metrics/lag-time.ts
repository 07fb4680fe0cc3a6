/**
 * When a partition's log end was at each offset, from the sampled end offsets: kafka-lag-exporter's
 * lookup table. Lag in seconds is how long ago the log end was where a group's committed offset
 * now is, interpolated between the two samples around it.
 *
 * A point is added only when the end moved; while it holds still, the last point's time moves
 * on, so a quiet partition keeps one point. When the table is full, every other of its older
 * half goes: recent moves stay precise and the table reaches further back.
 */
export class OffsetTimeline {
  readonly #offsets: number[] = [];
  readonly #times: number[] = [];

  constructor(private readonly capacity = 60) {}

  /** Adds a sample of the log end offset taken at `time`. */
  add(endOffset: number, time: number): void {
    const last = this.#offsets.length - 1;
    if (last >= 0 && this.#offsets[last] === endOffset) {
      this.#times[last] = time;
      return;
    }
    // A log end that went back (a topic deleted and made again) starts a new history.
    if (last >= 0 && endOffset < this.#offsets[last]!) {
      this.#offsets.length = 0;
      this.#times.length = 0;
    }
    this.#offsets.push(endOffset);
    this.#times.push(time);
    if (this.#offsets.length > this.capacity) this.#thin();
  }

  /**
   * Seconds between `now` and when the log end reached `offset`; 0 when the end is not past it;
   * undefined when the offset is older than the table reaches.
   */
  lagSeconds(offset: number, now: number): number | undefined {
    const count = this.#offsets.length;
    if (!count) return undefined;
    if (offset >= this.#offsets[count - 1]!) return 0;
    if (offset < this.#offsets[0]!) return undefined;
    let index = count - 1;
    while (index > 0 && this.#offsets[index - 1]! > offset) index--;
    // Between point index-1 (at or below the offset) and point index (past it).
    const [lowOffset, highOffset] = [this.#offsets[index - 1]!, this.#offsets[index]!];
    const [lowTime, highTime] = [this.#times[index - 1]!, this.#times[index]!];
    const reached = lowTime + ((offset - lowOffset) / (highOffset - lowOffset)) * (highTime - lowTime);
    return Math.max(0, (now - reached) / 1000);
  }

  #thin(): void {
    const half = Math.floor(this.#offsets.length / 2);
    for (let index = half - 1; index > 0; index -= 2) {
      this.#offsets.splice(index, 1);
      this.#times.splice(index, 1);
    }
  }
}
