/** A rate in records per second: one decimal below 100, whole numbers above; a dash when unknown. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  const digits = rate < 100 && rate !== Math.round(rate) ? 1 : 0;
  return `${rate.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}/s`;
}

/** A count with thousands separators; a dash when unknown. */
export function formatCount(count: number | null): string {
  return count === null ? '—' : count.toLocaleString('en-US');
}

const UNITS: readonly [string, number][] = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
];

/** A duration in its two largest units, as `2 d 4 h`, `3 min 20 s` or `45 s`; `under 1 s` for less. */
export function formatDuration(seconds: number): string {
  if (seconds < 1) return 'under 1 s';
  let rest = Math.round(seconds);
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || parts.length > 0) parts.push(`${count} ${unit}`);
    if (parts.length === 2) break;
  }
  return parts.filter((part) => !part.startsWith('0 ')).join(' ');
}

/** A retention in milliseconds as a duration; `forever` for none (null or negative, as `retention.ms=-1`). */
export function formatRetention(ms: number | null): string {
  return ms === null || ms < 0 ? 'forever' : formatDuration(ms / 1000);
}

/** A long name shortened in its middle to `max` characters, so both its start and its end still read. */
export function shorten(name: string, max: number): string {
  if (name.length <= max) return name;
  const head = Math.ceil((max - 1) / 2);
  const tail = Math.floor((max - 1) / 2);
  return `${name.slice(0, head)}…${name.slice(name.length - tail)}`;
}
