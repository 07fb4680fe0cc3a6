import type { AuditPage } from '../audit/audit.model';
import type { ApiErrorBody } from '../shared/app-error';
import { useTestApi } from '../testing/spec-setup';
import { startTestApi } from '../testing/test-api';
import type { OffsetChangeResult, ResetPreview } from './consumer-group.model';
import { MINUTE, SEED_START } from '../testing/consumer-groups.fixtures';

const HOUR = 60 * MINUTE;
const offsetsUrl = (group: string, what: string) => `/api/clusters/local/consumer-groups/${encodeURIComponent(group)}/offsets/${what}`;
/** A success body, or the error body when the status says so. */
type Answer<T> = T & ApiErrorBody;
const targetsOf = (preview: ResetPreview) => preview.partitions.map((p) => p.targetOffset);

describe('consumer group offsets', () => {
  const { api, groups: fixtures } = useTestApi();

  // Partition 0: 10 records, partition 1: empty, partition 2: 5 records; one a minute from SEED_START.
  // The group has read 8 of partition 0, never committed on 1, and read 3 of partition 2.
  let topic: string;
  let group: string;
  beforeEach(async () => {
    topic = await fixtures.topic('offsets', [10, 0, 5]);
    group = await fixtures.committedGroup('offsets', topic, [8, null, 3]);
  });

  const preview = (body: object, groupId = group) =>
    api.post<Answer<ResetPreview>>(offsetsUrl(groupId, 'preview'), { topics: [{ topic }], ...body });

  describe('POST /api/clusters/:cluster/consumer-groups/:group/offsets/preview', () => {
    describe('to the earliest offset', () => {
      it('replays everything read, and changes nothing yet', async () => {
        const res = await preview({ mode: 'earliest' });

        expect(res.status).toBe(200);
        expect(res.body.partitions.map((p) => [p.currentOffset, p.targetOffset, p.replayed, p.skipped])).toEqual([
          [8, 0, 8, 0],
          [null, 0, 0, 0],
          [3, 0, 3, 0],
        ]);
        expect(res.body.totals).toEqual({ partitions: 3, replayed: 11, skipped: 0 });
        expect(await fixtures.committedOffsets(group, topic, 3)).toEqual([8, null, 3]);
      });
    });

    describe('to the latest offset', () => {
      it('skips what is unread', async () => {
        const res = await preview({ mode: 'latest' });

        expect(targetsOf(res.body)).toEqual([10, 0, 5]);
        expect(res.body.totals).toEqual({ partitions: 3, replayed: 0, skipped: 4 });
      });
    });

    describe('to a timestamp', () => {
      it('finds the first record at or after an ISO date-time; an empty partition resolves to its end', async () => {
        const res = await preview({ mode: 'timestamp', value: new Date(SEED_START + 4 * MINUTE).toISOString() });

        expect(targetsOf(res.body)).toEqual([4, 0, 4]);
        expect(res.body.resolvedTimestamp).toBe(SEED_START + 4 * MINUTE);
      });

      it('takes epoch milliseconds too', async () => {
        expect(targetsOf((await preview({ mode: 'timestamp', value: SEED_START + 2 * MINUTE + 1 })).body)).toEqual([3, 0, 3]);
      });

      it('resolves a time after the last record to the log end', async () => {
        expect(targetsOf((await preview({ mode: 'timestamp', value: SEED_START + 10 * HOUR })).body)).toEqual([10, 0, 5]);
      });

      it('answers 400 for a value that is no time', async () => {
        const res = await preview({ mode: 'timestamp', value: 'yesterday' });

        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('ISO date-time');
      });
    });

    describe('back by a duration', () => {
      it('starts at the first record written within it', async () => {
        const recent = await fixtures.topic('duration', [5], { start: Date.now() - 5 * HOUR, step: HOUR });
        const recentGroup = await fixtures.committedGroup('duration', recent, [5]);

        const res = await api.post<ResetPreview>(offsetsUrl(recentGroup, 'preview'), {
          topics: [{ topic: recent }],
          mode: 'duration',
          value: 'PT2H30M',
        });

        expect(res.status).toBe(200);
        expect(targetsOf(res.body)).toEqual([3]);
        expect(res.body.totals.replayed).toBe(2);
      });

      it('answers 400 naming the format for anything but an ISO-8601 duration', async () => {
        const res = await preview({ mode: 'duration', value: '2 hours' });

        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
        expect(res.body.error.message).toContain('PT2H');
      });
    });

    describe('by a shift', () => {
      it('moves back from the committed offset, clamped to the log start', async () => {
        // Partition 1 has no commit: the shift counts from its log end, and the log is empty.
        expect(targetsOf((await preview({ mode: 'shift', value: -5 })).body)).toEqual([3, 0, 0]);
      });

      it('moves forward, clamped to the log end', async () => {
        expect(targetsOf((await preview({ mode: 'shift', value: '+100' })).body)).toEqual([10, 0, 5]);
      });

      it('answers 400 for a value that is not a whole number', async () => {
        expect((await preview({ mode: 'shift', value: 'back a bit' })).status).toBe(400);
      });
    });

    describe('to an exact offset', () => {
      it('clamps it to each log', async () => {
        expect(targetsOf((await preview({ mode: 'offset', value: 7 })).body)).toEqual([7, 0, 5]);
      });

      it('resets only the partitions named', async () => {
        const res = await api.post<ResetPreview>(offsetsUrl(group, 'preview'), {
          topics: [{ topic, partitions: [2] }],
          mode: 'offset',
          value: 1,
        });

        expect(res.body.partitions.map((p) => [p.partition, p.targetOffset])).toEqual([[2, 1]]);
      });
    });

    describe('for a group that never committed', () => {
      it('shows no current offsets and counts what it will read', async () => {
        const res = await preview({ mode: 'earliest' }, fixtures.groupId('fresh'));

        expect(res.status).toBe(200);
        expect(res.body.partitions.map((p) => [p.currentOffset, p.replayed])).toEqual([
          [null, 10],
          [null, 0],
          [null, 5],
        ]);
      });
    });

    describe('with a consumer attached', () => {
      it('still previews, and names the members', async () => {
        await fixtures.attachConsumer(group, topic, { clientId: 'enricher-1' });

        const res = await preview({ mode: 'earliest' });

        expect(res.status).toBe(200);
        expect(res.body.activeMembers).toEqual([jasmine.stringContaining('enricher-1 @ ')]);
      });
    });

    describe('with bad input', () => {
      it('answers 404 TOPIC_NOT_FOUND for a topic that does not exist', async () => {
        const res = await api.post(offsetsUrl(group, 'preview'), { topics: [{ topic: `${topic}.nope` }], mode: 'earliest' });

        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('TOPIC_NOT_FOUND');
      });

      it('answers 400 for a partition the topic does not have', async () => {
        const res = await api.post(offsetsUrl(group, 'preview'), { topics: [{ topic, partitions: [3] }], mode: 'earliest' });

        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('no partition 3');
      });

      it('answers 400 VALIDATION_FAILED for an unknown mode or no topics', async () => {
        expect((await preview({ mode: 'yesterday' })).status).toBe(400);
        expect((await api.post(offsetsUrl(group, 'preview'), { topics: [], mode: 'earliest' })).status).toBe(400);
      });
    });
  });

  describe('POST /api/clusters/:cluster/consumer-groups/:group/offsets/reset', () => {
    const reset = (body: object, groupId = group) =>
      api.post<Answer<OffsetChangeResult>>(offsetsUrl(groupId, 'reset'), { topics: [{ topic }], confirm: true, ...body });

    describe('when the group is idle', () => {
      it('commits the targets and records who, what, before and after', async () => {
        const res = await reset({ mode: 'shift', value: -2 });

        expect(res.status).toBe(200);
        expect(await fixtures.committedOffsets(group, topic, 3)).toEqual([6, 0, 1]);
        const record = await api.audit.find({ name: 'local', bootstrapServers: api.kafka.bootstrapServers, connect: [] }, res.body.auditId);
        expect(record).toEqual(
          jasmine.objectContaining({
            action: 'consumer-group.offsets.reset',
            subject: { kind: 'consumer-group', name: group },
            parameters: { mode: 'shift', value: -2, topics: [{ topic }] },
            before: [
              { topic, partition: 0, offset: 8 },
              { topic, partition: 1, offset: null },
              { topic, partition: 2, offset: 3 },
            ],
            after: [
              { topic, partition: 0, offset: 6 },
              { topic, partition: 1, offset: 0 },
              { topic, partition: 2, offset: 1 },
            ],
          }),
        );
        expect(record?.actor).toMatch(/^anonymous@/);
      });

      it('applies exactly the previewed targets', async () => {
        const previewed = (await preview({ mode: 'timestamp', value: SEED_START + 4 * MINUTE })).body;

        const res = await reset({
          mode: 'timestamp',
          value: SEED_START + 4 * MINUTE,
          targets: previewed.partitions.map((p) => ({ topic, partition: p.partition, offset: p.targetOffset })),
        });

        expect(res.status).toBe(200);
        expect(await fixtures.committedOffsets(group, topic, 3)).toEqual(targetsOf(previewed));
      });

      it('answers 409 PREVIEW_OUTDATED for a previewed target the log no longer holds, changing nothing', async () => {
        const targets = [0, 1, 2].map((partition) => ({ topic, partition, offset: partition === 2 ? 99 : 0 }));

        const res = await reset({ mode: 'earliest', targets });

        expect(res.status).toBe(409);
        expect(res.body.error.code).toBe('PREVIEW_OUTDATED');
        expect(await fixtures.committedOffsets(group, topic, 3)).toEqual([8, null, 3]);
      });
    });

    describe('for a group that never committed', () => {
      it('creates its offsets', async () => {
        const fresh = fixtures.groupId('fresh');

        expect((await reset({ mode: 'earliest' }, fresh)).status).toBe(200);
        expect(await fixtures.committedOffsets(fresh, topic, 3)).toEqual([0, 0, 0]);
      });
    });

    describe('without the confirmation', () => {
      it('answers 400 and changes nothing', async () => {
        const res = await api.post(offsetsUrl(group, 'reset'), { topics: [{ topic }], mode: 'earliest' });

        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('confirm');
        expect(await fixtures.committedOffsets(group, topic, 3)).toEqual([8, null, 3]);
      });
    });

    describe('when a consumer is attached', () => {
      it('answers 409 GROUP_ACTIVE naming it, and changes nothing', async () => {
        await fixtures.attachConsumer(group, topic, { clientId: 'order-enricher-7' });

        const res = await reset({ mode: 'earliest' });

        expect(res.status).toBe(409);
        expect(res.body.error.code).toBe('GROUP_ACTIVE');
        expect(res.body.error.message).toContain('order-enricher-7 @ ');
        expect(await fixtures.committedOffsets(group, topic, 3)).toEqual([8, null, 3]);
      });
    });

    describe('after a restart of the console', () => {
      it('the audit record is still there', async () => {
        const { auditId } = (await reset({ mode: 'latest' })).body;
        const restarted = await startTestApi();
        try {
          const res = await restarted.get<AuditPage>('/api/audit?cluster=local&action=consumer-group.offsets.reset&limit=1000');

          expect(res.body.items.find((record) => record.id === auditId)?.subject.name).toBe(group);
        } finally {
          await restarted.stop();
        }
      });
    });
  });
});
