import { sleep } from '../testing/polling';
import type { GroupMeasure, MetricsSample, PartitionLagMeasure } from '../metrics/metrics.model';
import { GroupFixtures } from '../testing/consumer-groups.fixtures';
import { startTestApi, testClusters, type TestApi } from '../testing/test-api';
import type { AdvisorReport } from './advisor.model';
import { consumerFindings } from './consumers.check';

function aPartition(overrides: Partial<PartitionLagMeasure> = {}): PartitionLagMeasure {
  return {
    topic: 'orders',
    partition: 0,
    committedOffset: 10,
    endOffset: 110,
    lag: 100,
    lagSeconds: 90,
    status: 'OK',
    rule: 'no-lag',
    ...overrides,
  };
}

function aGroup(overrides: Partial<GroupMeasure> = {}): GroupMeasure {
  return {
    groupId: 'billing',
    type: 'classic',
    state: 'Empty',
    lag: 100,
    lagSeconds: 90,
    consumeRate: 0,
    catchUpSeconds: null,
    status: 'OK',
    rule: 'no-lag',
    partitions: [aPartition()],
    ...overrides,
  };
}

function aSample(groups: GroupMeasure[]): MetricsSample {
  return { cluster: 'prod', time: Date.UTC(2026, 0, 1), topics: [], groups, underReplicatedPartitions: 0, offlinePartitions: 0 };
}

describe('Consumers lesson', () => {
  describe('consumerFindings', () => {
    describe('for a group that stopped', () => {
      const stopped = aGroup({
        status: 'ERR',
        rule: 'stopped',
        partitions: [aPartition({ status: 'STOP', rule: 'stopped' }), aPartition({ partition: 1, lag: 0 })],
      });

      it('warns with its lag in records and in time, and the rule in plain words', () => {
        const [finding] = consumerFindings(aSample([stopped]), 15_000);

        expect(finding?.severity).toBe('warning');
        expect(finding?.title).toBe('billing has stopped: 100 records behind, 90 seconds');
        expect(finding?.evidence.map((e) => [e.label, e.value])).toContain(['Status', 'STOP on 1 of 2 partitions (the group: ERR)']);
        expect(finding?.evidence.find((e) => e.label === 'Rule')?.value).toContain('its consumers have stopped');
        expect(finding?.link).toBe('/clusters/prod/consumer-groups/billing');
      });

      it('gives the poll settings as config lines, with the trade-off', () => {
        const [finding] = consumerFindings(aSample([stopped]), 15_000);
        expect(finding?.fix.target).toBe('consumer');
        expect(finding?.fix.config).toContain('max.poll.records=250\nmax.poll.interval.ms=600000');
        expect(finding?.fix.why).toContain('a hung consumer keeps its partitions');
      });
    });

    describe('for a Kafka Streams app that stalled', () => {
      it('links to the Streams app and says it is stuck', () => {
        const stalled = aGroup({ groupId: 'enricher', type: 'streams', state: 'Stable', status: 'ERR', rule: 'stalled', lagSeconds: null });

        const [finding] = consumerFindings(aSample([stalled]), 15_000);

        expect(finding?.title).toBe('enricher has stalled: 100 records behind');
        expect(finding?.subject).toEqual({ kind: 'streams-app', name: 'enricher' });
        expect(finding?.link).toBe('/clusters/prod/streams/enricher');
      });
    });

    describe('for groups that move, fall behind or rewound', () => {
      it('finds nothing', () => {
        const groups = [
          aGroup({ status: 'WARN', rule: 'lag-not-decreasing' }),
          aGroup({ status: 'ERR', rule: 'rewind' }),
          aGroup({ status: 'OK', rule: 'lag-decreasing' }),
        ];
        expect(consumerFindings(aSample(groups), 15_000)).toEqual([]);
      });
    });
  });
});

describe('GET /api/clusters/:cluster/advisor consumers, sampled', () => {
  let api: TestApi;
  let groups: GroupFixtures;
  const local = testClusters()[0]!;

  beforeAll(async () => {
    api = await startTestApi(testClusters(), { metrics: { intervalMs: 1_000, retentionMs: 3_600_000 } });
    groups = new GroupFixtures(api.kafka);
    // An instance of an earlier spec may have sampled a moment ago: this one waits its turn.
    for (let waited = 0; !api.metrics.isSampling(local) && waited < 20_000; waited += 250) await sleep(250);
  }, 40_000);
  afterAll(async () => {
    await groups.cleanUp();
    await api.stop();
  });

  describe('for a group that committed once and stopped with records left', () => {
    it('warns that it stopped, with its lag', async () => {
      const topic = await groups.topic('advisor.stopped', [5]);
      const groupId = await groups.committedGroup('advisor.stopped', topic, [1]);

      let finding: AdvisorReport['findings'][number] | undefined;
      // Burrow's STOP fires once nothing was committed for longer than the window (ten samples) spans.
      for (let waited = 0; !finding && waited < 25_000; waited += 1_000) {
        await sleep(1_000);
        const { body } = await api.get<AdvisorReport>('/api/clusters/local/advisor');
        finding = body.findings.find((f) => f.id === `consumers:${groupId}`);
      }

      expect(finding?.title).toMatch(/has stopped: 4 records behind/);
      expect(finding?.evidence.find((e) => e.label === 'Status')?.value).toBe('STOP on 1 of 1 partitions (the group: ERR)');
      expect(finding?.evidence.find((e) => e.label === 'Group state')?.value).toBe('Empty (no members)');
    }, 40_000);
  });

  describe('when the console samples no metrics', () => {
    it('says the lesson was skipped and why', async () => {
      const quiet = await startTestApi([{ name: 'unsampled', bootstrapServers: local.bootstrapServers, connect: [] }]);
      try {
        const { body } = await quiet.get<AdvisorReport>('/api/clusters/unsampled/advisor');
        expect(body.skipped.find((s) => s.rule === 'consumers')?.reason).toContain('No metric sample of this cluster yet');
      } finally {
        await quiet.stop();
      }
    });
  });
});
