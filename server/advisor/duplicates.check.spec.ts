import type { SequenceCheckJob } from '../bridge/bridge.model';
import { until } from '../testing/polling';
import { startTestApi, type TestApi } from '../testing/test-api';
import type { AdvisorReport } from './advisor.model';

describe('The Advisor’s duplicates lesson', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startTestApi()));
  afterAll(() => api.stop());

  const bridgeUrl = (topic: string) => `/api/clusters/local/topics/${encodeURIComponent(topic)}/bridge`;

  /** Runs the bridge-health check of a topic to its end. */
  async function check(topic: string): Promise<SequenceCheckJob> {
    const started = await api.post<SequenceCheckJob>(`${bridgeUrl(topic)}/checks`, {});
    return (
      await until(
        () => api.get<SequenceCheckJob>(`${bridgeUrl(topic)}/checks/${started.body.id}`),
        (res) => res.body.status !== 'running',
        20_000,
      )
    ).body;
  }

  describe('after the bridge check of a topic found an event twice', () => {
    it('advises idempotent consumers and exactly-once delivery, with the numbers', async () => {
      const topic = await api.kafka.createTopic('advisor-duplicates');
      await api.kafka.produce(
        topic,
        [1, 2, 2, 3].map((sequence) => ({ key: 'order-1', value: JSON.stringify({ sequence }) })),
      );
      expect((await check(topic)).report?.verdict).toBe('duplicates');

      const { body } = await api.get<AdvisorReport>('/api/clusters/local/advisor');
      const finding = body.findings.find((f) => f.id === `consumers:duplicates:${topic}`);

      expect(finding?.severity).toBe('info');
      expect(finding?.evidence[0]?.value).toBe('1 sequence on 1 record more than once');
      expect(finding?.fix.config).toContain('exactly.once.source.support=enabled');
      expect(finding?.link).toContain('tab=bridge');
    });
  });

  describe('after a check that found none', () => {
    it('advises nothing for that topic', async () => {
      const topic = await api.kafka.createTopic('advisor-no-duplicates');
      await api.kafka.produce(
        topic,
        [1, 2, 3].map((sequence) => ({ key: 'order-1', value: JSON.stringify({ sequence }) })),
      );
      expect((await check(topic)).report?.verdict).toBe('ok');

      const { body } = await api.get<AdvisorReport>('/api/clusters/local/advisor');
      expect(body.findings.some((f) => f.subject.name === topic && f.rule === 'consumers')).toBeFalse();
    });
  });
});
