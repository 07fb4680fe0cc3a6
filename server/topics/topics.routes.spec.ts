import { randomUUID } from 'node:crypto';
import { useTestApi } from '../testing/spec-setup';
import type { PartitionsIncreased, PurgeResult, TopicDetail, TopicPage } from './topic.model';

describe('topics routes', () => {
  const { api } = useTestApi();

  const topics = '/api/clusters/local/topics';
  const uniqueName = (purpose: string) => `spec.${purpose}.${randomUUID()}`;

  describe('GET /api/clusters/:cluster/topics', () => {
    let marker: string;
    let small: string;
    let large: string;
    beforeAll(async () => {
      marker = randomUUID();
      small = await api.kafka.createTopic(`list-${marker}-a`, { partitions: 1 });
      large = await api.kafka.createTopic(`list-${marker}-b`, { partitions: 4 });
      await api.kafka.produce(large, [
        { key: 'k1', value: 'v1' },
        { key: 'k2', value: 'v2' },
        { key: 'k3', value: 'v3' },
      ]);
    });

    it('finds topics by part of their name, with counts and message totals', async () => {
      const res = await api.get<TopicPage>(`${topics}?search=${marker}`);

      expect(res.status).toBe(200);
      expect(res.body.total).toBe(2);
      expect(res.body.items.map((t) => [t.name, t.partitions, t.replicationFactor, t.messageCount])).toEqual([
        [small, 1, 1, 0],
        [large, 4, 1, 3],
      ]);
      expect(res.body.items[1]!.sizeBytes).toBeGreaterThan(0);
    });

    it('sorts and pages', async () => {
      const res = await api.get<TopicPage>(`${topics}?search=${marker}&sort=messageCount&order=desc&page=0&pageSize=1`);

      expect(res.body.total).toBe(2);
      expect(res.body.items.map((t) => t.name)).toEqual([large]);
    });

    describe('internal topics', () => {
      it('are hidden unless asked for', async () => {
        const hidden = await api.get<TopicPage>(`${topics}?search=__consumer_offsets`);
        const shown = await api.get<TopicPage>(`${topics}?search=__consumer_offsets&internal=true`);

        expect(hidden.body.total).toBe(0);
        expect(shown.body.items[0]).toEqual(jasmine.objectContaining({ name: '__consumer_offsets', internal: true }));
      });
    });

    describe('with a sort field that does not exist', () => {
      it('answers 400 naming the allowed ones', async () => {
        const res = await api.get(`${topics}?sort=colour`);

        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('sort');
      });
    });
  });

  describe('POST /api/clusters/:cluster/topics', () => {
    it('creates the topic with its partitions and configs', async () => {
      const name = uniqueName('create');

      const res = await api.post(topics, { name, partitions: 3, replicationFactor: 1, configs: { 'retention.ms': '3600000' } });
      await api.kafka.admin.deleteTopics({ topics: [name] }).catch(() => undefined);

      expect(res.status).toBe(201);
    });

    describe('then in Kafka', () => {
      let name: string;
      beforeAll(async () => {
        name = uniqueName('create');
        await api.post(topics, { name, partitions: 3, replicationFactor: 1, configs: { 'cleanup.policy': 'compact' } });
      });
      afterAll(() => api.kafka.admin.deleteTopics({ topics: [name] }));

      it('has the partitions and the config asked for', async () => {
        const metadata = await api.kafka.admin.metadata({ topics: [name] });
        const [config] = await api.kafka.admin.describeConfigs({ resources: [{ resourceType: 2, resourceName: name }] });

        expect(metadata.topics.get(name)?.partitionsCount).toBe(3);
        expect(config!.configs.find((c) => c.name === 'cleanup.policy')?.value).toBe('compact');
      });

      it('refuses the same name again with 409 TOPIC_EXISTS', async () => {
        const res = await api.post(topics, { name, partitions: 1, replicationFactor: 1 });

        expect(res.status).toBe(409);
        expect(res.body.error).toEqual({ code: 'TOPIC_EXISTS', message: `Topic '${name}' already exists.` });
      });
    });

    const refusals: [string, (name: string) => object, number, string, RegExp][] = [
      ['an invalid name', () => ({ name: 'orders with spaces', partitions: 1 }), 400, 'INVALID_TOPIC_NAME', /not a valid topic name/],
      [
        'a replication factor above the broker count',
        (name) => ({ name, partitions: 1, replicationFactor: 3 }),
        400,
        'INVALID_REPLICATION_FACTOR',
        /only 1 broker/,
      ],
      [
        'an unknown config key',
        (name) => ({ name, configs: { 'retention.forever': 'yes' } }),
        400,
        'INVALID_CONFIG',
        /Unknown topic config name: retention\.forever/,
      ],
      [
        'a bad config value',
        (name) => ({ name, configs: { 'retention.ms': 'a week' } }),
        400,
        'INVALID_CONFIG',
        /Invalid value a week for configuration retention\.ms/,
      ],
      ['zero partitions', (name) => ({ name, partitions: 0 }), 400, 'VALIDATION_FAILED', /partitions/],
      ['no name', () => ({ partitions: 1 }), 400, 'VALIDATION_FAILED', /name/],
    ];
    for (const [what, body, status, code, message] of refusals) {
      describe(`with ${what}`, () => {
        it(`answers ${status} ${code} in plain words and creates nothing`, async () => {
          const name = uniqueName('refused');

          const res = await api.post(topics, body(name));

          expect(res.status).toBe(status);
          expect(res.body.error.code).toBe(code);
          expect(res.body.error.message).toMatch(message);
          expect(await api.kafka.admin.listTopics()).not.toContain(name);
        });
      });
    }
  });

  describe('GET /api/clusters/:cluster/topics/:topic', () => {
    let topic: string;
    beforeAll(async () => {
      topic = await api.kafka.createTopic('detail', { partitions: 2 });
      await api.kafka.produce(topic, [
        { key: 'a', value: '1', partition: 1 },
        { key: 'b', value: '2', partition: 1 },
      ]);
      await api.kafka.admin.alterConsumerGroupOffsets({
        groupId: `spec.detail.${randomUUID()}`,
        topics: [{ name: topic, partitionOffsets: [{ partition: 1, offset: 1n }] }],
      });
    });

    it('lists partitions with leader, replicas, ISR and offsets', async () => {
      const res = await api.get<TopicDetail>(`${topics}/${topic}`);

      expect(res.status).toBe(200);
      expect(res.body.partitions).toEqual([
        { partition: 0, leader: 1, replicas: [1], isr: [1], earliestOffset: 0, latestOffset: 0 },
        { partition: 1, leader: 1, replicas: [1], isr: [1], earliestOffset: 0, latestOffset: 2 },
      ]);
    });

    it('lists every config with its source and flags', async () => {
      const res = await api.get<TopicDetail>(`${topics}/${topic}`);
      const retention = res.body.configs.find((c) => c.name === 'retention.ms');

      expect(retention).toEqual(jasmine.objectContaining({ value: '604800000', source: 'default', isOverride: false, isSensitive: false }));
      expect(retention!.documentation).toContain('retain');
    });

    it('names the consumer groups reading it, with their lag', async () => {
      const res = await api.get<TopicDetail>(`${topics}/${topic}`);

      expect(res.body.consumerGroups).toEqual([jasmine.objectContaining({ lag: 1 })]);
    });

    describe('for a topic that does not exist', () => {
      it('answers 404 TOPIC_NOT_FOUND', async () => {
        const res = await api.get(`${topics}/spec.missing.${randomUUID()}`);

        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('TOPIC_NOT_FOUND');
      });
    });
  });

  describe('PATCH /api/clusters/:cluster/topics/:topic/configs', () => {
    let topic: string;
    beforeEach(async () => {
      topic = await api.kafka.createTopic('configs');
      await api.request('PATCH', `${topics}/${topic}/configs`, { set: { 'retention.ms': '1000', 'segment.ms': '60000' } });
    });

    it('sets and removes overrides in one change', async () => {
      const res = await api.request('PATCH', `${topics}/${topic}/configs`, { set: { 'retention.ms': '5000' }, delete: ['segment.ms'] });
      const [config] = await api.kafka.admin.describeConfigs({ resources: [{ resourceType: 2, resourceName: topic }] });
      const valueOf = (name: string) => config!.configs.find((c) => c.name === name);

      expect(res.status).toBe(200);
      expect(valueOf('retention.ms')?.value).toBe('5000');
      expect(valueOf('segment.ms')?.configSource).toBe(5);
    });

    describe('with one bad value among good ones', () => {
      it('answers 400 INVALID_CONFIG and changes nothing', async () => {
        const res = await api.request('PATCH', `${topics}/${topic}/configs`, { set: { 'retention.ms': 'x', 'cleanup.policy': 'compact' } });
        const [config] = await api.kafka.admin.describeConfigs({ resources: [{ resourceType: 2, resourceName: topic }] });

        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('INVALID_CONFIG');
        expect(config!.configs.find((c) => c.name === 'cleanup.policy')?.value).toBe('delete');
        expect(config!.configs.find((c) => c.name === 'retention.ms')?.value).toBe('1000');
      });
    });

    describe('with nothing to change', () => {
      it('answers 400 NOTHING_TO_CHANGE', async () => {
        expect((await api.request('PATCH', `${topics}/${topic}/configs`, {})).body.error.code).toBe('NOTHING_TO_CHANGE');
      });
    });
  });

  describe('POST /api/clusters/:cluster/topics/:topic/partitions', () => {
    it('adds partitions and warns about keys and joins', async () => {
      const topic = await api.kafka.createTopic('grow', { partitions: 2 });

      const res = await api.post<PartitionsIncreased>(`${topics}/${topic}/partitions`, { count: 5 });
      const metadata = await api.kafka.admin.metadata({ topics: [topic], forceUpdate: true });

      expect(res.status).toBe(200);
      expect(res.body.partitions).toBe(5);
      expect(res.body.warning).toContain('co-partitioned');
      expect(metadata.topics.get(topic)?.partitionsCount).toBe(5);
    });

    describe('with a count that is not larger', () => {
      it('answers 400 PARTITIONS_NOT_INCREASED and leaves the topic alone', async () => {
        const topic = await api.kafka.createTopic('shrink', { partitions: 3 });

        const res = await api.post(`${topics}/${topic}/partitions`, { count: 2 });
        const metadata = await api.kafka.admin.metadata({ topics: [topic], forceUpdate: true });

        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('PARTITIONS_NOT_INCREASED');
        expect(metadata.topics.get(topic)?.partitionsCount).toBe(3);
      });
    });
  });

  describe('POST /api/clusters/:cluster/topics/:topic/purge', () => {
    let topic: string;
    beforeEach(async () => {
      topic = await api.kafka.createTopic('purge', { partitions: 2 });
      const records = ['a', 'b', 'c'].map((value) => ({ key: value, value }));
      await api.kafka.produce(topic, [...records.map((r) => ({ ...r, partition: 0 })), ...records.map((r) => ({ ...r, partition: 1 }))]);
    });
    const earliest = async () => {
      const [listed] = await api.kafka.admin.listOffsets({
        topics: [{ name: topic, partitions: [0, 1].map((partitionIndex) => ({ partitionIndex, timestamp: -2n })) }],
      });
      return listed!.partitions.sort((a, b) => a.partitionIndex - b.partitionIndex).map((p) => Number(p.offset));
    };

    it('deletes every record when confirmed with the topic name', async () => {
      const res = await api.post<PurgeResult>(`${topics}/${topic}/purge`, { confirm: topic });

      expect(res.status).toBe(200);
      expect(res.body.partitions).toEqual([
        { partition: 0, lowWatermark: 3 },
        { partition: 1, lowWatermark: 3 },
      ]);
      expect(await earliest()).toEqual([3, 3]);
    });

    it('deletes only before an offset in the partitions named', async () => {
      await api.post(`${topics}/${topic}/purge`, { confirm: topic, partitions: [1], beforeOffset: 2 });

      expect(await earliest()).toEqual([0, 2]);
    });

    describe('without the typed confirmation', () => {
      it('answers 400 CONFIRMATION_REQUIRED and deletes nothing', async () => {
        const res = await api.post(`${topics}/${topic}/purge`, { confirm: 'orders' });

        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('CONFIRMATION_REQUIRED');
        expect(await earliest()).toEqual([0, 0]);
      });
    });

    describe('beyond the end of a partition', () => {
      it('answers 400 OFFSET_OUT_OF_RANGE and deletes nothing', async () => {
        const res = await api.post(`${topics}/${topic}/purge`, { confirm: topic, beforeOffset: 10 });

        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('ends at offset 3');
        expect(await earliest()).toEqual([0, 0]);
      });
    });

    describe('on a compacted topic', () => {
      it('explains that Kafka deletes such records by key', async () => {
        await api.request('PATCH', `${topics}/${topic}/configs`, { set: { 'cleanup.policy': 'compact' } });

        const res = await api.post(`${topics}/${topic}/purge`, { confirm: topic });

        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('cleanup.policy=compact');
      });
    });
  });

  describe('DELETE /api/clusters/:cluster/topics/:topic', () => {
    it('deletes the topic when confirmed with its name', async () => {
      const topic = await api.kafka.createTopic('delete');

      const res = await api.request('DELETE', `${topics}/${topic}?confirm=${topic}`);

      expect(res.status).toBe(204);
      expect(await api.kafka.admin.listTopics()).not.toContain(topic);
    });

    describe('without the typed confirmation', () => {
      it('answers 400 CONFIRMATION_REQUIRED and keeps the topic', async () => {
        const topic = await api.kafka.createTopic('keep');

        const res = await api.request('DELETE', `${topics}/${topic}`);

        expect(res.status).toBe(400);
        expect(await api.kafka.admin.listTopics()).toContain(topic);
      });
    });
  });
});
