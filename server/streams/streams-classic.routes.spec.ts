import { randomUUID } from 'node:crypto';
import { useTestApi } from '../testing/spec-setup';
import { testClusters } from '../testing/test-api';
import type { StreamsAppDetail, StreamsAppPage } from './streams.model';

/**
 * A Kafka Streams app on the classic protocol: the broker knows only a consumer group, so the
 * console recognises the app by the internal topics named after it.
 */
describe('Streams apps on the classic protocol', () => {
  const { api, groups } = useTestApi(testClusters);
  const applicationId = `spec-classic-app-${randomUUID().slice(0, 8)}`;
  const repartition = `${applicationId}-by-customer-repartition`;
  const changelog = `${applicationId}-totals-store-changelog`;
  let input: string;

  beforeAll(async () => {
    input = await groups.topic('classic-app-input', [4, 4]);
    await api.kafka.admin.createTopics({ topics: [repartition, changelog], partitions: 2, replicas: 1 });
    // As a running classic app does: members of its group read the input and the repartition topic.
    await groups.attachConsumer(applicationId, input);
  });

  afterAll(async () => {
    // The consumer leaves first, so the group it made can go too.
    await groups.cleanUp();
    await api.kafka.admin.deleteGroups({ groups: [applicationId] }).catch(() => undefined);
    await api.kafka.admin.deleteTopics({ topics: [repartition, changelog] }).catch(() => undefined);
  });

  describe('GET /api/clusters/:cluster/streams-apps', () => {
    it('lists the group as a classic app with the store its changelog names', async () => {
      const page = await api.get<StreamsAppPage>(`/api/clusters/local/streams-apps?search=${applicationId}&fresh=true`);

      expect(page.body.items).toEqual([
        jasmine.objectContaining({ applicationId, protocol: 'classic', memberCount: 1, subtopologyCount: null, storeCount: 1 }),
      ]);
    });

    it('leaves out a consumer group without internal topics of its own', async () => {
      const plain = await groups.committedGroup('not-a-streams-app', input, [1, 1]);

      const page = await api.get<StreamsAppPage>(`/api/clusters/local/streams-apps?search=${encodeURIComponent(plain)}&fresh=true`);

      expect(page.body.items).toEqual([]);
    });
  });

  describe('with its own Topology#describe() given', () => {
    const path = () => `/api/clusters/local/streams-apps/${applicationId}/topology-description`;
    afterEach(() => api.request('DELETE', path()));

    it('draws the topology the broker does not know: what it reads, repartitions, logs and writes', async () => {
      const text = [
        'Topologies:',
        '   Sub-topology: 0',
        `    Source: orders (topics: [${input}])`,
        '      --> totals',
        '    Processor: totals (stores: [totals-store])',
        '      --> to-customers',
        '    Sink: to-customers (topic: by-customer-repartition)',
        '   Sub-topology: 1',
        '    Source: customers (topics: [by-customer-repartition])',
        '      --> out',
        `    Sink: out (topic: spec.classic-app-output.${applicationId})`,
      ].join('\n');

      const detail = (await api.request<StreamsAppDetail>('PUT', path(), { text })).body;

      expect(detail.subtopologyCount).toBe(2);
      expect(
        detail.subtopologies.map((s) => [s.inputs.map((i) => i.topic), s.outputs.map((o) => o.topic), s.changelogs.map((c) => c.topic)]),
      ).toEqual([
        [[input], [repartition], [changelog]],
        [[repartition], [`spec.classic-app-output.${applicationId}`], []],
      ]);
      expect(detail.topologyDescription?.differences).toEqual([]);
    });
  });

  describe('GET /api/clusters/:cluster/streams-apps/:applicationId', () => {
    it('shows its members and the store, without a topology the broker does not know', async () => {
      const detail = (await api.get<StreamsAppDetail>(`/api/clusters/local/streams-apps/${applicationId}?fresh=true`)).body;

      expect(detail.subtopologies).toEqual([]);
      expect(detail.members.map((member) => member.clientId)).toEqual(['spec-consumer']);
      expect(detail.stores).toEqual([jasmine.objectContaining({ name: 'totals-store', changelogTopic: changelog, records: 0 })]);
    });
  });
});
