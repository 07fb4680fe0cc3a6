// The API contract lives with the server routes; the browser uses the same types.
export type {
  AppChart,
  AppMetrics,
  EndpointKind,
  EndpointStatus,
  GroupHistory,
  GroupMeasure,
  GroupTrend,
  LagRule,
  LagStatus,
  MetricsOverview,
  MetricsRange,
  PartitionLagMeasure,
  Series,
  TopicHistory,
  TopicMeasure,
  TopicTrend,
} from '../../../server/metrics/metrics.model';
export { METRICS_RANGES } from '../../../server/metrics/metrics.model';

/** How a lag status reads at a glance: green, amber, red. */
export type StatusTone = 'ok' | 'warn' | 'error';

/** What a chart's numbers count; the axis and the legend say it. */
export type ChartUnit = 'records/s' | 'bytes/s' | 'bytes' | 'records' | 'seconds' | 'ms' | 'count' | 'tasks';

/** One line of a chart. */
export interface ChartSeries {
  label: string;
  /** One value per point of the chart's time axis; null is a gap. */
  values: (number | null)[];
}
