import { useTestApi } from '../testing/spec-setup';
import { testClusters } from '../testing/test-api';
import { ConnectGateway } from './connect.gateway';
import { eventually, freezeTestProcess, timed } from '../testing/test-stack';

describe('a Kafka Connect worker that stops answering', () => {
  const { api } = useTestApi();
  const connectors = () => api.get('/api/clusters/local/connect/test-connect/connectors');

  describe('while it is frozen', () => {
    it('answers within 5 s, then at once from what it knows, and recovers once the worker is back', async () => {
      expect((await connectors()).status).toBe(200);
      const resume = await freezeTestProcess('connect');
      let first, second;
      try {
        first = await timed(connectors);
        second = await timed(connectors);
      } finally {
        resume();
      }

      expect(first.answer.status).toBe(503);
      expect(first.answer.body.error.code).toBe('CONNECT_UNREACHABLE');
      expect(first.ms).toBeLessThan(5_000);
      expect(second.answer.body.error.code).toBe('CONNECT_UNREACHABLE');
      expect(second.answer.body.error.message).toContain('tries again');
      expect(second.ms).toBeLessThan(1_000);
      expect(await eventually(async () => (await connectors()).status === 200, 15_000)).toBeTrue();
    }, 60_000);
  });

  describe('when a change was sent and no answer came', () => {
    it('says the outcome is unknown', async () => {
      const gateway = new ConnectGateway();
      const worker = testClusters()[0]!.connect.find((connect) => connect.name === 'test-connect')!;
      await gateway.info(worker);
      const resume = await freezeTestProcess('connect');
      let failure: unknown;
      try {
        await gateway.changeState(worker, 'spec-outage', 'pause').catch((err: unknown) => (failure = err));
      } finally {
        resume();
        gateway.close();
      }

      expect(failure).toEqual(jasmine.objectContaining({ status: 504, code: 'OUTCOME_UNKNOWN' }));
      expect(await eventually(async () => (await connectors()).status === 200, 15_000)).toBeTrue();
    }, 60_000);
  });
});
