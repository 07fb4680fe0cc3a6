import type { ConfigSource } from './topic.model';

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** Words for where a config's value comes from. */
const SOURCE_LABELS: Record<ConfigSource, string> = {
  'dynamic-topic': 'topic',
  'dynamic-broker': 'broker',
  'dynamic-default-broker': 'cluster default',
  'static-broker': 'broker file',
  default: 'default',
  unknown: 'unknown',
};

/** Bytes in binary units, the way Kafka's own sizes are set (`segment.bytes`). */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}

/** A count with thousands separators; a dash when unknown. */
export function formatCount(count: number | null): string {
  return count === null ? '—' : count.toLocaleString('en-US');
}

/** "3 topics", "1 topic": a count and the word, singular for one. */
export function formatCountOf(count: number, singular: string, plural: string): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

/** Where a config's value comes from, in the words the configs table uses. */
export function configSourceLabel(source: ConfigSource): string {
  return SOURCE_LABELS[source];
}
