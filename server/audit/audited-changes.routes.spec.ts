import { randomUUID } from 'node:crypto';
import { useTestApi } from '../testing/spec-setup';
import { asUser, everywhere, testAccess } from '../testing/test-access';
import { testClusters } from '../testing/test-api';
import type { AuditPage, AuditRecord } from './audit.model';

/**
 * Every change the console makes is in the audit log: who, what, the input, the state before
 * and after, and how it ended. Each spec makes one change through the API, as an operator
 * would, and reads its record back.
 */
describe('audited changes', () => {
  // Signed in through an authenticating proxy, as an admin the audit log must name.
  const auditAs = 'spec-operator@example.com';
  const { api, connect } = useTestApi(testClusters, async () => ({
    access: await testAccess({ grants: [{ role: 'admin', users: [auditAs], groups: [], ...everywhere }] }),
    headers: asUser(auditAs),
  }));
  const topicsUrl = '/api/clusters/local/topics';
  const asOperator = asUser(auditAs);

  /** The newest record of an action about one subject. */
  const recordOf = async (action: string, subject: string): Promise<AuditRecord | undefined> =>
    (await api.get<AuditPage>(`/api/audit?cluster=local&action=${action}&limit=1000`)).body.items.find((r) => r.subject.name === subject);

  describe('of topics', () => {
    // Each spec changes a topic of its own, made through the console as the operator.
    let topic: string;
    const made: string[] = [];
    beforeEach(async () => {
      topic = `spec.audited.${randomUUID()}`;
      made.push(topic);
      await api.request('POST', topicsUrl, { name: topic, partitions: 2 }, asOperator);
    });
    afterAll(() => api.kafka.admin.deleteTopics({ topics: made }).catch(() => undefined));

    it('records a create, with the input, by the signed-in user', async () => {
      expect(await recordOf('topic.create', topic)).toEqual(
        jasmine.objectContaining({
          actor: auditAs,
          outcome: 'applied',
          parameters: jasmine.objectContaining({ name: topic, partitions: 2 }),
          integrity: 'verified',
        }),
      );
    });

    it('records a config change with the values before and after', async () => {
      await api.request('PATCH', `${topicsUrl}/${topic}/configs`, { set: { 'retention.ms': '3600000' } }, asOperator);

      expect(await recordOf('topic.config.alter', topic)).toEqual(
        jasmine.objectContaining({
          outcome: 'applied',
          before: { configs: { 'retention.ms': null } },
          after: { configs: { 'retention.ms': '3600000' } },
        }),
      );
    });

    it('records added partitions with the counts before and after', async () => {
      await api.post(`${topicsUrl}/${topic}/partitions`, { count: 3 });

      expect(await recordOf('topic.partitions.increase', topic)).toEqual(
        jasmine.objectContaining({ outcome: 'applied', before: { partitions: 2 }, after: { partitions: 3 } }),
      );
    });

    it('records a produced record by its key and where it was written, not its value', async () => {
      const res = await api.post(`${topicsUrl}/${topic}/messages`, { key: 'order-1', value: 'card 4111 1111 1111 1111' });

      const record = await recordOf('topic.message.produce', topic);
      expect(record).toEqual(
        jasmine.objectContaining({ outcome: 'applied', after: { written: { partition: res.body.partition, offset: res.body.offset } } }),
      );
      expect(JSON.stringify(record)).not.toContain('4111');
    });

    it('records a purge with the low watermarks before and after', async () => {
      await api.post(`${topicsUrl}/${topic}/purge`, { confirm: topic });

      const record = await recordOf('topic.purge', topic);
      expect(record?.outcome).toBe('applied');
      expect(record?.before).toEqual({ lowWatermarks: jasmine.arrayContaining([{ partition: 0, lowWatermark: 0 }]) });
    });

    it('records a change that failed, with the reason', async () => {
      await api.post(topicsUrl, { name: topic });

      const failed = (await api.get<AuditPage>('/api/audit?cluster=local&action=topic.create&limit=1000')).body.items.filter(
        (r) => r.subject.name === topic && r.outcome === 'failed',
      );
      expect(failed[0]?.error?.code).toBe('TOPIC_EXISTS');
    });

    it('records a delete', async () => {
      await api.request('DELETE', `${topicsUrl}/${topic}?confirm=${topic}`);

      expect(await recordOf('topic.delete', topic)).toEqual(jasmine.objectContaining({ outcome: 'applied', before: { partitions: 2 } }));
    });
  });

  describe('of connectors', () => {
    const connectorsUrl = '/api/clusters/local/connect/test-connect/connectors';

    it('records a create with its config, secrets masked, then a pause and a delete with the state before and after', async () => {
      if (!process.env['KPC_TEST_CONNECT_URL']) return pending('no test Connect worker');
      const name = connect.connectorName('audited');
      const topic = await api.kafka.createTopic('audited-connector');
      const config = { ...connect.sourceConfig(connect.file(['a']), topic), 'db.password': 'hunter2' };

      expect((await api.post(connectorsUrl, { name, config })).status).toBe(201);
      await connect.until(name, (status) => status.connector.state === 'RUNNING');
      await api.post(`${connectorsUrl}/${name}/pause`, {});
      await api.request('DELETE', `${connectorsUrl}/${name}?confirm=${name}`);

      const created = await recordOf('connector.create', name);
      expect(created).toEqual(jasmine.objectContaining({ outcome: 'applied', integrity: 'verified' }));
      expect(created?.parameters).toEqual(jasmine.objectContaining({ connectCluster: 'test-connect' }));
      expect(JSON.stringify(created)).not.toContain('hunter2');
      expect(await recordOf('connector.pause', name)).toEqual(
        jasmine.objectContaining({ outcome: 'applied', before: { state: 'RUNNING' }, after: { state: 'PAUSED' } }),
      );
      expect(await recordOf('connector.delete', name)).toEqual(jasmine.objectContaining({ outcome: 'applied' }));
    });
  });

  describe('of declared co-partition groups', () => {
    it('records a declaration and its removal, with the topics', async () => {
      const [left, right] = [await api.kafka.createTopic('audited-left'), await api.kafka.createTopic('audited-right')];
      const name = `spec-audited-${randomUUID()}`;

      await api.post('/api/clusters/local/copartition/groups', { name, topics: [left, right] });
      await api.request('DELETE', `/api/clusters/local/copartition/groups/${name}`);

      expect(await recordOf('copartition-group.declare', name)).toEqual(
        jasmine.objectContaining({ outcome: 'applied', before: null, after: { topics: [left, right].sort() } }),
      );
      expect(await recordOf('copartition-group.remove', name)).toEqual(
        jasmine.objectContaining({ outcome: 'applied', before: { topics: [left, right].sort() } }),
      );
    });
  });
});
