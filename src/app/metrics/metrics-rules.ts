import { METRICS_RANGES, type LagStatus, type MetricsRange } from './metrics.model';

/** The range a chart shows when the URL names none, or one the server does not know. */
export const DEFAULT_RANGE: MetricsRange = '1h';

/** The range named by `?range=`, or the default. */
export function parseRange(value: string | null | undefined): MetricsRange {
  return METRICS_RANGES.find((range) => range === value) ?? DEFAULT_RANGE;
}

/** A stretch of time with one status, as a share of the strip. */
export interface StatusBand {
  /** null where the group was not sampled. */
  status: LagStatus | null;
  /** Epoch ms. */
  from: number;
  to: number;
  /** Where the band starts and how wide it is, in percent of the whole strip. */
  startPercent: number;
  widthPercent: number;
}

/**
 * The status over time as bands: neighbouring samples with the same status make one band, which
 * reaches to the next sample, so the strip has no holes between samples.
 */
export function statusBands(time: readonly number[], status: readonly (LagStatus | null)[]): StatusBand[] {
  if (time.length === 0) return [];
  const first = time[0]!;
  // The last sample gets one interval of its own, or it would be a band of no width.
  const step = time.length > 1 ? time.at(-1)! - time.at(-2)! : 15_000;
  const end = time.at(-1)! + step;
  const span = end - first;
  const bands: StatusBand[] = [];
  time.forEach((at, index) => {
    const current = status[index] ?? null;
    const to = time[index + 1] ?? end;
    const last = bands.at(-1);
    if (last && last.status === current) last.to = to;
    else bands.push({ status: current, from: at, to, startPercent: 0, widthPercent: 0 });
  });
  return bands.map((band) => ({
    ...band,
    startPercent: ((band.from - first) / span) * 100,
    widthPercent: ((band.to - band.from) / span) * 100,
  }));
}

/**
 * An SVG path for a sparkline `width` × `height`, scaled from 0 (or the smallest value, if
 * negative) to the largest; a null breaks the line, so a gap in sampling shows as one.
 */
export function sparklinePath(values: readonly (number | null)[], width: number, height: number): string {
  const known = values.filter((value): value is number => value !== null);
  if (known.length === 0) return '';
  const low = Math.min(0, ...known);
  const high = Math.max(...known);
  const spread = high - low || 1;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  let path = '';
  let isDrawing = false;
  values.forEach((value, index) => {
    if (value === null) {
      isDrawing = false;
      return;
    }
    const x = round(index * step);
    // A line one pixel from the edge, so a flat top or bottom is not cut by the stroke.
    const y = round(height - 1 - ((value - low) / spread) * (height - 2));
    path += `${isDrawing ? 'L' : 'M'}${x} ${y}`;
    isDrawing = true;
  });
  return path;
}

/** How a table is sorted: the column and the direction, as mat-sort says it. */
export interface TableSort<K extends string> {
  active: K;
  direction: 'asc' | 'desc' | '';
}

/** What a table shows of many rows. */
export interface RowView<T> {
  rows: T[];
  /** How many matched the filter, shown or not. */
  matching: number;
}

/**
 * The rows whose name contains the filter, sorted by one field (unknown values last either way),
 * the first `limit` of them: a cluster with thousands of topics shows the ones that matter.
 */
export function viewRows<T, K extends keyof T & string>(
  rows: readonly T[],
  nameOf: (row: T) => string,
  filter: string,
  sort: TableSort<K>,
  limit: number,
): RowView<T> {
  const needle = filter.trim().toLowerCase();
  const matching = needle ? rows.filter((row) => nameOf(row).toLowerCase().includes(needle)) : [...rows];
  if (sort.direction) {
    const sign = sort.direction === 'asc' ? 1 : -1;
    matching.sort((a, b) => {
      const left = a[sort.active];
      const right = b[sort.active];
      if (left === right) return 0;
      if (left === null || left === undefined) return 1;
      if (right === null || right === undefined) return -1;
      return (typeof left === 'string' ? left.localeCompare(String(right)) : Number(left) - Number(right)) * sign;
    });
  }
  return { rows: matching.slice(0, limit), matching: matching.length };
}

const round = (value: number) => Math.round(value * 10) / 10;
