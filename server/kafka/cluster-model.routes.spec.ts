import { randomUUID } from 'node:crypto';
import type { TopicPage } from '../topics/topic.model';
import type { ConsumerGroupPage } from '../consumer-groups/consumer-group.model';
import { useTestApi } from '../testing/spec-setup';
import { testClusters } from '../testing/test-api';
import { eventually, freezeTestProcess } from '../testing/test-stack';
import type { ModelTiming } from './cluster-model';

/** Quick background reads, and a long life for what is kept: an answer from memory is easy to tell. */
const REFRESH_MS = 700;
const part = { refreshMs: REFRESH_MS, staleMs: 60_000, idleMs: 60_000 };
const TIMING: ModelTiming = { metadata: part, offsets: part, groups: part, sizes: part, details: part, measurements: part };

/**
 * The live model the routes answer from: what it keeps, how it follows the cluster, and that a
 * change made through the console is in the very next answer.
 */
describe('the first topic list of a console just started', () => {
  const { api } = useTestApi(testClusters, () => ({ modelTiming: TIMING }));

  it('answers from the metadata at once, and the counts follow in a later answer', async () => {
    const topic = await api.kafka.createTopic('model-first-list');
    const countOf = async () =>
      (await api.get<TopicPage>(`/api/clusters/local/topics?search=${topic}`)).body.items.find((item) => item.name === topic)?.messageCount;

    expect(await countOf()).toBeNull();

    expect(await eventually(async () => (await countOf()) === 0, 5_000)).toBeTrue();
  });
});

describe('a topic list sorted by message count, first thing after a start', () => {
  const { api } = useTestApi(testClusters, () => ({ modelTiming: TIMING }));

  it('waits for the counts', async () => {
    const topic = await api.kafka.createTopic('model-sorted-first');

    const sorted = await api.get<TopicPage>(`/api/clusters/local/topics?sort=messageCount&search=${topic}`);

    expect(sorted.body.items.map((item) => item.messageCount)).toEqual([0]);
  });
});

describe('the live model of a cluster', () => {
  const { api } = useTestApi(testClusters, () => ({ modelTiming: TIMING }));
  const topicsUrl = '/api/clusters/local/topics?pageSize=10000';
  const names = async (url = topicsUrl) => (await api.get<TopicPage>(url)).body.items.map((topic) => topic.name);

  describe('after a change made through the console', () => {
    it('shows a created topic in the next answer, and a deleted one gone', async () => {
      await names(); // the model now keeps the list
      const topic = `spec.model.${randomUUID()}`;

      expect((await api.post('/api/clusters/local/topics', { name: topic })).status).toBe(201);
      expect(await names()).toContain(topic);

      expect((await api.request('DELETE', `/api/clusters/local/topics/${topic}?confirm=${topic}`)).status).toBe(204);
      expect(await names()).not.toContain(topic);
    });

    it('shows produced records in the next count', async () => {
      const topic = await api.kafka.createTopic('model-count');
      await api.get(`/api/clusters/local/topics/${topic}?fresh=true`);

      await api.post(`/api/clusters/local/topics/${topic}/messages`, { value: 'one' });

      const detail = await api.get(`/api/clusters/local/topics/${topic}`);
      expect(detail.body.partitions[0].latestOffset).toBe(1);
    });
  });

  describe('asOf', () => {
    it('advances as the model reads the cluster again in the background', async () => {
      const first = (await api.get<TopicPage>(topicsUrl)).body.asOf;

      const advanced = await eventually(async () => (await api.get<TopicPage>(topicsUrl)).body.asOf > first, 5_000);

      expect(advanced).toBeTrue();
    });
  });

  describe('a topic another Kafka client creates or deletes', () => {
    it('appears and disappears within a refresh, without being asked for', async () => {
      await names();
      const topic = await api.kafka.createTopic('model-other-client');

      expect(await eventually(async () => (await names()).includes(topic), REFRESH_MS * 4)).toBeTrue();

      await api.kafka.admin.deleteTopics({ topics: [topic] });
      expect(await eventually(async () => !(await names()).includes(topic), REFRESH_MS * 4)).toBeTrue();
    });

    it('is there at once when the page asks for a fresh read', async () => {
      await names();
      const topic = await api.kafka.createTopic('model-fresh');

      expect(await names(`${topicsUrl}&fresh=true`)).toContain(topic);
    });
  });

  describe('consumer groups another client commits for', () => {
    it('appear in the group list within a refresh', async () => {
      const groupsUrl = '/api/clusters/local/consumer-groups';
      await api.get(groupsUrl);
      const topic = await api.kafka.createTopic('model-group');
      const groupId = `spec.model-group.${randomUUID()}`;
      await api.kafka.admin.alterConsumerGroupOffsets({
        groupId,
        topics: [{ name: topic, partitionOffsets: [{ partition: 0, offset: 0n }] }],
      });

      const listed = await eventually(
        async () => (await api.get<ConsumerGroupPage>(groupsUrl)).body.items.some((group) => group.groupId === groupId),
        REFRESH_MS * 4,
      );

      expect(listed).toBeTrue();
      await api.kafka.admin.deleteGroups({ groups: [groupId] });
    });
  });

  describe('when the broker stops and comes back', () => {
    it('says so when asked for a fresh read, and answers again once it is back', async () => {
      await names();
      const resume = await freezeTestProcess('broker-1');
      try {
        const whileDown = await api.get(`${topicsUrl}&fresh=true`);
        expect(whileDown.status).toBe(503);
        expect(whileDown.body.error.code).toBe('CLUSTER_UNREACHABLE');
      } finally {
        resume();
      }

      const back = await eventually(async () => (await api.get(`${topicsUrl}&fresh=true`)).status === 200, 20_000);
      expect(back).toBeTrue();
    });
  });
});
