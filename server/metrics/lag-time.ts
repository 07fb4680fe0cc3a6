/**
 * When a partition's log end was at each offset, from the sampled end offsets: kafka-lag-exporter's
 * lookup table, kept flat for the thousands of partitions groups read: `[offset, time, …]`,
 * oldest first. Lag in seconds is how long ago the log end was where a group's committed offset
 * now is, interpolated between the two samples around it.
 *
 * A point is added only when the end moved; while it holds still, the last point's time moves
 * on, so a quiet partition keeps one point. When the table is full, every other of its older
 * half goes: recent moves stay precise and the table reaches further back.
 */
export type OffsetTimeline = number[];

/** Adds a sample of the log end offset taken at `time` to a table of at most `capacity` points. */
export function addLogEnd(timeline: OffsetTimeline, endOffset: number, time: number, capacity = 60): void {
  const last = timeline.length - 2;
  if (last >= 0 && timeline[last] === endOffset) {
    timeline[last + 1] = time;
    return;
  }
  // A log end that went back (a topic deleted and made again) starts a new history.
  if (last >= 0 && endOffset < timeline[last]!) timeline.length = 0;
  timeline.push(endOffset, time);
  if (timeline.length > capacity * 2) {
    const half = Math.floor(timeline.length / 4);
    for (let point = half - 1; point > 0; point -= 2) timeline.splice(point * 2, 2);
  }
}

/**
 * Seconds between `now` and when the log end reached `offset`; 0 when the end is not past it;
 * undefined when the offset is older than the table reaches.
 */
export function lagSecondsAt(timeline: OffsetTimeline, offset: number, now: number): number | undefined {
  const count = timeline.length / 2;
  if (!count) return undefined;
  const offsetAt = (point: number) => timeline[point * 2]!;
  const timeAt = (point: number) => timeline[point * 2 + 1]!;
  if (offset >= offsetAt(count - 1)) return 0;
  if (offset < offsetAt(0)) return undefined;
  let high = count - 1;
  while (high > 0 && offsetAt(high - 1) > offset) high--;
  // Between point high-1 (at or below the offset) and point high (past it).
  const low = high - 1;
  const reached = timeAt(low) + ((offset - offsetAt(low)) / (offsetAt(high) - offsetAt(low))) * (timeAt(high) - timeAt(low));
  return Math.max(0, (now - reached) / 1000);
}
