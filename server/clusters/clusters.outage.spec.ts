import { useTestApi } from '../testing/spec-setup';
import { eventually, freezeTestProcess, timed } from '../testing/test-stack';

describe('a Kafka cluster that stops answering', () => {
  const { api } = useTestApi();
  const overview = () => api.get('/api/clusters/local/overview');
  const createTopic = (name: string) => api.post('/api/clusters/local/topics', { name });

  describe('while its broker is frozen', () => {
    it('answers within 5 s, then at once from what it knows, and recovers once the broker is back', async () => {
      expect((await overview()).status).toBe(200);
      const resume = freezeTestProcess('broker-1');
      let first, second;
      try {
        first = await timed(overview);
        second = await timed(overview);
      } finally {
        resume();
      }

      expect(first.answer.status).toBe(503);
      expect(first.answer.body.error.code).toBe('CLUSTER_UNREACHABLE');
      expect(first.ms).toBeLessThan(5_000);
      expect(second.answer.status).toBe(503);
      expect(second.answer.body.error.message).toContain('tries again');
      expect(second.ms).toBeLessThan(1_000);
      expect(await eventually(async () => (await overview()).status === 200, 15_000)).toBeTrue();
    });
  });

  describe('when a change was sent and no answer came', () => {
    it('says the outcome is unknown, not that the cluster is unreachable', async () => {
      expect((await overview()).status).toBe(200);
      const resume = freezeTestProcess('broker-1');
      let answer;
      try {
        answer = await createTopic(`spec.outage.${Date.now()}`);
      } finally {
        resume();
      }

      expect(answer.status).toBe(504);
      expect(answer.body.error.code).toBe('OUTCOME_UNKNOWN');
      expect(answer.body.error.message).toContain('may or may not have been applied');
      expect(await eventually(async () => (await overview()).status === 200, 15_000)).toBeTrue();
    });
  });
});
