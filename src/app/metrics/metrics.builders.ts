import type {
  AppChart,
  AppMetrics,
  EndpointStatus,
  GroupHistory,
  GroupMeasure,
  GroupTrend,
  MetricsOverview,
  PartitionLagMeasure,
  TopicHistory,
  TopicMeasure,
  TopicTrend,
} from './metrics.model';

/** When the latest builder sample was taken, unless a spec says otherwise. */
export const AS_OF = '2026-11-27T12:03:00.000Z';
/** Four samples 15 s apart, the last at {@link AS_OF}. */
export const TIMES = [-45_000, -30_000, -15_000, 0].map((back) => Date.parse(AS_OF) + back);

/** Test data: everything defaulted, a spec states only the field that decides. */
export function aTopicTrend(overrides: Partial<TopicTrend> = {}): TopicTrend {
  return {
    topic: 'shop.orders.events',
    partitions: 3,
    recordsPerSecond: 120,
    bytesPerSecond: 48_000,
    sizeBytes: 5_242_880,
    rateHistory: [100, 110, null, 120],
    ...overrides,
  };
}

export function aGroupTrend(overrides: Partial<GroupTrend> = {}): GroupTrend {
  return {
    groupId: 'order-enricher',
    type: 'classic',
    state: 'Stable',
    lag: 250,
    lagSeconds: 4,
    consumeRate: 118,
    catchUpSeconds: 125,
    status: 'OK',
    rule: 'lag-decreasing',
    lagHistory: [400, 350, 300, 250],
    lagSecondsHistory: [7, 6, 5, 4],
    ...overrides,
  };
}

export function aMetricsOverview(overrides: Partial<MetricsOverview> = {}): MetricsOverview {
  return {
    asOf: AS_OF,
    intervalSeconds: 15,
    range: '1h',
    time: TIMES,
    topics: [aTopicTrend()],
    groups: [aGroupTrend()],
    ...overrides,
  };
}

export function aTopicMeasure(overrides: Partial<TopicMeasure> = {}): TopicMeasure {
  return { topic: 'shop.orders.events', partitions: 3, recordsPerSecond: 120, bytesPerSecond: 48_000, sizeBytes: 5_242_880, ...overrides };
}

export function aTopicHistory(overrides: Partial<TopicHistory> = {}): TopicHistory {
  return {
    topic: 'shop.orders.events',
    asOf: AS_OF,
    intervalSeconds: 15,
    range: '1h',
    time: TIMES,
    recordsPerSecond: [100, 110, null, 120],
    bytesPerSecond: [40_000, 44_000, null, 48_000],
    sizeBytes: [5_000_000, 5_100_000, 5_200_000, 5_242_880],
    current: aTopicMeasure(),
    ...overrides,
  };
}

export function aPartitionLagMeasure(overrides: Partial<PartitionLagMeasure> = {}): PartitionLagMeasure {
  return {
    topic: 'shop.orders.events',
    partition: 0,
    committedOffset: 750,
    endOffset: 1_000,
    lag: 250,
    lagSeconds: 4,
    status: 'OK',
    rule: 'lag-decreasing',
    ...overrides,
  };
}

export function aGroupMeasure(overrides: Partial<GroupMeasure> = {}): GroupMeasure {
  const { lagHistory: _lag, lagSecondsHistory: _seconds, ...trend } = aGroupTrend();
  return { ...trend, partitions: [aPartitionLagMeasure()], ...overrides };
}

export function aGroupHistory(overrides: Partial<GroupHistory> = {}): GroupHistory {
  return {
    groupId: 'order-enricher',
    asOf: AS_OF,
    intervalSeconds: 15,
    range: '1h',
    time: TIMES,
    lag: [400, 350, 300, 250],
    lagSeconds: [7, 6, 5, 4],
    consumeRate: [110, 115, null, 118],
    status: ['WARN', 'OK', null, 'OK'],
    current: aGroupMeasure(),
    ...overrides,
  };
}

export function anEndpoint(overrides: Partial<EndpointStatus> = {}): EndpointStatus {
  return { name: 'broker-1', kind: 'broker', url: 'http://127.0.0.1:9404/metrics', up: true, error: null, lastScrape: AS_OF, ...overrides };
}

export function anAppChart(overrides: Partial<AppChart> = {}): AppChart {
  return {
    id: 'broker-bytes-in',
    title: 'Bytes in',
    section: 'Brokers',
    unit: 'bytes/s',
    series: [{ label: 'broker-1', values: [1_000, 2_000, null, 1_500] }],
    ...overrides,
  };
}

export function anAppMetrics(overrides: Partial<AppMetrics> = {}): AppMetrics {
  return {
    asOf: AS_OF,
    intervalSeconds: 15,
    range: '1h',
    time: TIMES,
    endpoints: [anEndpoint()],
    charts: [anAppChart()],
    ...overrides,
  };
}
