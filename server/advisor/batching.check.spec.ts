import { sleep, until } from '../testing/polling';
import { startTestApi, testClusters, type TestApi } from '../testing/test-api';
import type { TestKafka } from '../testing/test-kafka';
import type { AdvisorReport, Finding } from './advisor.model';

/** Sampled every second, so topics written during a spec are busy in the latest sample. */
const SETTINGS = { intervalMs: 1_000, retentionMs: 3_600_000 };
const local = testClusters()[0]!;

/** Writes order events to partition 0, `recordsPerSend` a send, until the returned function is called. */
function keepWriting(kafka: TestKafka, topic: string, recordsPerSend: number): () => Promise<void> {
  let stopped = false;
  let next = 0;
  const loop = (async () => {
    while (!stopped) {
      const first = next;
      next += recordsPerSend * 100;
      const order = (i: number) => `order-${first + i}`;
      await kafka.produceMany(
        topic,
        recordsPerSend * 100,
        (i) => ({ key: order(i), value: JSON.stringify({ orderId: order(i) }), partition: 0 }),
        {
          recordsPerSend,
        },
      );
      if (recordsPerSend > 1) await sleep(200);
    }
  })();
  return async () => {
    stopped = true;
    await loop;
  };
}

describe('GET /api/clusters/:cluster/advisor: producer batching', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(testClusters(), { metrics: SETTINGS });
    // An instance of an earlier spec may have sampled a moment ago: this one waits its turn.
    await until(async () => api.metrics.isSampling(local), Boolean, 20_000);
  }, 40_000);
  afterAll(() => api.stop());

  describe('for a busy topic written one record a batch and a busy topic written in large batches', () => {
    let single: string;
    let large: string;
    let findings: Finding[];
    let largeWasBusy: boolean;

    beforeAll(async () => {
      single = await api.kafka.createTopic('advisor.batching.single');
      large = await api.kafka.createTopic('advisor.batching.large');
      const stops = [keepWriting(api.kafka, single, 1), keepWriting(api.kafka, large, 1_000)];
      try {
        const isBusy = (topic: string) => (api.metrics.latest(local)?.topics.find((m) => m.topic === topic)?.recordsPerSecond ?? 0) > 0;
        await until(async () => isBusy(single) && isBusy(large), Boolean, 20_000);
        const report = await until(
          async () => (await api.get<AdvisorReport>('/api/clusters/local/advisor')).body,
          (answer) => answer.findings.some((finding) => finding.rule === 'batching' && finding.subject.name === single),
          20_000,
        );
        largeWasBusy = isBusy(large);
        findings = report.findings.filter((finding) => finding.rule === 'batching');
      } finally {
        await Promise.all(stops.map((stop) => stop()));
      }
    }, 90_000);

    it('flags the first with the records per batch in its title', () => {
      const finding = findings.find((candidate) => candidate.subject.name === single);
      expect(finding?.severity).toBe('warning');
      expect(finding?.title).toMatch(
        new RegExp(`^${single.replaceAll('.', '\\.')} is written 1\\.0 records per batch at [\\d,]+ records/s$`),
      );
    });

    it('gives batch.size, linger.ms and compression.type for its producers', () => {
      const finding = findings.find((candidate) => candidate.subject.name === single)!;
      expect(finding.fix.target).toBe('producer');
      expect(finding.fix.config).toMatch(/^batch\.size=65536\nlinger\.ms=(5|10|15|20)\ncompression\.type=lz4$/);
      expect(finding.fix.why).toContain('latency');
    });

    it('shows the batches read from the log as evidence', () => {
      const evidence = findings.find((candidate) => candidate.subject.name === single)!.evidence;
      expect(evidence.find((item) => item.label === 'Records per batch (average)')).toEqual(
        jasmine.objectContaining({ value: '1.0', source: jasmine.stringMatching(/record batches read from the newest end of the log/) }),
      );
      expect(evidence.find((item) => item.label === 'Record size (average, uncompressed)')?.value).toMatch(/^\d+ B$/);
    });

    it('links to the topic', () =>
      expect(findings.find((candidate) => candidate.subject.name === single)?.link).toBe(
        `/clusters/local/topics/${encodeURIComponent(single)}`,
      ));

    it('leaves the second alone, busy as it was', () => {
      expect(largeWasBusy).toBeTrue();
      expect(findings.filter((candidate) => candidate.subject.name === large)).toEqual([]);
    });
  });

  describe('for a cluster not sampled yet', () => {
    it('skips the rule, saying why', async () => {
      const unsampled = await startTestApi();
      try {
        const res = await unsampled.get<AdvisorReport>('/api/clusters/local/advisor');

        expect(res.status).toBe(200);
        expect(res.body.skipped).toContain({
          rule: 'batching',
          reason: 'No rates measured on local yet: the busy topics are known from the second metrics sample on',
        });
      } finally {
        await unsampled.stop();
      }
    });
  });
});
