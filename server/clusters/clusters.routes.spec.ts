import type { ClusterOverview, ClusterSummary } from './cluster.model';
import { useTestApi } from '../testing/spec-setup';
import { testClusters } from '../testing/test-api';

describe('clusters routes', () => {
  const withSecrets = {
    name: 'secured',
    bootstrapServers: ['broker.example:9093'],
    sasl: { mechanism: 'SCRAM-SHA-512' as const, username: 'console', password: 's3cret-password' },
    tls: { enabled: true, rejectUnauthorized: true },
    connect: [{ name: 'main', url: 'https://connect.example:8083', username: 'u', password: 'connect-secret' }],
  };
  const { api } = useTestApi(() => [...testClusters(), withSecrets]);

  describe('GET /api/clusters', () => {
    it('lists every configured cluster by name', async () => {
      const res = await api.get<ClusterSummary[]>('/api/clusters');

      expect(res.status).toBe(200);
      expect(res.body.map((cluster) => cluster.name)).toEqual(['local', 'unreachable', 'secured']);
    });

    describe('for a cluster with SASL and TLS', () => {
      it('names the mechanism but never a credential', async () => {
        const res = await api.get<ClusterSummary[]>('/api/clusters');

        const secured = res.body.find((cluster) => cluster.name === 'secured');
        expect(secured).toEqual({
          name: 'secured',
          bootstrapServers: ['broker.example:9093'],
          authentication: 'SASL SCRAM-SHA-512',
          tls: true,
          embedded: false,
          connectClusters: [{ name: 'main' }],
        });
        expect(JSON.stringify(res.body)).not.toMatch(/secret|username|console/);
      });
    });
  });

  describe('GET /api/clusters/:cluster/overview', () => {
    describe('for a reachable cluster', () => {
      let topic: string;
      let overview: ClusterOverview;
      beforeAll(async () => {
        topic = await api.kafka.createTopic('overview', { partitions: 5 });
        overview = (await api.get<ClusterOverview>('/api/clusters/local/overview')).body;
      });

      it('names the cluster id and the active controller', () => {
        expect(overview.clusterId).toMatch(/^[\w-]{22}$/);
        expect(overview.brokers.map((broker) => broker.id)).toContain(overview.controllerId);
      });

      it('lists the brokers with their address and the partitions they lead', async () => {
        const [host, port] = process.env['KPC_TEST_BOOTSTRAP']?.split(',')[0]?.split(':') ?? ['127.0.0.1', '19092'];
        const broker = overview.brokers.find((b) => b.port === Number(port));

        expect(broker).toEqual(jasmine.objectContaining({ host, isController: true, rack: null }));
        expect(broker!.leaderPartitions).toBeGreaterThanOrEqual(5);
      });

      it('counts the partitions of the topics Kafka has, the new one included', async () => {
        const admin = api.kafka.admin;
        const publicTopics = await admin.listTopics();
        const allTopics = await admin.listTopics({ includeInternals: true });
        const metadata = await admin.metadata({ topics: publicTopics });
        const publicPartitions = publicTopics.reduce((sum, name) => sum + metadata.topics.get(name)!.partitionsCount, 0);
        // The only internal topic here is __consumer_offsets, sized by this broker setting.
        const [broker] = await admin.describeConfigs({ resources: [{ resourceType: 4, resourceName: String(overview.controllerId) }] });
        const offsetsPartitions = Number(broker!.configs.find((c) => c.name === 'offsets.topic.num.partitions')!.value);

        expect(metadata.topics.get(topic)?.partitionsCount).toBe(5);
        expect(allTopics).toEqual([...publicTopics, '__consumer_offsets'].sort());
        expect(overview.topicCount).toBe(publicTopics.length);
        expect(overview.internalTopicCount).toBe(1);
        expect(overview.partitionCount).toBe(publicPartitions + offsetsPartitions);
      });

      it('reports no under-replicated or offline partitions on a healthy broker', () => {
        expect(overview.underReplicatedPartitions).toBe(0);
        expect(overview.offlinePartitions).toBe(0);
      });
    });

    describe('for a cluster that is not configured', () => {
      it('answers 404 CLUSTER_NOT_FOUND naming the configured ones', async () => {
        const res = await api.get('/api/clusters/nope/overview');

        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('CLUSTER_NOT_FOUND');
        expect(res.body.error.message).toContain('local');
      });
    });

    describe('for a cluster whose brokers do not answer', () => {
      it('answers 503 CLUSTER_UNREACHABLE within a few seconds', async () => {
        const started = Date.now();
        const res = await api.get('/api/clusters/unreachable/overview');

        expect(res.status).toBe(503);
        expect(res.body.error.code).toBe('CLUSTER_UNREACHABLE');
        expect(res.body.error.message).toContain('127.0.0.1:1');
        expect(Date.now() - started).toBeLessThan(10_000);
      });
    });
  });

  describe('an unknown API path', () => {
    it('answers 404 NOT_FOUND in the error shape', async () => {
      const res = await api.get('/api/no-such-thing');

      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: 'There is no API at GET /api/no-such-thing' } });
    });
  });

  describe('a body that is not JSON', () => {
    it('answers 400 INVALID_JSON, not a stack trace', async () => {
      const res = await api.post('/api/clusters', '{"name": ');

      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('INVALID_JSON');
    });
  });
});
