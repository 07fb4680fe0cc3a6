import { randomUUID } from 'node:crypto';
import { testClusters } from '../testing/test-api';
import { useTestApi } from '../testing/spec-setup';
import type { AuditPage, ConsumerGroupOffsetsRecord } from './audit.model';

type GroupRecord = Omit<ConsumerGroupOffsetsRecord, 'id' | 'at' | 'undoneBy'>;
type AnAction = ConsumerGroupOffsetsRecord['action'];

describe('GET /api/audit', () => {
  const { api } = useTestApi();

  const local = testClusters()[0]!;
  const aRecord = (overrides: Partial<GroupRecord> = {}): GroupRecord => ({
    actor: 'spec',
    cluster: 'local',
    // An action this console does not know (say, written by a newer version) is still listed.
    action: 'spec.audit' as AnAction,
    subject: { kind: 'consumer-group', name: 'billing' },
    parameters: { mode: 'earliest', value: null, topics: [{ topic: 't' }] },
    before: [{ topic: 't', partition: 0, offset: 5 }],
    after: [{ topic: 't', partition: 0, offset: 0 }],
    ...overrides,
  });

  describe('with records of one action', () => {
    let action: AnAction;
    beforeAll(async () => {
      action = `spec.audit.${randomUUID()}` as AnAction;
      for (const name of ['first', 'second', 'third']) {
        await api.audit.record(local, aRecord({ action, subject: { kind: 'consumer-group', name } }));
      }
    });

    it('answers the newest first, with before and after', async () => {
      const res = await api.get<AuditPage>(`/api/audit?cluster=local&action=${action}`);

      expect(res.status).toBe(200);
      expect(res.body.items.map((record) => record.subject.name)).toEqual(['third', 'second', 'first']);
      expect(res.body.items[0]).toEqual(
        jasmine.objectContaining({
          cluster: 'local',
          actor: 'spec',
          before: [{ topic: 't', partition: 0, offset: 5 }],
          after: [{ topic: 't', partition: 0, offset: 0 }],
        }),
      );
    });

    it('keeps to the limit', async () => {
      const res = await api.get<AuditPage>(`/api/audit?cluster=local&action=${action}&limit=2`);

      expect(res.body.items.map((record) => record.subject.name)).toEqual(['third', 'second']);
    });

    describe('asked across every cluster', () => {
      it('names the clusters it could not read and still answers', async () => {
        const res = await api.get<AuditPage>(`/api/audit?action=${action}`);

        expect(res.status).toBe(200);
        expect(res.body.items.length).toBe(3);
        expect(res.body.unavailableClusters).toEqual(['unreachable']);
      });
    });
  });

  describe('with a limit that is not a number', () => {
    it('answers 400 VALIDATION_FAILED naming the field', async () => {
      const res = await api.get('/api/audit?limit=lots');

      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.message).toContain('limit');
    });
  });

  describe('for a cluster that is not configured', () => {
    it('answers 404 CLUSTER_NOT_FOUND', async () => {
      expect((await api.get('/api/audit?cluster=nope')).status).toBe(404);
    });
  });
});
