/** How the Streams findings write their numbers, as the page shows them with units, and their links. */

export const MiB = 1024 * 1024;

/** A count with thousands separators: `28,224`. */
export function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Bytes in MiB, whole above 10 MiB: `3,528 MiB`, `0.4 MiB`; under 0.1 MiB in KiB: `12 KiB`. */
export function mib(bytes: number): string {
  const value = bytes / MiB;
  if (value > 0 && value < 0.1) return `${count(bytes / 1024)} KiB`;
  return `${value >= 10 || Number.isInteger(value) ? count(value) : value.toFixed(1)} MiB`;
}

/** A duration in the largest unit that keeps it readable: `45 s`, `12 min`, `2.5 h`, `7 days`. */
export function duration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 120) return `${count(seconds)} s`;
  if (seconds < 2 * 3600) return `${round1(seconds / 60)} min`;
  if (seconds < 2 * 86_400) return `${round1(seconds / 3600)} h`;
  return `${round1(seconds / 86_400)} days`;
}

function round1(value: number): string {
  return Number.isInteger(value) ? count(value) : value.toFixed(1);
}

/** The console's page of a topic. */
export function topicLink(cluster: string, topic: string): string {
  return `/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}`;
}

/** The console's page of a Streams app. */
export function streamsAppLink(cluster: string, applicationId: string): string {
  return `/clusters/${encodeURIComponent(cluster)}/streams/${encodeURIComponent(applicationId)}`;
}
