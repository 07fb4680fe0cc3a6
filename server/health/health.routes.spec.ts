import type { Readiness } from './health.model';
import { useTestApi } from '../testing/spec-setup';
import { testClusters } from '../testing/test-api';

describe('health routes', () => {
  describe('GET /api/health', () => {
    const { api } = useTestApi();

    it('answers ok with the console version', async () => {
      const res = await api.get('/api/health');

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok', version: jasmine.stringMatching(/^\d+\.\d+\.\d+/) });
    });
  });

  describe('GET /api/ready', () => {
    describe('when every cluster and Connect worker answers', () => {
      const { api } = useTestApi(() => [{ ...testClusters()[0]!, connect: testClusters()[0]!.connect.filter((c) => c.name !== 'down') }]);

      it('answers 200, naming each as reachable', async () => {
        const res = await api.get<Readiness>('/api/ready');

        expect(res.status).toBe(200);
        expect(res.body.ready).toBeTrue();
        expect(res.body.clusters).toEqual([jasmine.objectContaining({ name: 'local', reachable: true })]);
      });
    });

    describe('when a cluster or a Connect worker does not answer', () => {
      const { api } = useTestApi();

      it('answers 503, naming what cannot be reached and why', async () => {
        const res = await api.get<Readiness>('/api/ready');

        expect(res.status).toBe(503);
        expect(res.body.ready).toBeFalse();
        const [local, unreachable] = res.body.clusters;
        expect(local).toEqual(jasmine.objectContaining({ name: 'local', reachable: true }));
        expect(unreachable).toEqual(
          jasmine.objectContaining({ name: 'unreachable', reachable: false, problem: jasmine.stringContaining('unreachable') }),
        );
        if (process.env['KPC_TEST_CONNECT_URL']) {
          expect(local!.connect).toEqual([
            { name: 'test-connect', reachable: true },
            { name: 'down', reachable: false, problem: jasmine.stringContaining('unreachable') },
          ]);
        }
      });
    });
  });
});
