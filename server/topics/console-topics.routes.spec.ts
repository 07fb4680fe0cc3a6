import { randomUUID } from 'node:crypto';
import { useTestApi } from '../testing/spec-setup';
import type { MessagePage } from './message.model';
import type { TopicDetail } from './topic.model';

/**
 * The console keeps its audit records and declared co-partition groups in topics of the
 * cluster (`_kpc-*`). Through the console they can be read, never written: a produced record
 * would forge an audit entry, a tombstone would erase one.
 */
describe("the console's own topics", () => {
  const { api } = useTestApi();

  const topics = '/api/clusters/local/topics';
  /** A console topic of this spec's own, so the spec can check nothing changed in it. */
  let topic: string;
  beforeAll(async () => {
    topic = `_kpc-spec-${randomUUID()}`;
    await api.kafka.admin.createTopics({ topics: [topic], partitions: 2, replicas: 1 });
    await api.kafka.produce(topic, [{ key: 'entry-1', value: '{"genuine":true}', partition: 0 }]);
  });
  afterAll(async () => {
    await api.kafka.admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  });

  const offsets = async (name: string, timestamp: bigint) => {
    const [listed] = await api.kafka.admin.listOffsets({
      topics: [{ name, partitions: [{ partitionIndex: 0, timestamp }] }],
    });
    return Number(listed!.partitions[0]!.offset);
  };
  const config = async (name: string) => {
    const [described] = await api.kafka.admin.describeConfigs({
      resources: [{ resourceType: 2, resourceName: topic }],
    });
    return described!.configs.find((entry) => entry.name === name)?.value;
  };
  const expectRefused = (res: { status: number; body: { error: { code: string; message: string } } }, action: string) => {
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CONSOLE_TOPIC_PROTECTED');
    expect(res.body.error.message).toContain(`${topic} is one of the console's own topics`);
    expect(res.body.error.message).toContain(action);
  };

  describe('POST /api/clusters/:cluster/topics/:topic/messages', () => {
    describe('with a record', () => {
      it('answers 403 CONSOLE_TOPIC_PROTECTED and writes nothing', async () => {
        const res = await api.post(`${topics}/${topic}/messages`, { key: 'entry-1', value: '{"forged":true}' });

        expectRefused(res, 'producing');
        expect(await offsets(topic, -1n)).toBe(1);
      });
    });

    describe('with a tombstone', () => {
      it('answers 403 and erases nothing', async () => {
        const res = await api.post(`${topics}/${topic}/messages`, { key: 'entry-1', value: null, partition: 0 });

        expectRefused(res, 'producing');
        expect(await offsets(topic, -1n)).toBe(1);
      });
    });

    describe('on the audit topic itself', () => {
      it('answers 403: no forged audit record', async () => {
        const forger = `ceo-${randomUUID()}@example.com`;
        const forged = { action: 'topic.delete', actor: forger };
        await api.get('/api/audit?limit=1'); // the console creates its audit topic when it first reads it

        const res = await api.post(`${topics}/_kpc-audit/messages`, { key: randomUUID(), value: JSON.stringify(forged) });

        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('CONSOLE_TOPIC_PROTECTED');
        const audit = await api.get<{ actor: string }[]>('/api/audit?limit=1000');
        expect(JSON.stringify(audit.body)).not.toContain(forger);
      });
    });
  });

  describe('POST /api/clusters/:cluster/topics/:topic/purge', () => {
    it('answers 403, even when confirmed, and deletes no record', async () => {
      const res = await api.post(`${topics}/${topic}/purge`, { confirm: topic });

      expectRefused(res, 'purging');
      expect(await offsets(topic, -2n)).toBe(0);
    });
  });

  describe('PATCH /api/clusters/:cluster/topics/:topic/configs', () => {
    it('answers 403 and leaves the configs as they were', async () => {
      const before = await config('max.message.bytes');

      const res = await api.request('PATCH', `${topics}/${topic}/configs`, { set: { 'max.message.bytes': '200' } });

      expectRefused(res, 'changing its configs');
      expect(await config('max.message.bytes')).toBe(before);
    });
  });

  describe('POST /api/clusters/:cluster/topics/:topic/partitions', () => {
    it('answers 403 and adds none', async () => {
      const res = await api.post(`${topics}/${topic}/partitions`, { count: 4 });

      expectRefused(res, 'adding partitions');
      const metadata = await api.kafka.admin.metadata({ topics: [topic], forceUpdate: true });
      expect(metadata.topics.get(topic)?.partitionsCount).toBe(2);
    });
  });

  describe('DELETE /api/clusters/:cluster/topics/:topic', () => {
    it('answers 403, even when confirmed, and the topic stays', async () => {
      const res = await api.request('DELETE', `${topics}/${topic}?confirm=${topic}`);

      expectRefused(res, 'deleting');
      expect(await api.kafka.admin.listTopics({ includeInternals: true })).toContain(topic);
    });
  });

  describe('POST /api/clusters/:cluster/topics', () => {
    describe('with a name the console keeps for itself', () => {
      it('answers 403 and creates nothing', async () => {
        const name = `_kpc-spec-${randomUUID()}`;

        const res = await api.post(topics, { name, partitions: 1, replicationFactor: 1 });

        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('CONSOLE_TOPIC_PROTECTED');
        expect(await api.kafka.admin.listTopics({ includeInternals: true })).not.toContain(name);
      });
    });
  });

  describe('reading them', () => {
    it('shows the topic, saying why it cannot be changed', async () => {
      const res = await api.get<TopicDetail>(`${topics}/${topic}`);

      expect(res.status).toBe(200);
      expect(res.body.readOnlyReason).toContain("one of the console's own topics");
    });

    it('browses its records', async () => {
      const res = await api.get<MessagePage>(`${topics}/${topic}/messages?direction=forward`);

      expect(res.status).toBe(200);
      expect(res.body.messages.map((message) => message.key.text)).toEqual(['entry-1']);
    });

    it('does not say so of other topics', async () => {
      const other = await api.kafka.createTopic('not-console');

      expect((await api.get<TopicDetail>(`${topics}/${other}`)).body.readOnlyReason).toBeNull();
    });
  });
});
