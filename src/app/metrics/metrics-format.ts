import { formatBytes } from '../topics/topic-format';
import type { ChartUnit, GroupTrend, LagRule, LagStatus, MetricsRange, StatusTone } from './metrics.model';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** What each of Burrow's rules means, in one sentence an operator can act on. */
const RULE_EXPLANATIONS: Record<LagRule, string> = {
  'no-lag': 'The group has read every record: there is no lag now.',
  stopped: 'The group has not committed an offset for longer than the evaluation window: its consumers have stopped.',
  'caught-up-in-window': 'The lag was zero at some point in the evaluation window, so the group keeps up.',
  rewind: 'A committed offset went backwards in the evaluation window: the group was reset or is replaying.',
  stalled: 'Members are there, but the committed offset has not moved while records wait: the consumers are stuck.',
  'lag-not-decreasing': 'Offsets move, but the lag grew or held over the evaluation window: the group is falling behind.',
  'lag-decreasing': 'Offsets move and the lag shrinks: the group is catching up.',
  'too-few-samples': 'Too few commits have been seen to judge the trend yet; the status stays OK until there are.',
  'worst-partition': 'The group takes the status of its worst partition.',
};

const RANGE_LABELS: Record<MetricsRange, string> = { '15m': '15 min', '1h': '1 h', '6h': '6 h', '24h': '24 h', '7d': '7 d' };

/** A number as a person reads it at a glance: 950, 1.2K, 3.4M; a dash when unknown. */
export function formatCompact(value: number | null): string {
  return value === null ? '—' : compact.format(value);
}

/** Records per second, compact: "1.2K/s". */
export function formatRecordRate(value: number | null): string {
  return value === null ? '—' : `${compact.format(value)}/s`;
}

/** Bytes per second in binary units: "46.9 KB/s". */
export function formatByteRate(value: number | null): string {
  return value === null ? '—' : `${formatBytes(value)}/s`;
}

/** A duration in the two largest units that matter: "45 s", "3 min 20 s", "2 h 5 min", "3 d 4 h". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const total = Math.round(seconds);
  if (total < 60) return `${total} s`;
  const units: [number, string][] = [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'min'],
    [1, 's'],
  ];
  const index = units.findIndex(([size]) => total >= size);
  const [big, bigName] = units[index]!;
  const [small, smallName] = units[index + 1]!;
  const bigCount = Math.floor(total / big);
  const smallCount = Math.floor((total % big) / small);
  return smallCount ? `${bigCount} ${bigName} ${smallCount} ${smallName}` : `${bigCount} ${bigName}`;
}

/** A value on a chart's axis or legend, in the chart's unit. */
export function formatChartValue(value: number | null, unit: ChartUnit): string {
  if (value === null) return '—';
  switch (unit) {
    case 'bytes':
      return formatBytes(value);
    case 'bytes/s':
      return formatByteRate(value);
    case 'records/s':
      return formatRecordRate(value);
    case 'seconds':
      return formatDuration(value);
    case 'ms':
      return `${compact.format(value)} ms`;
    default:
      return compact.format(value);
  }
}

/** How to time a group's catch-up: "caught up", "not catching up" or how long. */
export function formatCatchUp(group: Pick<GroupTrend, 'lag' | 'catchUpSeconds'>): string {
  if (group.lag === 0) return 'caught up';
  return group.catchUpSeconds === null ? 'not catching up' : formatDuration(group.catchUpSeconds);
}

/** Green for OK, amber for WARN, red when the consumers stalled, stopped, rewound or erred. */
export function statusTone(status: LagStatus): StatusTone {
  if (status === 'OK') return 'ok';
  return status === 'WARN' ? 'warn' : 'error';
}

/** Why a status was given, in plain words. */
export function explainRule(rule: LagRule): string {
  return RULE_EXPLANATIONS[rule];
}

/** How a range reads on its button: "15 min", "7 d". */
export function rangeLabel(range: MetricsRange): string {
  return RANGE_LABELS[range];
}
