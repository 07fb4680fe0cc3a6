import { sleep, until } from '../testing/polling';
import { GroupFixtures } from '../testing/consumer-groups.fixtures';
import { startTestApi, testClusters, type TestApi } from '../testing/test-api';
import type { GroupHistory, TopicHistory } from './metrics.model';

/** Sampled every second here (15 s when the console runs), so a spec sees many samples. */
const SETTINGS = { intervalMs: 1_000, retentionMs: 7 * 24 * 3_600_000 };
const INTERVAL_S = SETTINGS.intervalMs / 1000;

const mean = (values: (number | null)[]) => {
  const known = values.filter((value): value is number => value !== null);
  return known.reduce((sum, value) => sum + value, 0) / known.length;
};

describe('GET /api/clusters/:cluster/metrics', () => {
  let api: TestApi;
  let groups: GroupFixtures;
  beforeAll(async () => {
    api = await startTestApi(testClusters(), { metrics: SETTINGS });
    groups = new GroupFixtures(api.kafka);
    // An instance of an earlier spec may have written a moment ago: this one waits its turn.
    await until(async () => api.metrics.isSampling(testClusters()[0]!), Boolean, 20_000);
  }, 40_000);
  afterAll(async () => {
    await groups.cleanUp();
    await api.stop();
  });

  describe('/topics/:topic', () => {
    describe('for a topic written at a known rate', () => {
      it('measures the rate within 10%', async () => {
        const topic = await api.kafka.createTopic('metrics.rate');
        const stop = api.kafka.writeSteadily(topic, 200);
        await sleep(8_000);
        const res = await api.get<TopicHistory>(`/api/clusters/local/metrics/topics/${encodeURIComponent(topic)}?range=15m`);
        await stop();

        expect(res.status).toBe(200);
        // The samples while it was written throughout: not the first (the topic was new) nor the last.
        const steady = res.body.recordsPerSecond.filter((rate) => rate !== null && rate > 0).slice(1, -1);
        expect(steady.length).toBeGreaterThanOrEqual(4);
        expect(mean(steady)).toBeGreaterThan(180);
        expect(mean(steady)).toBeLessThan(220);
        expect(res.body.current?.sizeBytes ?? 0).toBeGreaterThanOrEqual(0);
      });
    });

    describe('with a range it does not know', () => {
      it('answers 400 naming the ranges', async () => {
        const res = await api.get('/api/clusters/local/metrics/topics/any?range=2w');
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('15m, 1h, 6h, 24h, 7d');
      });
    });
  });

  describe('/consumer-groups/:group', () => {
    describe('for a group that stopped while its topic is still written', () => {
      let topic: string;
      let groupId: string;
      let stoppedAt: number;
      let stop: () => Promise<void>;

      beforeAll(async () => {
        topic = await api.kafka.createTopic('metrics.lag');
        stop = api.kafka.writeSteadily(topic, 50);
        groupId = await groups.committedGroup('metrics.lag', topic, [0]);
        await sleep(3_000);
        // The group reads up to the end, commits, and stops.
        const [end] = await groups.logEndOffsets(topic, 1);
        await groups.commit(groupId, topic, [end!]);
        stoppedAt = Date.now();
      });
      afterAll(() => stop());

      it('tells its lag in seconds within one interval of how long ago it stopped', async () => {
        await sleep(6_000);
        const res = await api.get<GroupHistory>(`/api/clusters/local/metrics/consumer-groups/${encodeURIComponent(groupId)}?range=15m`);
        const stoppedFor = (Date.parse(res.body.asOf!) - stoppedAt) / 1000;

        expect(res.status).toBe(200);
        expect(res.body.current!.lag).toBeGreaterThan(0);
        expect(res.body.current!.lagSeconds!).toBeGreaterThan(stoppedFor - INTERVAL_S);
        expect(res.body.current!.lagSeconds!).toBeLessThan(stoppedFor + INTERVAL_S);
        expect(res.body.lagSeconds.some((seconds) => seconds !== null && seconds > 0)).toBeTrue();
      });

      it('turns STOP by Burrow’s rules once it committed nothing for longer than its window spans', async () => {
        const path = `/api/clusters/local/metrics/consumer-groups/${encodeURIComponent(groupId)}?range=15m`;
        const { body } = await until(
          () => api.get<GroupHistory>(path),
          (res) => res.body.current?.status === 'ERR',
          20_000,
        );

        expect(body.current?.status).toBe('ERR');
        expect(body.current?.rule).toBe('stopped');
        expect(body.current?.partitions[0]?.status).toBe('STOP');
        expect(body.status).toContain('ERR');
      });
    });
  });

  describe('/overview', () => {
    it('lists topics and groups with their sparklines', async () => {
      const res = await until(
        () => api.get('/api/clusters/local/metrics/overview?range=15m&limit=5'),
        (r) => r.body.topics.length === 5,
        10_000,
      );

      expect(res.status).toBe(200);
      expect(res.body.time.length).toBeGreaterThan(0);
      expect(res.body.topics[0].rateHistory.length).toBe(res.body.time.length);
      expect(res.body.groups.length).toBeGreaterThan(0);
    });
  });
});

describe('Metric history kept in the cluster', () => {
  describe('after the console restarts', () => {
    it('still charts what was sampled before', async () => {
      const first = await startTestApi(testClusters(), { metrics: SETTINGS });
      // An instance of an earlier spec may have written a moment ago: this one waits its turn.
      await until(async () => first.metrics.isSampling(testClusters()[0]!), Boolean, 20_000);
      const topic = await first.kafka.createTopic('metrics.restart');
      const stop = first.kafka.writeSteadily(topic, 100);
      await sleep(5_000);
      await stop();
      const before = (await first.get<TopicHistory>(`/api/clusters/local/metrics/topics/${encodeURIComponent(topic)}?range=15m`)).body;
      await first.stop();

      const second = await startTestApi(testClusters(), { metrics: SETTINGS });
      try {
        const rateAt = (history: TopicHistory, time: number) => history.recordsPerSecond[history.time.indexOf(time)] ?? null;
        const busy = before.time.filter((time) => (rateAt(before, time) ?? 0) > 50);
        const path = `/api/clusters/local/metrics/topics/${encodeURIComponent(topic)}?range=15m`;
        const after = (
          await until(
            () => second.get<TopicHistory>(path),
            (res) => res.body.time.includes(busy[0]!),
            10_000,
          )
        ).body;

        expect(busy.length).toBeGreaterThan(0);
        for (const time of busy) expect(rateAt(after, time)).toBeCloseTo(rateAt(before, time)!, 0);
      } finally {
        await second.stop();
      }
    }, 60_000);
  });

  describe('with two console instances', () => {
    it('has one sample, and the other take over when it stops', async () => {
      const [one, two] = await Promise.all([
        startTestApi(testClusters(), { metrics: SETTINGS }),
        startTestApi(testClusters(), { metrics: SETTINGS }),
      ]);
      try {
        const cluster = testClusters()[0]!;
        const samplers = () => [one, two].filter((api) => api.metrics.isSampling(cluster));
        // Both may begin at once; then the one with the greater id yields when it reads the other's samples.
        await sleep(5 * SETTINGS.intervalMs);
        await until(
          async () => samplers(),
          (found) => found.length === 1,
          20_000,
        );
        await sleep(3 * SETTINGS.intervalMs);
        expect(samplers().length).toBe(1);

        const [sampler] = samplers();
        const follower = sampler === one ? two : one;
        await sampler!.stop();
        expect(await until(async () => follower.metrics.isSampling(cluster), Boolean, 20_000)).toBeTrue();
      } finally {
        await Promise.all([one.stop().catch(() => undefined), two.stop().catch(() => undefined)]);
      }
    }, 60_000);
  });
});
