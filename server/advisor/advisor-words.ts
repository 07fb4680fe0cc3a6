/** How the Advisor's findings write their numbers, with units, as the page shows them; and their links. */

export const MiB = 1024 * 1024;

/** A whole number with thousands separators: `28,224`. */
export function thousands(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** A count of something: `1 topic`, `1,200 records`, `1.5 hours`. */
export const plural = (n: number, noun: string) => `${Number.isInteger(n) ? thousands(n) : n} ${noun}${n === 1 ? '' : 's'}`;

const UNITS: [number, string][] = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1_000, 'second'],
  [1, 'millisecond'],
];

/**
 * A time as people say it, in the largest unit it is a whole number of, or at least two of:
 * `7 days`, `1 hour`, `24.2 hours` (not `1 day`), `10.5 minutes`, `45 seconds`.
 */
export function duration(ms: number): string {
  if (ms === 0) return '0 seconds';
  const [size, unit] = UNITS.find(([size]) => (ms >= size && ms % size === 0) || ms >= 2 * size) ?? UNITS[UNITS.length - 1]!;
  return plural(size === 1 ? Math.round(ms) : Number((ms / size).toFixed(1)), unit);
}

/** A short time in milliseconds: `0.7 ms`, `807 ms`, `1,250 ms`. */
export const millis = (value: number) => `${value < 10 ? value.toFixed(1) : thousands(value)} ms`;

/** Bytes in MiB, whole above 10 MiB: `3,528 MiB`, `0.4 MiB`; under 0.1 MiB in KiB: `12 KiB`. */
export function mib(bytes: number): string {
  const value = bytes / MiB;
  if (value > 0 && value < 0.1) return `${thousands(bytes / 1024)} KiB`;
  return `${value >= 10 || Number.isInteger(value) ? thousands(value) : value.toFixed(1)} MiB`;
}

/** The console's page of a topic. */
export function topicLink(cluster: string, topic: string): string {
  return `/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}`;
}

/** The console's page of a Streams app. */
export function streamsAppLink(cluster: string, applicationId: string): string {
  return `/clusters/${encodeURIComponent(cluster)}/streams/${encodeURIComponent(applicationId)}`;
}

/** The console's page of a consumer group. */
export function groupLink(cluster: string, groupId: string): string {
  return `/clusters/${encodeURIComponent(cluster)}/consumer-groups/${encodeURIComponent(groupId)}`;
}
