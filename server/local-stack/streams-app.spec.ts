import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DemoMonolith } from '../demo/demo-monolith';
import { Admin } from '../kafka/client';
import { parsePrometheusText, type PrometheusSample } from '../metrics/prometheus-text';
import { TEST_CONNECT_URL } from '../testing/test-connect';
import { TEST_BOOTSTRAP } from '../testing/test-kafka';
import { removeSpecStreamsApp } from '../testing/test-streams-app';
import { eventually, TEST_STACK } from '../testing/test-stack';
import { isAlive } from './processes';
import { startDemoStreamsApp, streamsAppFiles, type DemoStreamsApp } from './streams-app';

/**
 * The demo's real Kafka Streams app on the test stack, with application ids and topics of its
 * own, fed as in the demo: the monolith appends to a file a FileStreamSource connector publishes.
 */
describe('the demo Kafka Streams app (startDemoStreamsApp)', () => {
  const suffix = randomUUID().slice(0, 8);
  const applicationIds = { paymentMatcher: `spec-payment-matcher-${suffix}`, orderEnricher: `spec-order-enricher-${suffix}` };
  const topics = {
    domainEvents: `spec.streams.domain-events.${suffix}`,
    orders: `spec.streams.orders.${suffix}`,
    payments: `spec.streams.payments.${suffix}`,
    matches: `spec.streams.matches.${suffix}`,
    enriched: `spec.streams.enriched.${suffix}`,
  };
  const instance = `streams-spec-${suffix}`;
  // Beside the stack's own Streams app port (kafkaPort + 32), should the demo run on this stack.
  const metricsPort = TEST_STACK.kafkaPort + 34;
  const connector = `spec.streams-source.${suffix}`;
  const exportDir = mkdtempSync(join(tmpdir(), 'kpc-spec-streams-'));
  const exportFile = join(exportDir, 'domain_events.jsonl');
  const admin = new Admin({ clientId: 'kpc-spec', bootstrapBrokers: TEST_BOOTSTRAP });
  let app: DemoStreamsApp;
  let monolith: DemoMonolith;

  const recordCount = async (topic: string): Promise<number> => {
    const metadata = await admin.metadata({ topics: [topic], forceUpdate: true });
    const partitions = metadata.topics.get(topic)?.partitionsCount ?? 0;
    const [latest] = await admin.listOffsets({
      topics: [
        { name: topic, partitions: Array.from({ length: partitions }, (_, partitionIndex) => ({ partitionIndex, timestamp: -1n })) },
      ],
    });
    return (latest?.partitions ?? []).reduce((sum, partition) => sum + Number(partition.offset), 0);
  };
  const connect = (method: string, path: string, body?: unknown) =>
    fetch(TEST_CONNECT_URL + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    writeFileSync(exportFile, '');
    // Started first: it creates the topics it reads and writes (the connector's too).
    app = await startDemoStreamsApp({
      bootstrapServers: TEST_BOOTSTRAP.join(','),
      dataDir: TEST_STACK.dataDir,
      applicationIds,
      topics,
      partitions: 3,
      instance,
      metricsPort,
      log: () => undefined,
    });
    const created = await connect('POST', '/connectors', {
      name: connector,
      config: {
        'connector.class': 'FileStreamSource',
        file: exportFile,
        topic: topics.domainEvents,
        'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
        'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
      },
    });
    expect(created.status).toBe(201);
    // Fast, so payments follow their orders within seconds.
    monolith = await DemoMonolith.open(exportFile, { eventsPerSecond: 20 });
    monolith.start();
  }, 150_000);

  afterAll(async () => {
    await monolith?.stop();
    await connect('DELETE', `/connectors/${encodeURIComponent(connector)}`).catch(() => undefined);
    if (app) {
      await app.stop();
      // Stopped with its pid file, as `kafka:down` stops it too.
      expect(isAlive(app.pid)).toBeFalse();
      expect(existsSync(streamsAppFiles(TEST_STACK.dataDir, instance).pidFile)).toBeFalse();
    }
    await removeSpecStreamsApp(admin, { applicationIds, topics, instance, topologyFiles: app?.topologyFiles });
    await admin.close();
    rmSync(exportDir, { recursive: true, force: true });
  }, 60_000);

  it('runs both apps as streams groups (KIP-1071) on the broker', async () => {
    const groups = await admin.listGroups({ types: ['streams'] });
    for (const id of Object.values(applicationIds)) {
      expect(groups.get(id)?.groupType).withContext(id).toBe('streams');
    }
  });

  it('has the broker create their changelog and repartition topics', async () => {
    const expected = [
      `${applicationIds.orderEnricher}-orders-store-changelog`,
      `${applicationIds.orderEnricher}-orders-by-id-repartition`,
      `${applicationIds.paymentMatcher}-order-payments-this-join-store-changelog`,
      `${applicationIds.paymentMatcher}-order-payments-other-join-store-changelog`,
    ];
    let missing = expected;
    await eventually(async () => {
      const existing = new Set(await admin.listTopics());
      missing = expected.filter((topic) => !existing.has(topic));
      return missing.length === 0;
    }, 15_000);
    expect(missing).toEqual([]);
  });

  it("writes each app's own Topology#describe() to its file", () => {
    const matcher = readFileSync(app.topologyFiles.paymentMatcher, 'utf8');
    expect(matcher).toContain('Sub-topology: 0');
    expect(matcher).toContain(`Source: domain-events (topics: [${topics.domainEvents}])`);
    expect(matcher).toContain(`Sink: to-orders (topic: ${topics.orders})`);
    expect(matcher).toContain('Sub-topology: 1');
    expect(matcher).toContain(`Sink: to-matches (topic: ${topics.matches})`);
    const enricher = readFileSync(app.topologyFiles.orderEnricher, 'utf8');
    expect(enricher).toContain('Sink: orders-by-id-repartition-sink (topic: orders-by-id-repartition)');
    expect(enricher).toContain('Processor: enrich (stores: [orders-store])');
  });

  it('routes, joins and aggregates what the monolith appends: both output topics grow', async () => {
    const outputs = [topics.orders, topics.payments, topics.matches, topics.enriched];
    let counts: number[] = [];
    const allReceived = await eventually(async () => {
      counts = await Promise.all(outputs.map(recordCount));
      return counts.every((count) => count > 0);
    }, 40_000);
    expect(allReceived)
      .withContext(`records in ${outputs.join(', ')}: ${counts.join(', ')}`)
      .toBeTrue();

    const before = counts;
    const grew = await eventually(async () => {
      counts = await Promise.all(outputs.map(recordCount));
      return counts[2]! > before[2]! && counts[3]! > before[3]!;
    }, 20_000);
    expect(grew).withContext(`matches ${before[2]} → ${counts[2]}, enriched ${before[3]} → ${counts[3]}`).toBeTrue();
  }, 70_000);

  it("serves its stream threads', RocksDB stores', producers' and consumers' metrics to Prometheus, and only those", async () => {
    expect(app.prometheus).toEqual({ name: instance, kind: 'streams', url: `http://127.0.0.1:${metricsPort}/metrics` });
    const ofEnricher = (sample: PrometheusSample) => sample.labels['thread_id']?.startsWith(`${applicationIds.orderEnricher}-`) ?? false;
    let size = 0;
    let samples: PrometheusSample[] = [];
    const find = (name: string, test: (sample: PrometheusSample) => boolean = () => true) =>
      samples.filter((sample) => sample.name === name && test(sample));
    const processing = await eventually(async () => {
      const text = await (await fetch(app.prometheus.url)).text();
      size = text.length;
      samples = parsePrometheusText(text);
      return find('kafka_streams_thread_process_total', ofEnricher).some((sample) => sample.value > 0);
    }, 40_000);
    expect(processing).withContext('the enricher thread processed records').toBeTrue();

    // Each of the enricher's tasks (3 partitions) has its orders-store, and a RocksDB behind it.
    const ordersStore = (sample: PrometheusSample) => ofEnricher(sample) && sample.labels['store'] === 'orders-store';
    expect(find('kafka_streams_rocksdb_block_cache_usage_bytes', ordersStore).length).toBe(3);
    expect(find('kafka_streams_rocksdb_block_cache_capacity_bytes', ordersStore).map((sample) => sample.value)).toEqual([
      16 * 1024 * 1024,
      16 * 1024 * 1024,
      16 * 1024 * 1024,
    ]);
    expect(find('kafka_streams_rocksdb_size_all_mem_tables_bytes', ordersStore).every((sample) => sample.value > 0)).toBeTrue();
    for (const name of [
      'kafka_streams_thread_process_latency_avg_ms',
      'kafka_streams_thread_process_latency_max_ms',
      'kafka_streams_thread_commit_latency_avg_ms',
      'kafka_streams_thread_commit_latency_max_ms',
    ]) {
      expect(find(name, ofEnricher).length).withContext(name).toBe(1);
    }
    expect(find('kafka_producer_batch_size_avg_bytes').length).toBeGreaterThan(0);
    expect(find('kafka_producer_record_size_avg_bytes').length).toBeGreaterThan(0);
    // The agent reads only the MBeans the charts use: the rest is its own JVM figures.
    const kafkaNames = new Set(samples.filter((sample) => sample.name.startsWith('kafka_')).map((sample) => sample.name));
    expect([...kafkaNames].sort()).toEqual([
      'kafka_consumer_commit_rate',
      'kafka_consumer_poll_idle_ratio',
      'kafka_consumer_records_consumed_rate',
      'kafka_consumer_time_between_poll_avg_ms',
      'kafka_consumer_time_between_poll_max_ms',
      'kafka_producer_batch_size_avg_bytes',
      'kafka_producer_record_size_avg_bytes',
      'kafka_streams_rocksdb_block_cache_capacity_bytes',
      'kafka_streams_rocksdb_block_cache_usage_bytes',
      'kafka_streams_rocksdb_size_all_mem_tables_bytes',
      'kafka_streams_thread_commit_latency_avg_ms',
      'kafka_streams_thread_commit_latency_max_ms',
      'kafka_streams_thread_process_latency_avg_ms',
      'kafka_streams_thread_process_latency_max_ms',
      'kafka_streams_thread_process_total',
    ]);
    expect(size).toBeLessThan(64 * 1024);
  }, 50_000);

  it('is reused by a second start with the same settings', async () => {
    const again = await startDemoStreamsApp({
      bootstrapServers: TEST_BOOTSTRAP.join(','),
      dataDir: TEST_STACK.dataDir,
      applicationIds,
      topics,
      partitions: 3,
      instance,
      metricsPort,
      log: () => undefined,
    });
    expect(again.started).toBeFalse();
    expect(again.pid).toBe(app.pid);
    expect(again.topologyFiles).toEqual(app.topologyFiles);
  }, 40_000);
});
