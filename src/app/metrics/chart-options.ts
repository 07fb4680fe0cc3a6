import type uPlot from 'uplot';
import { formatBytes } from '../topics/topic-format';
import { formatChartValue, formatCompact, formatDuration } from './metrics-format';
import type { ChartSeries, ChartUnit } from './metrics.model';

/** The theme's colours, resolved to what a canvas can paint. */
export interface ChartColours {
  /** One per line, in order; lines past the last start over. */
  series: string[];
  axis: string;
  grid: string;
}

/** What a plot is drawn with besides its data. */
export interface ChartSpec {
  unit: ChartUnit;
  labels: string[];
  width: number;
  height: number;
  colours: ChartColours;
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/**
 * Time ticks on a 24-hour clock, as the rest of the console writes times. Each row: the tick
 * spacing it applies from, the label, then the line added when the year, month, day, hour,
 * minute or second rolls over (uPlot's `axes[].values` table); 1 appends that line.
 */
const TIME_TICKS: (string | number | null)[][] = [
  [DAY, '{D} {MMM}', '\n{YYYY}', null, null, null, null, null, 1],
  [HOUR, '{HH}:{mm}', '\n{D} {MMM} {YYYY}', null, '\n{D} {MMM}', null, null, null, 1],
  [MINUTE, '{HH}:{mm}', '\n{D} {MMM} {YYYY}', null, '\n{D} {MMM}', null, null, null, 1],
  [SECOND, '{HH}:{mm}:{ss}', '\n{D} {MMM} {YYYY}', null, '\n{D} {MMM}', null, null, null, 1],
];
const AXIS_FONT = '12px Roboto, system-ui, sans-serif';
/** Tick steps in powers of two, so every tick is a round binary size: 512 KB, 1.0 MB, 1.5 MB, not 977 KB or 1000 KB. */
const BYTE_STEPS = Array.from({ length: 60 }, (_, power) => 2 ** power);
/** Tick steps that read as round durations: 30 s, 5 min, 1 h rather than 3 min 20 s. */
const DURATION_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800];
const hoverTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The plot's data as uPlot takes it: the time axis, then one array per line. */
export function chartData(time: readonly number[], series: readonly ChartSeries[]): uPlot.AlignedData {
  return [time as number[], ...series.map((line) => line.values as (number | null)[])];
}

/**
 * uPlot's options for a time series in one unit: times in epoch ms, y from zero, gaps where
 * nothing was measured, and a legend that shows the latest values unless the pointer picks a time.
 */
export function chartOptions(library: typeof uPlot, spec: ChartSpec): uPlot.Options {
  const { unit, colours } = spec;
  const axis = {
    stroke: colours.axis,
    font: AXIS_FONT,
    grid: { stroke: colours.grid, width: 1 },
    ticks: { stroke: colours.grid, width: 1 },
  };
  return {
    width: spec.width,
    height: spec.height,
    ms: 1,
    // A drag would zoom, and the next live update would undo it.
    cursor: { drag: { x: false, y: false, setScale: false } },
    legend: { live: true },
    scales: {
      x: { time: true },
      y: { range: (_plot, min, max) => (max === null || !isFinite(max) ? [0, 1] : library.rangeNum(Math.min(0, min), max, 0.1, true)) },
    },
    axes: [
      { ...axis, values: TIME_TICKS },
      {
        ...axis,
        label: unit,
        labelFont: AXIS_FONT,
        labelSize: 18,
        size: 64,
        incrs: unit === 'bytes' || unit === 'bytes/s' ? BYTE_STEPS : unit === 'seconds' ? DURATION_STEPS : undefined,
        values: (_plot, splits) => splits.map((value) => tick(value, unit)),
      },
    ],
    series: [
      { value: (_plot, time) => (time === null ? 'latest' : hoverTime.format(time)) },
      ...spec.labels.map((label, index) => {
        const colour = colours.series[index % colours.series.length]!;
        return {
          label,
          stroke: colour,
          width: 1.5,
          // A lone line gets a light fill under it; several would hide each other.
          fill: spec.labels.length === 1 ? translucent(colour) : undefined,
          value: (plot: uPlot, value: number | null, seriesIndex: number, index: number | null) =>
            formatChartValue(index === null ? latest(plot.data[seriesIndex]) : value, unit),
        };
      }),
    ],
  };
}

/** A tick label: short, since the axis label names the unit. */
function tick(value: number, unit: ChartUnit): string {
  if (unit === 'bytes' || unit === 'bytes/s') return formatBytes(value);
  if (unit === 'seconds') return formatDuration(value);
  return formatCompact(value);
}

/** The newest value of a line, what the legend shows while no time is picked. */
function latest(values: uPlot.AlignedData[number] | undefined): number | null {
  if (!values) return null;
  for (let index = values.length - 1; index >= 0; index--) {
    const value = values[index];
    if (value !== null && value !== undefined) return value;
  }
  return null;
}

/** `rgb(r, g, b)` as it would show at 12 % over the background. */
function translucent(colour: string): string {
  const match = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(colour);
  return match ? `rgba(${match[1]}, ${match[2]}, ${match[3]}, 0.12)` : 'transparent';
}
