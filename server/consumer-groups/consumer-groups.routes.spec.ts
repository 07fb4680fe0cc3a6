import type { AuditPage } from '../audit/audit.model';
import type { ApiErrorBody } from '../shared/app-error';
import { useTestApi } from '../testing/spec-setup';
import type { ConsumerGroupDetail, ConsumerGroupPage } from './consumer-group.model';
import { MINUTE, SEED_START } from '../testing/consumer-groups.fixtures';

const groupUrl = (group: string) => `/api/clusters/local/consumer-groups/${encodeURIComponent(group)}`;

describe('consumer groups', () => {
  const { api, groups: fixtures } = useTestApi();

  describe('GET /api/clusters/:cluster/consumer-groups', () => {
    let topic: string;
    let idle: string;
    beforeAll(async () => {
      topic = await fixtures.topic('list', [10, 4]);
      idle = await fixtures.committedGroup('list', topic, [6, 4]);
    });
    const list = async () => {
      const res = await api.get<ConsumerGroupPage>('/api/clusters/local/consumer-groups');
      expect(res.status).toBe(200);
      return res.body.items;
    };

    it('searches, sorts and pages on the server, saying how fresh the answer is', async () => {
      const res = await api.get<ConsumerGroupPage>(
        `/api/clusters/local/consumer-groups?search=${idle.toUpperCase()}&sort=totalLag&order=desc&pageSize=1`,
      );

      expect(res.body.items.map((group) => group.groupId)).toEqual([idle]);
      expect(res.body.total).toBe(1);
      expect(Date.parse(res.body.asOf)).toBeGreaterThan(Date.now() - 60_000);
    });

    it('names an idle group with its topics and total lag', async () => {
      expect((await list()).find((group) => group.groupId === idle)).toEqual({
        groupId: idle,
        state: 'Empty',
        type: 'classic',
        protocolType: '',
        memberCount: 0,
        topics: [topic],
        totalLag: 4,
      });
    });

    describe('with a consumer of the classic protocol attached', () => {
      it('shows it Stable with its member', async () => {
        const live = await fixtures.committedGroup('list-live', topic, [10, 4]);
        await fixtures.attachConsumer(live, topic);

        expect((await list()).find((group) => group.groupId === live)).toEqual(
          jasmine.objectContaining({
            state: 'Stable',
            type: 'classic',
            memberCount: 1,
            totalLag: 0,
          }),
        );
      });
    });

    describe('with a consumer of the KIP-848 protocol attached', () => {
      it('lists it too, Stable with its member', async () => {
        const modern = fixtures.groupId('list-kip848');
        await fixtures.attachConsumer(modern, topic, { protocol: 'consumer' });

        expect((await list()).find((group) => group.groupId === modern)).toEqual(
          jasmine.objectContaining({
            state: 'Stable',
            type: 'consumer',
            memberCount: 1,
            topics: [topic],
          }),
        );
      });
    });

    describe('for an unreachable cluster', () => {
      it('answers 503 CLUSTER_UNREACHABLE within seconds, not a hang', async () => {
        const started = Date.now();
        const res = await api.get<ApiErrorBody>('/api/clusters/unreachable/consumer-groups');

        expect(res.status).toBe(503);
        expect(res.body.error.code).toBe('CLUSTER_UNREACHABLE');
        expect(Date.now() - started).toBeLessThan(10_000);
      });
    });

    describe('for a cluster that is not configured', () => {
      it('answers 404 CLUSTER_NOT_FOUND', async () => {
        expect((await api.get('/api/clusters/nope/consumer-groups')).status).toBe(404);
      });
    });
  });

  describe('GET /api/clusters/:cluster/consumer-groups/:group', () => {
    let topic: string;
    beforeAll(async () => (topic = await fixtures.topic('detail', [10, 0, 5])));

    describe('for an idle group', () => {
      it('answers per partition the committed offset, log end, lag and when the last read record was written', async () => {
        const group = await fixtures.committedGroup('detail', topic, [8, null, 5]);

        const res = await api.get<ConsumerGroupDetail>(groupUrl(group));

        expect(res.status).toBe(200);
        expect(res.body.partitions.map((p) => [p.partition, p.committedOffset, p.logEndOffset, p.lag, p.committedTimestamp])).toEqual([
          [0, 8, 10, 2, new Date(SEED_START + 7 * MINUTE).toISOString()],
          [1, null, 0, null, null],
          [2, 5, 5, 0, new Date(SEED_START + 4 * MINUTE).toISOString()],
        ]);
        expect(res.body.totalLag).toBe(2);
        expect(res.body.members).toEqual([]);
      });
    });

    describe('with a consumer attached', () => {
      it('names the member, its host and its partitions', async () => {
        const group = await fixtures.committedGroup('detail-live', topic, [0, 0, 0]);
        await fixtures.attachConsumer(group, topic, { clientId: 'enricher-2' });

        const res = await api.get<ConsumerGroupDetail>(groupUrl(group));

        expect(res.body.state).toBe('Stable');
        expect(res.body.members).toEqual([
          jasmine.objectContaining({
            clientId: 'enricher-2',
            host: jasmine.stringMatching(/\d+\.\d+\.\d+\.\d+/),
            assignments: [{ topic, partitions: [0, 1, 2] }],
          }),
        ]);
        expect(res.body.partitions.map((p) => p.assignedTo)).toEqual(['enricher-2', 'enricher-2', 'enricher-2']);
      });
    });

    describe('for a group id with characters that need escaping', () => {
      it('finds it', async () => {
        const group = await fixtures.committedGroup('odd/ name?#%', topic, [1, 0, 1]);

        const res = await api.get<ConsumerGroupDetail>(groupUrl(group));

        expect(res.status).toBe(200);
        expect(res.body.groupId).toBe(group);
      });
    });

    describe('for a group that does not exist', () => {
      it('answers 404 GROUP_NOT_FOUND', async () => {
        const res = await api.get<ApiErrorBody>(groupUrl(fixtures.groupId('missing')));

        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('GROUP_NOT_FOUND');
      });
    });
  });

  describe('DELETE /api/clusters/:cluster/consumer-groups/:group', () => {
    let topic: string;
    beforeAll(async () => (topic = await fixtures.topic('delete', [3])));
    const groupExists = async (group: string) => (await api.kafka.admin.listGroups({ types: ['classic', 'consumer'] })).has(group);
    const deleteGroup = (group: string, confirm = group) =>
      api.request<ApiErrorBody>('DELETE', `${groupUrl(group)}?confirm=${encodeURIComponent(confirm)}`);

    describe('for an empty group', () => {
      it('deletes it with its offsets', async () => {
        const group = await fixtures.committedGroup('delete', topic, [2]);

        const res = await deleteGroup(group);

        expect(res.status).toBe(204);
        expect(await groupExists(group)).toBeFalse();
        expect(await fixtures.committedOffsets(group, topic, 1)).toEqual([null]);
      });

      it('audits the deletion with the offsets the group had', async () => {
        const group = await fixtures.committedGroup('delete-audit', topic, [2]);

        await deleteGroup(group);

        const [record] = (await api.get<AuditPage>('/api/audit?cluster=local&action=consumer-group.delete&limit=1000')).body.items.filter(
          (item) => item.subject.name === group,
        );
        expect(record).toEqual(
          jasmine.objectContaining({ outcome: 'applied', before: [{ topic, partition: 0, offset: 2 }], integrity: 'verified' }),
        );
      });
    });

    describe('without the group name typed as confirmation', () => {
      it('answers 400 CONFIRMATION_REQUIRED and keeps the group', async () => {
        const group = await fixtures.committedGroup('delete-unconfirmed', topic, [2]);

        const res = await deleteGroup(group, 'something-else');

        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('CONFIRMATION_REQUIRED');
        expect(await groupExists(group)).toBeTrue();
      });
    });

    describe('while a consumer is attached', () => {
      it('answers 409 GROUP_ACTIVE and keeps the group', async () => {
        const group = await fixtures.committedGroup('delete-live', topic, [2]);
        await fixtures.attachConsumer(group, topic, { clientId: 'keeps-reading' });

        const res = await deleteGroup(group);

        expect(res.status).toBe(409);
        expect(res.body.error.message).toContain('keeps-reading');
        expect(await groupExists(group)).toBeTrue();
      });
    });

    describe('for a group that does not exist', () => {
      it('answers 404 GROUP_NOT_FOUND', async () => {
        expect((await deleteGroup(fixtures.groupId('missing'))).status).toBe(404);
      });
    });
  });
});
