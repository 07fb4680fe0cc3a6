import { KafkaClients } from '../kafka/kafka-clients';
import { useTestApi } from '../testing/spec-setup';
import { testClusters } from '../testing/test-api';
import { eventually, freezeTestProcess, timed } from '../testing/test-stack';

describe('a Kafka cluster that stops answering', () => {
  const { api } = useTestApi();
  const overview = () => api.get('/api/clusters/local/overview');

  describe('while its broker is frozen', () => {
    it('answers within 5 s, then at once from what it knows, and recovers once the broker is back', async () => {
      expect((await overview()).status).toBe(200);
      const resume = await freezeTestProcess('broker-1');
      let first, second;
      try {
        first = await timed(overview);
        second = await timed(overview);
      } finally {
        resume();
      }

      expect(first.answer.status)
        .withContext(`first answered after ${first.ms} ms: ${JSON.stringify(first.answer.body).slice(0, 200)}`)
        .toBe(503);
      expect(first.answer.body.error.code).toBe('CLUSTER_UNREACHABLE');
      expect(first.ms).toBeLessThan(5_000);
      expect(second.answer.status).toBe(503);
      expect(second.answer.body.error.message).toContain('tries again');
      expect(second.ms).toBeLessThan(1_000);
      expect(await eventually(async () => (await overview()).status === 200, 15_000)).toBeTrue();
    }, 60_000);
  });

  describe('when a change was sent and no answer came', () => {
    it('says the outcome is unknown, not that the cluster is unreachable', async () => {
      const kafka = new KafkaClients();
      const cluster = testClusters()[0]!;
      // Connected and answering, so the create below is sent before the broker freezes.
      await kafka.ping(cluster);
      const resume = await freezeTestProcess('broker-1');
      let failure: unknown;
      try {
        await kafka
          .change(cluster, (admin) => admin.createTopics({ topics: [`spec.outage.${Date.now()}`] }))
          .catch((err: unknown) => (failure = err));
      } finally {
        resume();
        await kafka.close();
      }

      expect(failure).toEqual(jasmine.objectContaining({ status: 504, code: 'OUTCOME_UNKNOWN' }));
      expect((failure as Error).message).toContain('may or may not have been applied');
      expect(await eventually(async () => (await overview()).status === 200, 15_000)).toBeTrue();
    }, 60_000);
  });
});
