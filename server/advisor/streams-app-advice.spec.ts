import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes, IncrementalAlterConfigOperationTypes } from '../kafka/client';
import { metricsUrl } from '../local-stack/jmx-exporter';
import { startDemoStreamsApp, type DemoStreamsApp } from '../local-stack/streams-app';
import { useTestApi } from '../testing/spec-setup';
import { testClusters } from '../testing/test-api';
import { TEST_BOOTSTRAP } from '../testing/test-kafka';
import { removeSpecStreamsApp } from '../testing/test-streams-app';
import { eventually, TEST_STACK } from '../testing/test-stack';
import { ROCKSDB_DEFAULTS, rocksDbStoreBytes, type AdvisorReport, type Finding } from './advisor.model';

const MiB = 1024 * 1024;
/** What order-enricher takes for each domain event. */
const SLOW_MS = 800;

/**
 * The demo's real Kafka Streams app, with application ids and topics of its own on 3
 * partitions: payment-matcher joins in a window (two windowed stores), order-enricher keeps one
 * key-value store. Both share one small block cache (the demo's BoundedRocksDbMemory).
 * Order-enricher works 800 ms on each domain event: a slow consumer.
 */
describe('the Advisor on the demo Kafka Streams app', () => {
  const suffix = randomUUID().slice(0, 8);
  const applicationIds = { paymentMatcher: `spec-adv-matcher-${suffix}`, orderEnricher: `spec-adv-enricher-${suffix}` };
  const topics = {
    domainEvents: `spec.adv-streams.domain-events.${suffix}`,
    orders: `spec.adv-streams.orders.${suffix}`,
    payments: `spec.adv-streams.payments.${suffix}`,
    matches: `spec.adv-streams.matches.${suffix}`,
    enriched: `spec.adv-streams.enriched.${suffix}`,
  };
  const instance = `streams-adv-spec-${suffix}`;
  // Beside the stack's Streams app (kafkaPort + 32) and the demo app's own spec (+ 34).
  const metricsPort = TEST_STACK.kafkaPort + 36;
  const { api } = useTestApi(
    () => [{ ...testClusters()[0]!, prometheus: [{ name: instance, kind: 'streams', url: metricsUrl(metricsPort) }] }],
    // Sampled, for the records a second written to the topics the apps read.
    () => ({ metrics: { intervalMs: 1_000, retentionMs: 3_600_000 } }),
  );
  const matcherChangelogs = ['this', 'other'].map((side) => `${applicationIds.paymentMatcher}-order-payments-${side}-join-store-changelog`);
  let app: DemoStreamsApp | undefined;

  const advice = async () => (await api.get<AdvisorReport>('/api/clusters/local/advisor')).body;
  const findingOf = (report: AdvisorReport, id: string): Finding | undefined => report.findings.find((finding) => finding.id === id);

  beforeAll(async () => {
    app = await startDemoStreamsApp({
      bootstrapServers: TEST_BOOTSTRAP.join(','),
      dataDir: TEST_STACK.dataDir,
      applicationIds,
      topics,
      partitions: 3,
      processDelayMs: SLOW_MS,
      instance,
      metricsPort,
      log: () => undefined,
    });
    // An order and its payment: the join's window stores open their first segments.
    await api.kafka.produce(topics.orders, [{ key: 'order-1', value: '{"type":"OrderPlaced","aggregateId":"order-1"}' }]);
    await api.kafka.produce(topics.payments, [{ key: 'order-1', value: '{"type":"PaymentCaptured","aggregateId":"order-1"}' }]);
  }, 150_000);

  afterAll(async () => {
    await app?.stop();
    await removeSpecStreamsApp(api.kafka.admin, { applicationIds, topics, instance, topologyFiles: app?.topologyFiles });
  }, 60_000);

  describe('the RocksDB estimate', () => {
    it("is the formula's figure over payment-matcher's two windowed stores: 3 partitions × 3 segments × 98 MiB each", async () => {
      const windowedStore = rocksDbStoreBytes({ ...ROCKSDB_DEFAULTS, partitions: 3, segments: 3 });

      const finding = findingOf(await advice(), `rocksdb:${applicationIds.paymentMatcher}`);

      expect(2 * windowedStore).toBe(1_764 * MiB);
      // Warned of, or only worth knowing once the metrics show the shared cache: the figure is the same.
      expect(finding?.title).toContain("take 1,764 MiB off-heap with Kafka Streams' defaults");
      expect(finding?.evidence).toEqual(
        jasmine.arrayContaining([
          jasmine.objectContaining({ label: "estimate with Kafka Streams' defaults", value: '1,764 MiB' }),
          jasmine.objectContaining({
            label: 'store order-payments-this-join-store',
            value: '882 MiB (windowed: 3 partitions × 3 segments × 98 MiB)',
          }),
          jasmine.objectContaining({
            label: 'store order-payments-other-join-store',
            value: '882 MiB (windowed: 3 partitions × 3 segments × 98 MiB)',
          }),
          jasmine.objectContaining({ label: 'instances', value: '1' }),
        ]),
      );
    });

    it("reads what the app's metrics report, and sees its stores share one bounded cache", async () => {
      let finding: Finding | undefined;
      const bounded = await eventually(async () => {
        finding = findingOf(await advice(), `rocksdb:${applicationIds.paymentMatcher}`);
        return finding?.severity === 'info';
      }, 40_000);

      expect(bounded).withContext(JSON.stringify(finding?.evidence)).toBeTrue();
      expect(finding?.title).toContain('the app bounds it with one shared 16 MiB cache');
      expect(finding?.evidence).toContain(
        jasmine.objectContaining({ label: 'reported by the app', source: jasmine.stringContaining(`from ${instance}, read now`) }),
      );
    }, 50_000);

    it("finds nothing for order-enricher's one key-value store, 294 MiB within the budget", async () =>
      expect(findingOf(await advice(), `rocksdb:${applicationIds.orderEnricher}`)).toBeUndefined());
  });

  describe("the join stores' changelogs", () => {
    it('keep what the app asks for: no finding', async () =>
      expect((await advice()).findings.filter((finding) => matcherChangelogs.some((topic) => finding.id.includes(topic)))).toEqual([]));

    describe('when one is changed to the broker default retention', () => {
      const [changed] = matcherChangelogs;
      const setRetention = (value: string) =>
        api.kafka.admin.incrementalAlterConfigs({
          resources: [
            {
              resourceType: ConfigResourceTypes.TOPIC,
              resourceName: changed!,
              configs: [{ name: 'retention.ms', configOperation: IncrementalAlterConfigOperationTypes.SET, value }],
            },
          ],
        });
      let asked: string;

      beforeAll(async () => {
        const [described] = await api.kafka.admin.describeConfigs({
          resources: [{ resourceType: ConfigResourceTypes.TOPIC, resourceName: changed!, configurationKeys: ['retention.ms'] }],
        });
        asked = described?.configs.find((config) => config.name === 'retention.ms')?.value ?? '';
        await setRetention(String(7 * 86_400_000));
      });
      afterAll(() => setRetention(asked));

      it('says how many times what the app asks for it keeps (a 10-minute join window, 30 s grace, 1 day more)', async () => {
        const finding = findingOf(await advice(), `changelog:retention:${changed}`);

        expect(asked).toBe(String(10 * 60_000 + 30_000 + 86_400_000));
        expect(finding?.title).toBe(
          `${applicationIds.paymentMatcher}: changelog of order-payments-this-join-store keeps 7 days (the broker default), 6.9× the 24.2 hours the app asks for`,
        );
        expect(finding?.fix.config).toBe(`retention.ms=${asked}`);
      });
    });
  });

  describe("the consumers' pace", () => {
    const shipped = (n: number) => ({ key: '', value: `{"type":"OrderShipped","aggregateId":"order-${n}","sequence":${n + 1}}` });
    let producing: NodeJS.Timeout | undefined;

    // Three shipped orders a second, more than order-enricher's 800 ms each keep up with; payment-matcher drops them.
    beforeAll(() => {
      let sent = 0;
      producing = setInterval(() => {
        const batch = [shipped(sent++), shipped(sent++), shipped(sent++)];
        api.kafka.produce(topics.domainEvents, batch).catch(() => undefined);
      }, 1_000);
    });
    afterAll(() => clearInterval(producing));

    it('warns that order-enricher processes fewer records a second than arrive, from the time a record takes', async () => {
      const id = `consumers-capacity:${applicationIds.orderEnricher}`;
      let finding: Finding | undefined;
      const found = await eventually(async () => (finding = findingOf(await advice(), id)) !== undefined, 60_000);

      expect(found).withContext('no finding on the pace within 60 s').toBeTrue();
      expect(finding?.title).toMatch(
        /^spec-adv-enricher-\w+ processes at most [\d.]+ records a second at \d+ ms a record; [\d.]+ a second arrive$/,
      );
      expect(finding?.evidence).toContain(
        jasmine.objectContaining({ label: 'time a record takes', source: "the stream thread's process-latency-avg" }),
      );
      // More stream threads while the repartition topic's 3 partitions are among those it reads; else only a cheaper record helps.
      expect(finding?.fix.config).toMatch(/\nnum\.stream\.threads=[2-4]$|^# 1 consumer for 1 partition: more would sit idle$/);
    }, 70_000);

    it('leaves payment-matcher, a millisecond or two a record on the same topic, alone', async () =>
      expect(findingOf(await advice(), `consumers-capacity:${applicationIds.paymentMatcher}`)).toBeUndefined());
  });
});
