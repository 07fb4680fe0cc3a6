import { appendFileSync } from 'node:fs';
import { useTestApi } from '../testing/spec-setup';
import { testClusters } from '../testing/test-api';
import { eventually, testStackPrometheus } from '../testing/test-stack';
import type { AppMetrics } from './metrics.model';

/**
 * The app metrics route on the real test stack, whose broker and Connect worker run the JMX
 * exporter agent (server/local-stack/jmx-exporter.ts), scraped every second here.
 */
describe('GET /api/clusters/:cluster/metrics/apps', () => {
  const NOWHERE = 'http://127.0.0.1:1/metrics';
  const { api, connect } = useTestApi(
    () => {
      const [local, unreachable] = testClusters();
      return [{ ...local!, prometheus: [...testStackPrometheus(), { name: 'nowhere', kind: 'streams', url: NOWHERE }] }, unreachable!];
    },
    () => ({ metricsIntervalMs: 1_000 }),
  );
  const appMetrics = async (range = '15m') => {
    const res = await api.get<AppMetrics>(`/api/clusters/local/metrics/apps?range=${range}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const values = (metrics: AppMetrics, chart: string, label: string) =>
    metrics.charts.find((candidate) => candidate.id === chart)?.series.find((series) => series.label === label)?.values ?? [];

  it('charts the bytes the broker takes in: the rate climbs after records are produced', async () => {
    const topic = await api.kafka.createTopic('app-metrics');
    // Two scrapes first, so the rate before producing is known.
    await eventually(async () => values(await appMetrics(), 'broker-bytes-in', 'broker-1').some((value) => value !== null), 10_000);
    const before = (await appMetrics()).time.at(-1)!;

    await api.kafka.produceMany(topic, 1_000, (index) => ({ value: `${index}:${'x'.repeat(1_000)}`, partition: 0 }));

    let metrics = await appMetrics();
    const climbed = await eventually(async () => {
      metrics = await appMetrics();
      const after = values(metrics, 'broker-bytes-in', 'broker-1').filter((_, index) => metrics.time[index]! > before);
      // A megabyte in at most a couple of seconds: well above what the idle stack writes.
      return after.some((value) => value !== null && value > 100_000);
    }, 15_000);
    expect(climbed)
      .withContext(`bytes in per second: ${JSON.stringify(values(metrics, 'broker-bytes-in', 'broker-1'))}`)
      .toBeTrue();
    const chart = metrics.charts.find((candidate) => candidate.id === 'broker-bytes-in')!;
    expect(chart).toEqual(jasmine.objectContaining({ title: 'Bytes in', section: 'Brokers', unit: 'bytes/s' }));
    expect(chart.series.every((series) => series.values.length === metrics.time.length)).toBeTrue();
    expect(values(metrics, 'broker-produce-p99', 'broker-1').some((value) => value !== null && value >= 0)).toBeTrue();
  }, 40_000);

  it('reports the broker and Connect up, and an endpoint nothing listens on down, in plain words', async () => {
    let metrics = await appMetrics();
    await eventually(async () => {
      metrics = await appMetrics();
      return metrics.endpoints.filter((endpoint) => endpoint.up).length === 2 && metrics.endpoints.some((e) => e.error);
    }, 10_000);

    const [broker, worker] = testStackPrometheus();
    expect(metrics.endpoints).toEqual([
      { name: 'broker-1', kind: 'broker', url: broker!.url, up: true, error: null, lastScrape: jasmine.any(String) },
      { name: 'connect', kind: 'connect', url: worker!.url, up: true, error: null, lastScrape: jasmine.any(String) },
      {
        name: 'nowhere',
        kind: 'streams',
        url: NOWHERE,
        up: false,
        error: 'nothing listens at 127.0.0.1:1 (connection refused)',
        lastScrape: null,
      },
    ]);
    expect(Date.now() - Date.parse(metrics.endpoints[0]!.lastScrape!)).toBeLessThan(10_000);
    expect(metrics.asOf).not.toBeNull();
    expect(metrics.intervalSeconds).toBe(1);
    // Every kind listed has its charts, the Streams ones empty while their endpoint is down.
    expect(new Set(metrics.charts.map((chart) => chart.section))).toEqual(
      new Set(['Brokers', 'Connect', 'Streams', 'Consumers', 'Producers']),
    );
    expect(metrics.charts.filter((chart) => chart.section === 'Streams').every((chart) => chart.series.length === 0)).toBeTrue();
  });

  it("charts Connect's running tasks and a source connector's records per second", async () => {
    const source = await connect.source('app-metrics-source', ['first line']);
    await connect.untilRecordCount(source.topic, 1);
    // Its task's count is read once before the file grows: the next scrapes give a rate.
    await eventually(async () => values(await appMetrics(), 'connect-source-rate', source.name).length > 0, 10_000);
    appendFileSync(source.file, Array.from({ length: 2_000 }, (_, index) => `line ${index}\n`).join(''));

    let metrics = await appMetrics();
    const charted = await eventually(async () => {
      metrics = await appMetrics();
      const running = values(metrics, 'connect-tasks', 'running').at(-1) ?? 0;
      return running >= 1 && values(metrics, 'connect-source-rate', source.name).some((value) => value !== null && value > 0);
    }, 15_000);
    expect(charted)
      .withContext(JSON.stringify(metrics.charts.filter((chart) => chart.section === 'Connect')))
      .toBeTrue();
    expect(values(metrics, 'connect-tasks', 'failed').at(-1)).toBe(0);
  }, 40_000);

  it('answers an empty answer for a cluster that lists no endpoint', async () => {
    const res = await api.get<AppMetrics>('/api/clusters/unreachable/metrics/apps');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ asOf: null, intervalSeconds: 1, range: '1h', time: [], endpoints: [], charts: [] });
  });

  it('refuses a range it does not know, naming the ones it does', async () => {
    const res = await api.get('/api/clusters/local/metrics/apps?range=2h');

    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'The request query is not valid: range: use one of 15m, 1h, 6h, 24h, 7d',
    });
  });

  it('answers 404 for a cluster that is not configured', async () => {
    const res = await api.get('/api/clusters/nope/metrics/apps?range=1h');

    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('CLUSTER_NOT_FOUND');
  });
});
