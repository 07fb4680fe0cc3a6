import type { AuditPage } from '../audit/audit.model';
import type { ApiErrorBody } from '../shared/app-error';
import { useTestApi } from '../testing/spec-setup';
import type { OffsetChangeResult } from './consumer-group.model';

/** A success body, or the error body when the status says so. */
type Answer<T> = T & ApiErrorBody;
const offsetsUrl = (group: string, what: string) => `/api/clusters/local/consumer-groups/${encodeURIComponent(group)}/offsets/${what}`;

describe('consumer group offsets, undone', () => {
  const { api, groups: fixtures } = useTestApi();

  // Partition 0: 10 records, partition 1: empty, partition 2: 5 records.
  // The group has read 8 of partition 0, never committed on 1, and read 3 of partition 2.
  let topic: string;
  let group: string;
  beforeEach(async () => {
    topic = await fixtures.topic('undo', [10, 0, 5]);
    group = await fixtures.committedGroup('undo', topic, [8, null, 3]);
  });

  describe('POST /api/clusters/:cluster/consumer-groups/:group/offsets/undo', () => {
    const resetToEarliest = async () =>
      (await api.post<OffsetChangeResult>(offsetsUrl(group, 'reset'), { topics: [{ topic }], mode: 'earliest', confirm: true })).body
        .auditId;

    it('puts back the exact offsets, removing one the group never had, and marks the reset undone', async () => {
      const auditId = await resetToEarliest();

      const res = await api.post<OffsetChangeResult>(offsetsUrl(group, 'undo'), { auditId });

      expect(res.status).toBe(200);
      expect(await fixtures.committedOffsets(group, topic, 3)).toEqual([8, null, 3]);
      const audit = await api.get<AuditPage>('/api/audit?cluster=local&action=consumer-group.offsets&limit=1000');
      expect(audit.body.items.find((record) => record.id === auditId)?.undoneBy).toBe(res.body.auditId);
      expect(audit.body.items.find((record) => record.id === res.body.auditId)?.action).toBe('consumer-group.offsets.undo');
    });

    it('refuses to undo the same reset twice with 409 ALREADY_UNDONE', async () => {
      const auditId = await resetToEarliest();
      await api.post(offsetsUrl(group, 'undo'), { auditId });

      const res = await api.post<Answer<OffsetChangeResult>>(offsetsUrl(group, 'undo'), { auditId });

      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('ALREADY_UNDONE');
    });

    it('answers 409 GROUP_ACTIVE while a consumer is attached, and changes nothing', async () => {
      const auditId = await resetToEarliest();
      await fixtures.attachConsumer(group, topic);

      const res = await api.post<Answer<OffsetChangeResult>>(offsetsUrl(group, 'undo'), { auditId });

      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('GROUP_ACTIVE');
      expect(await fixtures.committedOffsets(group, topic, 3)).toEqual([0, 0, 0]);
    });

    it('answers 404 for an audit record that does not exist', async () => {
      const res = await api.post(offsetsUrl(group, 'undo'), { auditId: 'no-such-record' });

      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('AUDIT_RECORD_NOT_FOUND');
    });
  });
});
