import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack, type LocalStack } from '../local-stack/local-stack';
import { useTestApi } from '../testing/spec-setup';
import { startTestApi, type TestApi } from '../testing/test-api';
import { TEST_STACK } from '../testing/test-stack';
import type { AdvisorReport, Finding } from './advisor.model';
import type { TopicConfigs } from './advisor.gateway';
import { reassignmentPlan, type TopicDurability } from './durability-commands';
import { durabilityFindings, type DurabilityInput } from './durability.check';

const THREE_BROKERS = [1, 2, 3];

function aTopic(overrides: Partial<TopicDurability> & { replicas?: number; settings?: Record<string, string> } = {}): TopicDurability {
  const { replicas = 3, settings = {}, ...rest } = overrides;
  const configs: TopicConfigs = {
    'min.insync.replicas': { value: String(Math.max(1, replicas - 1)), isOverride: false },
    'unclean.leader.election.enable': { value: 'false', isOverride: false },
    'retention.ms': { value: '604800000', isOverride: false },
    'retention.bytes': { value: '-1', isOverride: false },
    'cleanup.policy': { value: 'delete', isOverride: false },
  };
  for (const [name, value] of Object.entries(settings)) configs[name as keyof TopicConfigs] = { value, isOverride: true };
  const partitions = [0, 1, 2].map((partition) => ({
    replicas: THREE_BROKERS.slice(0, replicas).map((_, i) => ((partition + i) % 3) + 1),
  }));
  return { name: 'orders', partitions, configs, isSourceTarget: false, ...rest };
}

function findingsFor(topic: TopicDurability, brokerIds = THREE_BROKERS): Finding[] {
  const input: DurabilityInput = { cluster: 'prod', bootstrapServers: 'k1:9092,k2:9092', brokerIds, topics: [topic] };
  return durabilityFindings(input);
}

describe('Durability lesson', () => {
  describe('durabilityFindings', () => {
    describe('with three replicas and min.insync.replicas 2', () => {
      it('finds nothing', () => expect(findingsFor(aTopic())).toEqual([]));
    });

    describe('replication factor 1', () => {
      it('is critical on three brokers, with a reassignment plan to three replicas', () => {
        const [finding] = findingsFor(aTopic({ replicas: 1 }));

        expect(finding?.severity).toBe('critical');
        expect(finding?.title).toContain('Replication factor 1 on a cluster of 3 brokers');
        expect(finding?.fix.config).toContain('kafka-reassign-partitions.sh --bootstrap-server k1:9092,k2:9092');
        expect(finding?.fix.config).toContain('{"topic":"orders","partition":0,"replicas":[1,2,3]}');
        expect(finding?.link).toBe('/clusters/prod/topics/orders');
      });

      it('is one piece of information for the cluster on a single broker: nothing to replicate to', () => {
        const input: DurabilityInput = {
          cluster: 'local',
          bootstrapServers: 'localhost:9092',
          brokerIds: [1],
          topics: [aTopic({ replicas: 1, name: 'a' }), aTopic({ replicas: 1, name: 'b' })],
        };

        const findings = durabilityFindings(input);

        expect(findings.map((f) => [f.severity, f.subject])).toEqual([['info', { kind: 'cluster', name: 'local' }]]);
        expect(findings[0]?.title).toBe('One broker: nothing to replicate to, so 2 topics have replication factor 1');
      });
    });

    describe('min.insync.replicas', () => {
      const insyncOf = (topic: TopicDurability) => findingsFor(topic).find((f) => f.id === 'durability:orders:min.insync.replicas');

      it('above the replication factor is critical: acks=all writes fail', () => {
        const finding = insyncOf(aTopic({ replicas: 2, settings: { 'min.insync.replicas': '3' } }));
        expect(finding?.severity).toBe('critical');
        expect(finding?.title).toContain('every acks=all write fails');
        expect(finding?.fix.config).toBe(
          'kafka-configs.sh --bootstrap-server k1:9092,k2:9092 --entity-type topics --entity-name orders --alter --add-config min.insync.replicas=1',
        );
      });

      it('equal to the replication factor is a warning: one broker down stops writes', () => {
        const finding = insyncOf(aTopic({ settings: { 'min.insync.replicas': '3' } }));
        expect(finding?.severity).toBe('warning');
        expect(finding?.fix.config).toMatch(/min\.insync\.replicas=2$/);
        expect(finding?.evidence).toContain({ label: 'min.insync.replicas', value: '3', source: 'topic config (set on the topic)' });
      });

      it('below replication factor − 1 is a warning advising RF − 1', () => {
        const finding = insyncOf(aTopic({ settings: { 'min.insync.replicas': '1' } }));
        expect(finding?.title).toBe('orders acknowledges acks=all writes with 1 of 3 replicas in sync');
        expect(finding?.fix.config).toMatch(/min\.insync\.replicas=2$/);
      });
    });

    describe('unclean leader election', () => {
      it('set on the topic is critical for the topic', () => {
        const [finding] = findingsFor(aTopic({ settings: { 'unclean.leader.election.enable': 'true' } }));
        expect(finding?.severity).toBe('critical');
        expect(finding?.fix.config).toMatch(/--add-config unclean\.leader\.election\.enable=false$/);
      });

      it('inherited from the brokers is one critical finding for the cluster', () => {
        const topic = aTopic();
        topic.configs['unclean.leader.election.enable'] = { value: 'true', isOverride: false };

        const findings = findingsFor(topic);

        expect(findings.map((f) => f.id)).toEqual(['durability:cluster:unclean.leader.election.enable']);
        expect(findings[0]?.fix.config).toContain('--entity-type brokers --entity-default');
      });
    });

    describe('event topics', () => {
      it('named *events* with a 7-day retention is a warning that says why it counts as one', () => {
        const [finding] = findingsFor(aTopic({ name: 'shop.orders.events' }));

        expect(finding?.title).toBe('Event topic shop.orders.events keeps 7 days: a new consumer cannot rebuild from the start');
        expect(finding?.evidence.find((e) => e.label === 'Why an event topic')?.value).toBe('its name contains "events"');
        expect(finding?.fix.config).toMatch(/--add-config retention\.ms=-1$/);
      });

      it('a source connector publishes to, limited by bytes, is told to keep both forever', () => {
        const topic = aTopic({
          name: 'monolith',
          isSourceTarget: true,
          settings: { 'retention.ms': '-1', 'retention.bytes': '1073741824' },
        });
        const [finding] = findingsFor(topic);
        expect(finding?.evidence.find((e) => e.label === 'Why an event topic')?.value).toBe('a source connector publishes to it');
        expect(finding?.fix.config).toMatch(/retention\.ms=-1,retention\.bytes=-1$/);
      });

      it('kept forever, or compacted, is fine', () => {
        expect(findingsFor(aTopic({ name: 'a.events', settings: { 'retention.ms': '-1' } }))).toEqual([]);
        expect(findingsFor(aTopic({ name: 'b.events', settings: { 'cleanup.policy': 'compact,delete' } }))).toEqual([]);
      });

      it('does not count a topic with another name and no source connector', () =>
        expect(findingsFor(aTopic({ name: 'orders' }))).toEqual([]));
    });
  });

  describe('reassignmentPlan', () => {
    it('keeps each partition’s replicas and adds the brokers after its leader', () =>
      expect(reassignmentPlan('t', [{ replicas: [1] }, { replicas: [2] }, { replicas: [3] }], [3, 1, 2], 3).map((p) => p.replicas)).toEqual(
        [
          [1, 2, 3],
          [2, 3, 1],
          [3, 1, 2],
        ],
      ));
  });
});

describe('GET /api/clusters/:cluster/advisor durability on three brokers', () => {
  // A cluster of its own: three brokers, so replication can be judged; its ports (+250) are clear
  // of the replication spec's three brokers (+200), so the two may run side by side.
  let dataDir: string;
  let stack: LocalStack;
  let api: TestApi;
  let report: AdvisorReport;
  const topicFindings = (topic: string) => report.findings.filter((finding) => finding.subject.name === topic);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kpc-advisor-'));
    stack = await startLocalStack({ dataDir, brokers: 3, kafkaPort: TEST_STACK.kafkaPort + 250, withConnect: false, log: () => undefined });
    api = await startTestApi([{ name: 'triple', bootstrapServers: stack.bootstrapServers.split(','), connect: [] }]);
    const configs = (settings: Record<string, string>) => Object.entries(settings).map(([name, value]) => ({ name, value }));
    await api.kafka.admin.createTopics({
      topics: ['advisor.single'],
      partitions: 2,
      replicas: 1,
      configs: configs({ 'min.insync.replicas': '1' }),
    });
    await api.kafka.admin.createTopics({
      topics: ['advisor.safe'],
      partitions: 2,
      replicas: 3,
      configs: configs({ 'min.insync.replicas': '2' }),
    });
    await api.kafka.admin.createTopics({
      topics: ['advisor.unclean'],
      partitions: 1,
      replicas: 3,
      configs: configs({ 'min.insync.replicas': '2', 'unclean.leader.election.enable': 'true' }),
    });
    // A topic made a moment ago reaches every broker's metadata soon after: ask until the advisor sees all three.
    const made = ['advisor.single', 'advisor.safe', 'advisor.unclean'];
    for (let attempt = 0; attempt < 40; attempt++) {
      const metadata = await api.kafka.admin.metadata({ topics: made, forceUpdate: true }).catch(() => undefined);
      if (made.every((topic) => metadata?.topics.get(topic)?.partitions.every((p) => p.leader >= 0))) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const res = await api.get<AdvisorReport>('/api/clusters/triple/advisor');
    expect(res.status).toBe(200);
    report = res.body;
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
    await stack?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  describe('a topic with one replica and min.insync.replicas 1', () => {
    it('is critical, with the replication factor and the broker count as evidence', () => {
      const [finding] = topicFindings('advisor.single');
      expect(topicFindings('advisor.single').length).toBe(1);
      expect(finding?.severity).toBe('critical');
      expect(finding?.evidence).toContain({ label: 'Brokers', value: '3', source: 'cluster metadata' });
      expect(finding?.fix.config).toContain('--reassignment-json-file replicate-advisor.single.json --execute');
    });
  });

  describe('a topic with three replicas and min.insync.replicas 2', () => {
    it('is not flagged', () => expect(topicFindings('advisor.safe')).toEqual([]));
  });

  describe('a topic that allows unclean leader election', () => {
    it('is critical, read from the topic’s own config', () => {
      const [finding] = topicFindings('advisor.unclean');
      expect(finding?.id).toBe('durability:advisor.unclean:unclean.leader.election.enable');
      expect(finding?.evidence[0]?.source).toBe('topic config (set on the topic)');
    });
  });

  it('reads every topic’s configs, so nothing of the lesson is skipped', () =>
    expect(report.skipped.filter((skipped) => skipped.rule === 'durability')).toEqual([]));
});

describe('GET /api/clusters/:cluster/advisor durability of what the bridge publishes', () => {
  const { api, connect } = useTestApi();

  describe('for a topic a source connector publishes to, kept 7 days', () => {
    it('warns that the event topic forgets, saying a source connector writes it', async () => {
      const { topic } = await connect.source('advisor.bridge', ['{"sequence":1}']);

      const { body } = await api.get<AdvisorReport>('/api/clusters/local/advisor');
      const finding = body.findings.find((f) => f.id === `durability:${topic}:retention`);

      expect(finding?.title).toBe(`Event topic ${topic} keeps 7 days: a new consumer cannot rebuild from the start`);
      expect(finding?.evidence.find((e) => e.label === 'Why an event topic')?.value).toBe('a source connector publishes to it');
    });
  });

  describe('with a Connect cluster that does not answer', () => {
    it('says event topics are told by name only there', async () => {
      const { body } = await api.get<AdvisorReport>('/api/clusters/local/advisor');
      const skipped = body.skipped.filter((s) => s.rule === 'durability').map((s) => s.reason);
      expect(skipped).toEqual([jasmine.stringMatching(/^Could not ask Connect .*\(down: .*event topics are told by name only$/)]);
    });
  });

  describe('on one broker', () => {
    it('says once, for the cluster, that there is nothing to replicate to', async () => {
      const { body } = await api.get<AdvisorReport>('/api/clusters/local/advisor');
      const single = body.findings.filter((f) => f.id === 'durability:cluster:single-broker');
      expect(single.map((f) => f.severity)).toEqual(['info']);
      expect(body.findings.some((f) => f.id.endsWith(':replication'))).toBeFalse();
    });
  });
});
