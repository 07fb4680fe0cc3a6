import type { ClusterConfig, PrometheusEndpointConfig } from '../kafka/clusters-config';
import type { Logger } from '../shared/logger';
import { APP_CHARTS, readingsOf, type AppChartId, type Reading } from './app-metrics.charts';
import { MetricSeries, tiersFor } from './metric-series';
import { RANGE_MS, type AppChart, type AppMetrics, type EndpointStatus, type MetricsRange } from './metrics.model';
import { DEFAULT_METRICS_INTERVAL_S } from './metrics-settings';
import { scrapePrometheus, ScrapeError } from './prometheus-scrape';

/** Points per line in an answer: enough for a chart's width, small enough to send a week of a dozen charts. */
const MAX_POINTS = 240;

export interface AppMetricsOptions {
  /** Between two scrapes of every endpoint; default 15 s (see `metricsIntervalMs`). */
  intervalMs?: number;
  /** One scrape, connection to last byte; default the interval, at most 10 s. */
  timeoutMs?: number;
  logger?: Pick<Logger, 'info' | 'warn'>;
  /** The clock (epoch ms); specs give their own. */
  now?: () => number;
}

/** An endpoint of a cluster and how its scrapes went. */
interface EndpointState {
  config: PrometheusEndpointConfig;
  /** Its URL as shown: without a user or password. */
  shownUrl: string;
  up: boolean;
  error: string | null;
  lastScrape: number | null;
  /** Each counter's last value and when it was read, for its rate. */
  counters: Map<string, { time: number; value: number }>;
}

/** What is kept of one cluster. */
interface ClusterState {
  cluster: ClusterConfig;
  endpoints: EndpointState[];
  series: MetricSeries;
  /** The lines ever drawn on each chart: label → series name. */
  lines: Map<AppChartId, Map<string, string>>;
  /** When a scrape of it last answered (epoch ms). */
  asOf: number | null;
}

/**
 * Scrapes the Prometheus endpoints (`prometheus:`) of every cluster's brokers and apps on an
 * interval, each within a timeout and all at once, and keeps what the charts need, and only
 * that, as series in memory ({@link MetricSeries}: every scrape for an hour, minutes for a day,
 * ten minutes for a week). Counters are kept as rates per second. Nothing runs when no cluster
 * lists an endpoint; {@link close} stops it.
 */
export class AppMetricsService {
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly #states = new Map<string, ClusterState>();
  readonly #logger: AppMetricsOptions['logger'];
  readonly #now: () => number;
  readonly #stop = new AbortController();
  #timer: NodeJS.Timeout | undefined;
  #round: Promise<void> | undefined;

  constructor(clusters: readonly ClusterConfig[], options: AppMetricsOptions = {}) {
    this.intervalMs = options.intervalMs ?? DEFAULT_METRICS_INTERVAL_S * 1000;
    this.timeoutMs = options.timeoutMs ?? Math.min(10_000, this.intervalMs);
    this.#logger = options.logger;
    this.#now = options.now ?? Date.now;
    for (const cluster of clusters) {
      if (!cluster.prometheus?.length) continue;
      this.#states.set(cluster.name, {
        cluster,
        endpoints: cluster.prometheus.map((config) => ({
          config,
          shownUrl: withoutCredentials(config.url),
          up: false,
          error: null,
          lastScrape: null,
          counters: new Map(),
        })),
        series: new MetricSeries(tiersFor(this.intervalMs)),
        lines: new Map(),
        asOf: null,
      });
    }
  }

  /** Scrapes now and then on every interval, while some cluster lists endpoints (else it does nothing), until {@link close}. */
  start(): this {
    if (this.#states.size > 0 && !this.#stop.signal.aborted && !this.#timer) this.#schedule(0);
    return this;
  }

  /** Whether it scrapes on an interval: started, some cluster lists endpoints, and not closed. */
  get running(): boolean {
    return this.#timer !== undefined && !this.#stop.signal.aborted;
  }

  /** The answer of `GET /api/clusters/:cluster/metrics/apps`. */
  metrics(cluster: ClusterConfig, range: MetricsRange, now = this.#now()): AppMetrics {
    const intervalSeconds = this.intervalMs / 1000;
    const state = this.#states.get(cluster.name);
    if (!state) return { asOf: null, intervalSeconds, range, time: [], endpoints: [], charts: [] };
    const window = state.series.window(RANGE_MS[range], now, MAX_POINTS);
    const kinds = new Set(state.endpoints.map((endpoint) => endpoint.config.kind));
    const charts: AppChart[] = APP_CHARTS.filter((chart) => chart.kinds.some((kind) => kinds.has(kind))).map(({ kinds: _, ...chart }) => {
      const lines = [...(state.lines.get(chart.id) ?? [])].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
      const series: AppChart['series'] = [];
      for (const [label, name] of lines) {
        if (!state.series.has(name)) {
          state.lines.get(chart.id)?.delete(label); // gone from every tier: a deleted connector, a stopped app
          continue;
        }
        const values = window.values(name).map((value) => (value === null ? null : Number(value.toPrecision(6))));
        if (values.some((value) => value !== null)) series.push({ label, values });
      }
      return { ...chart, series };
    });
    return {
      asOf: state.asOf === null ? null : new Date(state.asOf).toISOString(),
      intervalSeconds,
      range,
      time: window.time,
      endpoints: state.endpoints.map(statusOf),
      charts,
    };
  }

  /** Scrapes every endpoint of every cluster once; resolves when all have answered or failed. */
  async scrapeAll(): Promise<void> {
    await Promise.all([...this.#states.values()].map((state) => this.#scrapeCluster(state)));
  }

  /** Stops scraping; a scrape in flight is cancelled. */
  async close(): Promise<void> {
    this.#stop.abort();
    clearTimeout(this.#timer);
    await this.#round?.catch(() => undefined);
  }

  #schedule(delayMs: number): void {
    this.#timer = setTimeout(() => {
      this.#round = this.scrapeAll().finally(() => {
        this.#round = undefined;
        // On the interval's boundaries, so each scrape falls in a step of its own in the series.
        if (!this.#stop.signal.aborted) this.#schedule(this.intervalMs - (this.#now() % this.intervalMs));
      });
    }, delayMs);
    this.#timer.unref();
  }

  async #scrapeCluster(state: ClusterState): Promise<void> {
    const time = this.#now();
    const readings = await Promise.all(state.endpoints.map((endpoint) => this.#scrapeEndpoint(state.cluster.name, endpoint)));
    if (this.#stop.signal.aborted) return;
    const values = combine(state, readings.flat());
    if (state.endpoints.some((endpoint) => endpoint.up)) state.asOf = time;
    // A line the scrape did not give (an endpoint down, a task gone) ends: a gap, not its last value.
    state.series.addAll(time, values);
  }

  /** One endpoint's readings, counters made rates; none when the scrape failed. */
  async #scrapeEndpoint(cluster: string, endpoint: EndpointState): Promise<Reading[]> {
    const { config } = endpoint;
    const time = this.#now();
    try {
      const samples = await scrapePrometheus(config.url, {
        timeoutMs: this.timeoutMs,
        keep: (name) => name.startsWith('kafka_'),
        signal: this.#stop.signal,
      });
      if (!endpoint.up && endpoint.lastScrape !== null)
        this.#logger?.info(`Prometheus endpoint ${config.name} of ${cluster} answers again`);
      endpoint.up = true;
      endpoint.error = null;
      endpoint.lastScrape = time;
      return rates(endpoint, time, readingsOf(config.kind, config.name, samples));
    } catch (err) {
      if (this.#stop.signal.aborted) return []; // cancelled by close(): says nothing of the endpoint
      const error = err instanceof ScrapeError ? err.message : `cannot be read (${(err as Error).message})`;
      if (endpoint.up || endpoint.error !== error)
        this.#logger?.warn(`Prometheus endpoint ${config.name} of ${cluster} (${endpoint.shownUrl}): ${error}`);
      endpoint.up = false;
      endpoint.error = error;
      return [];
    }
  }
}

/** Counters become their rate per second since the previous scrape; a first or reset counter gives none yet. */
function rates(endpoint: EndpointState, time: number, readings: Reading[]): Reading[] {
  const counters = new Map<string, { time: number; value: number }>();
  const result: Reading[] = [];
  for (const reading of readings) {
    if (reading.counter === undefined) {
      result.push(reading);
      continue;
    }
    counters.set(reading.counter, { time, value: reading.value });
    const previous = endpoint.counters.get(reading.counter);
    if (!previous || reading.value < previous.value || time <= previous.time) continue;
    result.push({ ...reading, value: ((reading.value - previous.value) * 1000) / (time - previous.time) });
  }
  // Only the counters this scrape saw: a finished task's are forgotten.
  endpoint.counters = counters;
  return result;
}

/** The readings of every endpoint of a cluster, one value per line; registers new lines. */
function combine(state: ClusterState, readings: Reading[]): Map<string, number> {
  const groups = new Map<string, { reading: Reading; sum: number; count: number; max: number }>();
  for (const reading of readings) {
    const key = `${reading.chart}\u0001${reading.line}`;
    const group = groups.get(key);
    if (group) {
      group.sum += reading.value;
      group.count += 1;
      group.max = Math.max(group.max, reading.value);
    } else {
      groups.set(key, { reading, sum: reading.value, count: 1, max: reading.value });
    }
  }
  const values = new Map<string, number>();
  for (const [key, { reading, sum, count, max }] of groups) {
    let lines = state.lines.get(reading.chart);
    if (!lines) state.lines.set(reading.chart, (lines = new Map()));
    lines.set(reading.line, key);
    values.set(key, reading.combine === 'sum' ? sum : reading.combine === 'max' ? max : sum / count);
  }
  return values;
}

function statusOf(endpoint: EndpointState): EndpointStatus {
  return {
    name: endpoint.config.name,
    kind: endpoint.config.kind,
    url: endpoint.shownUrl,
    up: endpoint.up,
    error: endpoint.error,
    lastScrape: endpoint.lastScrape === null ? null : new Date(endpoint.lastScrape).toISOString(),
  };
}

/** A URL without the user and password it may carry. */
function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  if (!parsed.username && !parsed.password) return url;
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}
