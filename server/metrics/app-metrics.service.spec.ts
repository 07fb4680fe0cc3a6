import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClusterConfig, PrometheusEndpointConfig } from '../kafka/clusters-config';
import { eventually } from '../testing/test-stack';
import { AppMetricsService } from './app-metrics.service';
import type { AppMetrics } from './metrics.model';
import { scrapePrometheus, ScrapeError } from './prometheus-scrape';

/** Prometheus endpoints on loopback whose answers a spec sets per path. */
class FakeEndpoints {
  readonly answers = new Map<string, { status?: number; body: string; delayMs?: number }>();
  readonly authorizations: (string | undefined)[] = [];
  #server: Server | undefined;
  base = '';

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      this.authorizations.push(req.headers.authorization);
      const answer = this.answers.get(req.url ?? '') ?? { status: 404, body: 'no such page' };
      setTimeout(() => {
        res.writeHead(answer.status ?? 200, { 'content-type': 'text/plain; version=0.0.4' }).end(answer.body);
      }, answer.delayMs ?? 0);
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => this.#server!.once('listening', resolve));
    this.base = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.#server?.closeAllConnections();
    return new Promise((resolve) => this.#server!.close(() => resolve()));
  }
}

const STEP = 15_000;
/** A time on a step boundary, as the service schedules its scrapes. */
const T0 = Math.floor(Date.UTC(2026, 10, 27, 12) / STEP) * STEP;

describe('AppMetricsService', () => {
  const endpoints = new FakeEndpoints();
  let clock = T0;
  let service: AppMetricsService | undefined;
  beforeAll(() => endpoints.start());
  afterAll(() => endpoints.stop());
  beforeEach(() => {
    endpoints.answers.clear();
    clock = T0;
  });
  afterEach(() => service?.close());

  const cluster = (prometheus: Omit<PrometheusEndpointConfig, 'url'>[], name = 'prod'): ClusterConfig => ({
    name,
    bootstrapServers: ['kafka:9092'],
    connect: [],
    prometheus: prometheus.map((endpoint) => ({
      name: endpoint.name,
      kind: endpoint.kind,
      url: `${endpoints.base}/${endpoint.name}/metrics`,
    })),
  });
  const serve = (endpoint: string, body: string) => endpoints.answers.set(`/${endpoint}/metrics`, { body });
  /** One scrape of everything at each of the given step numbers. */
  const scrapeAt = async (step: number) => {
    clock = T0 + step * STEP;
    await service!.scrapeAll();
  };
  const chart = (metrics: AppMetrics, id: string) => metrics.charts.find((candidate) => candidate.id === id);
  const line = (metrics: AppMetrics, id: string, label: string) => chart(metrics, id)?.series.find((s) => s.label === label)?.values;

  describe('brokers', () => {
    let prod: ClusterConfig;
    beforeEach(() => {
      prod = cluster([
        { name: 'broker-1', kind: 'broker' },
        { name: 'broker-2', kind: 'broker' },
      ]);
      service = new AppMetricsService([prod], { intervalMs: STEP, now: () => clock });
    });
    const broker = (bytesIn: number, bytesOut: number, produceP99 = 20, fetchP99 = 500) =>
      [
        '# TYPE kafka_server_bytes_in_total counter',
        `kafka_server_bytes_in_total ${bytesIn}`,
        `kafka_server_bytes_out_total ${bytesOut}`,
        `kafka_network_request_total_time_ms_p99{request="Produce"} ${produceP99}`,
        `kafka_network_request_total_time_ms_p99{request="FetchConsumer"} ${fetchP99}`,
        'jvm_memory_used_bytes{area="heap"} 1.2E8',
      ].join('\n');

    it('charts bytes in and out per broker as rates per second between scrapes', async () => {
      serve('broker-1', broker(1_000, 0));
      serve('broker-2', broker(5_000, 0));
      await scrapeAt(0);
      serve('broker-1', broker(16_000, 30_000));
      serve('broker-2', broker(5_000, 150));
      await scrapeAt(1);

      const metrics = service!.metrics(prod, '15m');

      expect(metrics.time).toEqual([T0, T0 + STEP]);
      expect(line(metrics, 'broker-bytes-in', 'broker-1')).toEqual([null, 1_000]);
      expect(line(metrics, 'broker-bytes-in', 'broker-2')).toEqual([null, 0]);
      expect(line(metrics, 'broker-bytes-out', 'broker-1')).toEqual([null, 2_000]);
      expect(line(metrics, 'broker-bytes-out', 'broker-2')).toEqual([null, 10]);
    });

    it('charts no rate where a counter went back (a restarted broker)', async () => {
      serve('broker-1', broker(10_000, 0));
      await scrapeAt(0);
      serve('broker-1', broker(25_000, 0));
      await scrapeAt(1);
      serve('broker-1', broker(300, 0));
      await scrapeAt(2);
      serve('broker-1', broker(15_300, 0));
      await scrapeAt(3);

      expect(line(service!.metrics(prod, '15m'), 'broker-bytes-in', 'broker-1')).toEqual([null, 1_000, null, 1_000]);
    });

    it('charts the Produce and consumer Fetch p99 per broker', async () => {
      serve('broker-1', broker(0, 0, 12.5, 503));
      serve('broker-2', broker(0, 0, 3, 499));
      await scrapeAt(0);

      const metrics = service!.metrics(prod, '1h');

      expect(line(metrics, 'broker-produce-p99', 'broker-1')).toEqual([12.5]);
      expect(line(metrics, 'broker-produce-p99', 'broker-2')).toEqual([3]);
      expect(line(metrics, 'broker-fetch-p99', 'broker-1')).toEqual([503]);
      expect(chart(metrics, 'broker-fetch-p99')).toEqual(
        jasmine.objectContaining({ title: 'Fetch request time (consumers), p99', section: 'Brokers', unit: 'ms' }),
      );
    });

    it('shows only the charts of the kinds of endpoint the cluster lists', async () => {
      serve('broker-1', broker(0, 0));
      await scrapeAt(0);

      const metrics = service!.metrics(prod, '1h');

      expect(metrics.charts.map((c) => c.id)).toEqual(['broker-bytes-in', 'broker-bytes-out', 'broker-produce-p99', 'broker-fetch-p99']);
      expect(metrics.intervalSeconds).toBe(15);
      expect(metrics.range).toBe('1h');
      expect(metrics.asOf).toBe(new Date(T0).toISOString());
    });

    it('reports each endpoint: up with its last scrape, or down with the reason in plain words', async () => {
      serve('broker-1', broker(0, 0));
      await scrapeAt(0);
      endpoints.answers.delete('/broker-1/metrics');
      await scrapeAt(1);

      expect(service!.metrics(prod, '1h').endpoints).toEqual([
        {
          name: 'broker-1',
          kind: 'broker',
          url: `${endpoints.base}/broker-1/metrics`,
          up: false,
          error: 'answered HTTP 404 Not Found instead of metrics',
          lastScrape: new Date(T0).toISOString(),
        },
        {
          name: 'broker-2',
          kind: 'broker',
          url: `${endpoints.base}/broker-2/metrics`,
          up: false,
          error: 'answered HTTP 404 Not Found instead of metrics',
          lastScrape: null,
        },
      ]);
    });

    it('leaves out a line with no value in the range asked for', async () => {
      serve('broker-1', broker(0, 0));
      serve('broker-2', broker(0, 0));
      await scrapeAt(0);
      endpoints.answers.delete('/broker-2/metrics');
      for (let step = 1; step <= 80; step++) await scrapeAt(step);

      const lastQuarter = service!.metrics(prod, '15m');
      const lastHour = service!.metrics(prod, '1h');

      expect(chart(lastQuarter, 'broker-produce-p99')?.series.map((s) => s.label)).toEqual(['broker-1']);
      expect(chart(lastHour, 'broker-produce-p99')?.series.map((s) => s.label)).toEqual(['broker-1', 'broker-2']);
      // From 15 minutes before the last scrape, both ends included.
      expect(lastQuarter.time.length).toBe(61);
    });
  });

  describe('failures, in plain words', () => {
    const statusAfterOneScrape = async (url: string, options: { timeoutMs?: number } = {}) => {
      const prod: ClusterConfig = {
        name: 'prod',
        bootstrapServers: ['kafka:9092'],
        connect: [],
        prometheus: [{ name: 'x', kind: 'broker', url }],
      };
      service = new AppMetricsService([prod], { intervalMs: STEP, now: () => clock, ...options });
      await scrapeAt(0);
      return service.metrics(prod, '1h').endpoints[0]!;
    };

    it('nothing listening', async () => {
      expect((await statusAfterOneScrape('http://127.0.0.1:1/metrics')).error).toBe('nothing listens at 127.0.0.1:1 (connection refused)');
    });

    it('no answer within the timeout', async () => {
      endpoints.answers.set('/slow/metrics', { body: 'kafka_server_bytes_in_total 1', delayMs: 2_000 });
      const status = await statusAfterOneScrape(`${endpoints.base}/slow/metrics`, { timeoutMs: 200 });
      expect(status.error).toBe('no answer within 0.2 s');
      expect(status.up).toBeFalse();
    });

    it('an answer that is not metrics', async () => {
      endpoints.answers.set('/html/metrics', { body: '<html><body>Welcome</body></html>' });
      expect((await statusAfterOneScrape(`${endpoints.base}/html/metrics`)).error).toBe(
        'answered something that is not Prometheus metrics (line 1: expected a metric name at column 1, found "<html><body>Welcome<")',
      );
    });

    it('an answer too large to be what the charts need', async () => {
      endpoints.answers.set('/huge/metrics', { body: `${'kafka_server_bytes_in_total 1\n'.repeat(100)}` });
      await expectAsync(scrapePrometheus(`${endpoints.base}/huge/metrics`, { timeoutMs: 1_000, maxBytes: 1_000 })).toBeRejectedWithError(
        ScrapeError,
        /^answered more than .* MiB of metrics: let the exporter keep only the MBeans the console charts/,
      );
    });

    it('a host that does not exist', async () => {
      expect((await statusAfterOneScrape('http://no-such-host.invalid:7071/metrics')).error).toBe(
        'the host no-such-host.invalid is not known (DNS lookup failed)',
      );
    });
  });

  it('sends the user and password of the URL as basic auth, and never shows them', async () => {
    serve('secured', 'kafka_server_bytes_in_total 1');
    const prod: ClusterConfig = {
      name: 'prod',
      bootstrapServers: ['kafka:9092'],
      connect: [],
      prometheus: [{ name: 'secured', kind: 'broker', url: endpoints.base.replace('//', '//scraper:s%3Acret@') + '/secured/metrics' }],
    };
    service = new AppMetricsService([prod], { intervalMs: STEP, now: () => clock });
    endpoints.authorizations.length = 0;
    await scrapeAt(0);

    const status = service.metrics(prod, '1h').endpoints[0]!;
    expect(status.up).toBeTrue();
    expect(status.url).toBe(`${endpoints.base}/secured/metrics`);
    expect(endpoints.authorizations).toEqual([`Basic ${Buffer.from('scraper:s:cret').toString('base64')}`]);
  });

  describe('Connect workers', () => {
    it('charts tasks by status and record rates per connector, over every worker and task', async () => {
      const prod = cluster([
        { name: 'worker-1', kind: 'connect' },
        { name: 'worker-2', kind: 'connect' },
      ]);
      service = new AppMetricsService([prod], { intervalMs: STEP, now: () => clock });
      const worker = (written: [number, number], sent: number) =>
        [
          'kafka_connect_connector_tasks{connector="orders-cdc",status="running"} 1.0',
          'kafka_connect_connector_tasks{connector="orders-cdc",status="failed"} 1.0',
          'kafka_connect_connector_tasks{connector="orders-cdc",status="destroyed"} 0.0',
          'kafka_connect_connector_tasks{connector="orders-sink",status="running"} 2.0',
          `kafka_connect_source_task_records_written_total{connector="orders-cdc",task="0"} ${written[0]}`,
          `kafka_connect_source_task_records_written_total{connector="orders-cdc",task="1"} ${written[1]}`,
          `kafka_connect_sink_task_records_sent_total{connector="orders-sink",task="0"} ${sent}`,
        ].join('\n');
      serve('worker-1', worker([0, 0], 0));
      serve('worker-2', '# no connectors here yet\n');
      await scrapeAt(0);
      serve('worker-1', worker([150, 300], 75));
      serve('worker-2', worker([0, 0], 0));
      await scrapeAt(1);

      const metrics = service.metrics(prod, '15m');

      expect(chart(metrics, 'connect-tasks')?.series).toEqual([
        { label: 'failed', values: [1, 2] },
        { label: 'paused', values: [0, 0] },
        { label: 'restarting', values: [0, 0] },
        { label: 'running', values: [3, 6] },
        { label: 'unassigned', values: [0, 0] },
      ]);
      // worker-2's counters were first read at the second scrape: they give no rate yet.
      expect(line(metrics, 'connect-source-rate', 'orders-cdc')).toEqual([null, 30]);
      expect(line(metrics, 'connect-sink-rate', 'orders-sink')).toEqual([null, 5]);
      expect(metrics.charts.map((c) => c.section)).toEqual([
        'Connect',
        'Connect',
        'Connect',
        'Consumers',
        'Consumers',
        'Consumers',
        'Producers',
      ]);
    });
  });

  describe('Kafka Streams apps', () => {
    const thread = (app: string, n = 1) => `${app}-05e20bbe-4542-4ee8-b038-6c4067a68331-StreamThread-${n}`;
    const streams = (processed: [number, number, number]) =>
      [
        `kafka_streams_thread_process_total{thread_id="${thread('order-enricher')}"} ${processed[0]}`,
        `kafka_streams_thread_process_total{thread_id="${thread('order-enricher', 2)}"} ${processed[1]}`,
        `kafka_streams_thread_process_total{thread_id="${thread('payment-matcher')}"} ${processed[2]}`,
        `kafka_streams_thread_process_latency_avg_ms{thread_id="${thread('order-enricher')}"} 0.2`,
        `kafka_streams_thread_process_latency_avg_ms{thread_id="${thread('order-enricher', 2)}"} 0.4`,
        `kafka_streams_thread_process_latency_max_ms{thread_id="${thread('order-enricher')}"} 3`,
        `kafka_streams_thread_process_latency_max_ms{thread_id="${thread('order-enricher', 2)}"} 7`,
        `kafka_streams_thread_commit_latency_avg_ms{thread_id="${thread('payment-matcher')}"} NaN`,
        `kafka_streams_thread_commit_latency_max_ms{thread_id="${thread('payment-matcher')}"} 12`,
        // Three tasks' stores share one cache; a window store has no segment yet; another store has a cache of its own.
        ...['1_0', '1_1', '1_2'].flatMap((task) => [
          `kafka_streams_rocksdb_block_cache_usage_bytes{store="orders-store",task_id="${task}",thread_id="${thread('order-enricher')}"} 262320.0`,
          `kafka_streams_rocksdb_block_cache_capacity_bytes{store="orders-store",task_id="${task}",thread_id="${thread('order-enricher')}"} 1.6777216E7`,
          `kafka_streams_rocksdb_size_all_mem_tables_bytes{store="orders-store",task_id="${task}",thread_id="${thread('order-enricher')}"} 6144.0`,
        ]),
        `kafka_streams_rocksdb_block_cache_usage_bytes{store="join-store",task_id="1_0",thread_id="${thread('payment-matcher')}"} 0.0`,
        `kafka_streams_rocksdb_block_cache_capacity_bytes{store="join-store",task_id="1_0",thread_id="${thread('payment-matcher')}"} 0.0`,
        `kafka_streams_rocksdb_block_cache_usage_bytes{store="own-store",task_id="0_0",thread_id="${thread('payment-matcher')}"} 1000.0`,
        `kafka_streams_rocksdb_block_cache_capacity_bytes{store="own-store",task_id="0_0",thread_id="${thread('payment-matcher')}"} 5.0E7`,
        `kafka_streams_rocksdb_size_all_mem_tables_bytes{store="own-store",task_id="0_0",thread_id="${thread('payment-matcher')}"} 2048`,
        `kafka_producer_batch_size_avg_bytes{client_id="${thread('order-enricher')}-producer"} 4096.5`,
        `kafka_producer_record_size_avg_bytes{client_id="${thread('order-enricher')}-producer"} 120`,
        `kafka_producer_batch_size_avg_bytes{client_id="${thread('payment-matcher')}-producer"} NaN`,
      ].join('\n');

    it('charts process rate and latencies per application, RocksDB memory per JVM, and producer sizes per client', async () => {
      const prod = cluster([{ name: 'streams-app', kind: 'streams' }]);
      service = new AppMetricsService([prod], { intervalMs: STEP, now: () => clock });
      serve('streams-app', streams([0, 0, 0]));
      await scrapeAt(0);
      serve('streams-app', streams([300, 150, 30]));
      await scrapeAt(1);

      const metrics = service.metrics(prod, '15m');

      expect(chart(metrics, 'streams-process-rate')?.series).toEqual([
        { label: 'order-enricher', values: [null, 30] },
        { label: 'payment-matcher', values: [null, 2] },
      ]);
      expect(chart(metrics, 'streams-process-latency')?.series).toEqual([
        { label: 'order-enricher avg', values: [0.3, 0.3] },
        { label: 'order-enricher max', values: [7, 7] },
      ]);
      // An average not measured yet (NaN) draws nothing.
      expect(chart(metrics, 'streams-commit-latency')?.series).toEqual([{ label: 'payment-matcher max', values: [12, 12] }]);
      expect(line(metrics, 'streams-rocksdb-block-cache', 'streams-app')).toEqual([263320, 263320]);
      expect(line(metrics, 'streams-rocksdb-memtables', 'streams-app')).toEqual([3 * 6144 + 2048, 3 * 6144 + 2048]);
      expect(chart(metrics, 'producer-batch-vs-record-size')?.series).toEqual([
        { label: 'order-enricher-StreamThread-1-producer batch', values: [4096.5, 4096.5] },
        { label: 'order-enricher-StreamThread-1-producer record', values: [120, 120] },
      ]);
    });

    it("charts each group's consumers as one line: records consumed and commits summed, the longest gap between polls", async () => {
      const consumer = (app: string, n: number) => `${thread(app, n)}-consumer`;
      const prod = cluster([{ name: 'streams-app', kind: 'streams' }]);
      service = new AppMetricsService([prod], { intervalMs: STEP, now: () => clock });
      serve(
        'streams-app',
        [
          `kafka_consumer_records_consumed_rate{client_id="${consumer('order-enricher', 1)}"} 4`,
          `kafka_consumer_records_consumed_rate{client_id="${consumer('order-enricher', 2)}"} 6`,
          `kafka_consumer_time_between_poll_max_ms{client_id="${consumer('order-enricher', 1)}"} 180`,
          `kafka_consumer_time_between_poll_max_ms{client_id="${consumer('order-enricher', 2)}"} 360`,
          `kafka_consumer_commit_rate{client_id="${consumer('order-enricher', 1)}"} 0.5`,
          `kafka_consumer_commit_rate{client_id="${consumer('order-enricher', 2)}"} 0.5`,
          // A restore consumer names no group: left out.
          `kafka_consumer_records_consumed_rate{client_id="${thread('order-enricher')}-restore-consumer"} 99`,
        ].join('\n'),
      );
      await scrapeAt(0);

      const metrics = service.metrics(prod, '15m');

      expect(chart(metrics, 'consumer-records-rate')?.series).toEqual([{ label: 'order-enricher', values: [10] }]);
      expect(chart(metrics, 'consumer-poll-gap')?.series).toEqual([{ label: 'order-enricher', values: [360] }]);
      expect(chart(metrics, 'consumer-commit-rate')?.series).toEqual([{ label: 'order-enricher', values: [1] }]);
    });
  });

  it('answers an empty answer for a cluster without endpoints, and never scrapes for it', async () => {
    const quiet: ClusterConfig = { name: 'quiet', bootstrapServers: ['kafka:9092'], connect: [] };
    service = new AppMetricsService([quiet], { intervalMs: STEP }).start();

    expect(service.running).toBeFalse();
    expect(service.metrics(quiet, '6h')).toEqual({ asOf: null, intervalSeconds: 15, range: '6h', time: [], endpoints: [], charts: [] });
  });

  it('scrapes at once when started and on the interval, until closed', async () => {
    serve('broker-1', 'kafka_server_bytes_in_total 1');
    const prod = cluster([{ name: 'broker-1', kind: 'broker' }]);
    service = new AppMetricsService([prod], { intervalMs: 200 }).start();
    expect(service.running).toBeTrue();
    const scrapes = () => endpoints.authorizations.length;
    endpoints.authorizations.length = 0;

    expect(await eventually(async () => scrapes() >= 3, 3_000))
      .withContext(`${scrapes()} scrapes`)
      .toBeTrue();
    await service.close();
    // A request cancelled by close() may still reach the server a moment later.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const afterClose = scrapes();
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(service.running).toBeFalse();
    expect(scrapes()).toBe(afterClose);
    expect(service.metrics(prod, '15m').endpoints[0]?.up).toBeTrue();
  });
});
