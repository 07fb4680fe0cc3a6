import { randomUUID } from 'node:crypto';
import { asActor } from '../shared/actor';
import { AppError } from '../shared/app-error';
import { useTestApi } from '../testing/spec-setup';
import { testClusters } from '../testing/test-api';
import type { AuditPage, AuditRecord } from './audit.model';
import { AUDIT_TOPIC, type ChangeIntent } from './audit.service';

describe('GET /api/audit', () => {
  const { api } = useTestApi();

  const local = testClusters()[0]!;
  // An action this console does not know (say, written by a newer version) is still listed.
  const anIntent = (action: string, name = 'billing'): ChangeIntent =>
    ({
      action,
      subject: { kind: 'consumer-group', name },
      parameters: { mode: 'earliest', value: null, topics: [{ topic: 't' }] },
      before: [{ topic: 't', partition: 0, offset: 5 }],
    }) as ChangeIntent;
  const track = (intent: ChangeIntent, apply: () => Promise<unknown> = async () => undefined) =>
    asActor('spec', () => api.audit.track(local, intent, apply, { after: () => [{ topic: 't', partition: 0, offset: 0 }] }));
  const listed = async (action: string) => (await api.get<AuditPage>(`/api/audit?cluster=local&action=${action}`)).body.items;

  describe('with records of one action', () => {
    let action: string;
    beforeAll(async () => {
      action = `spec.audit.${randomUUID()}`;
      for (const name of ['first', 'second', 'third']) await track(anIntent(action, name));
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

  describe('the outcome of each change', () => {
    it('is applied, with when, for a change that worked', async () => {
      const action = `spec.outcome.${randomUUID()}`;
      await track(anIntent(action));

      expect((await listed(action))[0]).toEqual(
        jasmine.objectContaining({ outcome: 'applied', outcomeAt: jasmine.any(String), integrity: 'verified' }),
      );
    });

    it('is failed, with the reason, for a change that was refused', async () => {
      const action = `spec.outcome.${randomUUID()}`;
      await expectAsync(
        track(anIntent(action), () => Promise.reject(new AppError('GROUP_ACTIVE', 'billing has 2 members'))),
      ).toBeRejected();

      expect((await listed(action))[0]).toEqual(
        jasmine.objectContaining({ outcome: 'failed', error: { code: 'GROUP_ACTIVE', message: 'billing has 2 members' } }),
      );
    });

    it('is unknown for a change that was sent and got no answer', async () => {
      const action = `spec.outcome.${randomUUID()}`;
      const silence = new AppError('OUTCOME_UNKNOWN', 'no answer after the change was sent');
      await expectAsync(track(anIntent(action), () => Promise.reject(silence))).toBeRejected();

      expect((await listed(action))[0]?.outcome).toBe('unknown');
    });
  });

  describe('when another Kafka client tampers with the audit topic', () => {
    const tampered = async (tamper: (genuine: AuditRecord) => Promise<void>) => {
      const action = `spec.tamper.${randomUUID()}`;
      await track(anIntent(action, 'first'));
      const [genuine] = await listed(action);
      await tamper(genuine!);
      await track(anIntent(action, 'second'));
      return listed(action);
    };

    it('shows a record slipped in by another client as unsigned', async () => {
      const records = await tampered((genuine) =>
        api.kafka.writeRaw(AUDIT_TOPIC, [
          {
            key: `${genuine.id}-forged`,
            value: JSON.stringify({ ...genuine, entry: 'intent', id: `${genuine.id}-forged`, actor: 'ceo@example.com', chain: undefined }),
          },
        ]),
      );

      expect(records.find((record) => record.actor === 'ceo@example.com')?.integrity).toBe('unsigned');
    });

    it('says a record was erased (a tombstone), naming it', async () => {
      let erased = '';
      await tampered(async (genuine) => {
        erased = genuine.id;
        await api.kafka.writeRaw(AUDIT_TOPIC, [{ key: genuine.id, value: null }]);
      });
      const page = (await api.get<AuditPage>('/api/audit?cluster=local')).body;

      expect(page.integrityWarnings).toContain(jasmine.stringContaining(`Audit entry ${erased} was erased`));
      expect(page.integrityWarnings).toContain(jasmine.stringContaining(`The record of change ${erased} is missing`));
    });

    it('shows a record whose content was changed as altered', async () => {
      const records = await tampered(async (genuine) => {
        const stored = (await api.kafka.readAll(AUDIT_TOPIC)).find((record) => record.key === genuine.id)!;
        const changed = { ...JSON.parse(stored.value!), actor: 'someone-else' };
        await api.kafka.writeRaw(AUDIT_TOPIC, [{ key: genuine.id, value: JSON.stringify(changed) }]);
      });

      expect(records.find((record) => record.actor === 'someone-else')?.integrity).toBe('altered');
      const page = (await api.get<AuditPage>('/api/audit?cluster=local')).body;
      expect(page.integrityWarnings).toContain(jasmine.stringContaining('was written again'));
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
