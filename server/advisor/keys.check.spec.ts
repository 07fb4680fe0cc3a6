import { sleep, until } from '../testing/polling';
import { startTestApi, testClusters, type TestApi } from '../testing/test-api';
import { TestConnect } from '../testing/test-connect';
import type { TestKafka } from '../testing/test-kafka';
import type { AdvisorReport, Finding } from './advisor.model';

/** Sampled every second, so topics written during a spec are busy in the latest sample. */
const SETTINGS = { intervalMs: 1_000, retentionMs: 3_600_000 };
const local = testClusters()[0]!;

type OrderEvent = (index: number) => { key?: string; value: string; partition: number };

/** Writes order events as `event(index)` says, 100 a send, until the returned function is called. */
function keepWriting(kafka: TestKafka, topic: string, event: OrderEvent): () => Promise<void> {
  let stopped = false;
  let next = 0;
  const loop = (async () => {
    while (!stopped) {
      const first = next;
      next += 100;
      await kafka.produceMany(topic, 100, (i) => event(first + i), { recordsPerSend: 100 });
      await sleep(200);
    }
  })();
  return async () => {
    stopped = true;
    await loop;
  };
}

const order = (index: number) => `order-${index}`;
const orderValue = (index: number) => JSON.stringify({ orderId: order(index), total: 12.5 });
const of = (findings: Finding[], topic: string) => findings.filter((finding) => finding.subject.name === topic);

describe('GET /api/clusters/:cluster/advisor: order and keys', () => {
  let api: TestApi;
  let connect: TestConnect;
  beforeAll(async () => {
    api = await startTestApi(testClusters(), { metrics: SETTINGS });
    connect = new TestConnect(api);
    // An instance of an earlier spec may have sampled a moment ago: this one waits its turn.
    await until(async () => api.metrics.isSampling(local), Boolean, 20_000);
  }, 40_000);
  afterAll(async () => {
    await connect.cleanUp();
    await api.stop();
  });

  describe('for busy order topics: one written without keys, one keyed by order, one with a partition far fuller', () => {
    let keyless: string;
    let keyed: string;
    let skewed: string;
    let report: AdvisorReport;

    beforeAll(async () => {
      keyless = await api.kafka.createTopic('advisor.keys.orders');
      keyed = await api.kafka.createTopic('advisor.keys.orders');
      skewed = await api.kafka.createTopic('advisor.keys.orders', { partitions: 4 });
      // 1,080 of 1,200 records on partition 0: 3.6 times its share.
      await api.kafka.produceMany(skewed, 1_200, (i) => ({ key: order(i), value: orderValue(i), partition: i < 1_080 ? 0 : 1 + (i % 3) }));
      const stops = [
        keepWriting(api.kafka, keyless, (i) => ({ value: orderValue(i), partition: 0 })),
        keepWriting(api.kafka, keyed, (i) => ({ key: order(i), value: orderValue(i), partition: 0 })),
        keepWriting(api.kafka, skewed, (i) => ({ key: order(1_200 + i), value: orderValue(1_200 + i), partition: 0 })),
      ];
      try {
        const isBusy = (topic: string) => (api.metrics.latest(local)?.topics.find((m) => m.topic === topic)?.recordsPerSecond ?? 0) > 0;
        await until(async () => [keyless, keyed, skewed].every(isBusy), Boolean, 20_000);
        report = await until(
          async () => (await api.get<AdvisorReport>('/api/clusters/local/advisor')).body,
          (answer) => {
            const keys = answer.findings.filter((finding) => finding.rule === 'keys');
            return of(keys, keyless).length > 0 && of(keys, skewed).length > 0 && of(keys, keyed).length === 0;
          },
          30_000,
        );
      } finally {
        await Promise.all(stops.map((stop) => stop()));
      }
    }, 90_000);

    const keysFindings = () => report.findings.filter((finding) => finding.rule === 'keys');

    it('warns of the topic written without keys, with the share in its title', () => {
      const [finding] = of(keysFindings(), keyless);
      expect(finding?.severity).toBe('warning');
      expect(finding?.title).toMatch(/: 100% of \d+ sampled records have no key$/);
    });

    it('gives the record to send, keyed by the orderId its values carry', () => {
      const [finding] = of(keysFindings(), keyless);
      expect(finding?.fix.target).toBe('producer');
      expect(finding?.fix.config).toBe(`producer.send(new ProducerRecord<>("${keyless}", event.orderId(), event));`);
      expect(finding?.evidence).toContain({
        label: 'Aggregate id in the values',
        value: 'orderId',
        source: 'a field of the sampled JSON values',
      });
    });

    it('leaves the topic keyed by order alone', () => expect(of(keysFindings(), keyed)).toEqual([]));

    it('warns of the partition holding far more than its share, from the log offsets', () => {
      const finding = of(keysFindings(), skewed).find((candidate) => candidate.id === `keys/skew/${skewed}`);
      expect(finding?.title).toMatch(/: partition 0 holds 3\.\d× its share of the records$/);
      expect(finding?.evidence[0]).toEqual(
        jasmine.objectContaining({ label: 'Records in partition 0', source: 'log start and end offsets' }),
      );
      expect(finding?.fix.why).toContain('breaks co-partitioning');
    });

    it('blames the producer’s placement: most keys there would hash to other partitions', () => {
      const finding = of(keysFindings(), skewed).find((candidate) => candidate.id === `keys/skew/${skewed}`);
      expect(finding?.fix.why).toContain('the producer picks the partition itself');
    });
  });

  describe('for a topic a source connector writes, busy or not', () => {
    it('warns of its records without keys, and keys them in the connector', async () => {
      const source = await connect.source(
        'advisor.keys.source',
        Array.from({ length: 30 }, (_, i) => `line ${i}`),
      );
      await connect.untilRecordCount(source.topic, 30);

      const res = await api.get<AdvisorReport>('/api/clusters/local/advisor');
      const [finding] = of(
        res.body.findings.filter((candidate) => candidate.rule === 'keys'),
        source.topic,
      );

      expect(finding?.title).toBe(`${source.topic}: 100% of 30 sampled records have no key`);
      expect(finding?.fix.target).toBe('connector');
      expect(finding?.fix.config).toContain('transforms.keyFromValue.type=org.apache.kafka.connect.transforms.ValueToKey');
      expect(finding?.evidence).toContain({ label: 'Written by', value: `source connector ${source.name}`, source: 'Kafka Connect' });
    });
  });

  describe('when a Connect cluster does not answer', () => {
    it('says its connectors’ topics are checked only when busy', async () => {
      const res = await api.get<AdvisorReport>('/api/clusters/local/advisor');
      expect(res.body.skipped).toContain(
        jasmine.objectContaining({ rule: 'keys', reason: jasmine.stringMatching(/^Connect cluster down did not answer/) }),
      );
    });
  });
});
