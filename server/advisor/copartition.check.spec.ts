import { randomUUID } from 'node:crypto';
import type { CopartitionGroup, CopartitionReport, Finding as CopartitionFinding, GroupHealth } from '../copartition/copartition.model';
import { FIXES } from '../copartition/findings';
import { startTestApi, type TestApi } from '../testing/test-api';
import type { AdvisorReport } from './advisor.model';
import { copartitionFindings } from './copartition.check';

function aGroup(overrides: Partial<CopartitionGroup> = {}): CopartitionGroup {
  return {
    id: 'streams-app:enricher',
    name: 'enricher',
    origin: 'streams-app',
    topics: ['orders', 'payments'],
    reason: 'Kafka Streams application enricher reads orders, payments',
    ...overrides,
  };
}

function aReport(verdict: CopartitionReport['verdict'], findings: Partial<CopartitionFinding>[] = []): CopartitionReport {
  return {
    group: aGroup(),
    verdict,
    summary: `A ${verdict} group.`,
    findings: findings.map((finding) => ({ cause: 'partition-count', summary: '', fix: '', keys: [], keyCount: 0, ...finding })),
    topics: [],
    commonKeys: 0,
    checkedAt: '2026-01-01T00:00:00.000Z',
  };
}

const SAME_COUNTS = new Map([
  ['orders', 6],
  ['payments', 6],
]);
const COUNTS_DIFFER = new Map([
  ['orders', 6],
  ['payments', 8],
]);

describe('Co-partition lesson', () => {
  describe('copartitionFindings', () => {
    describe('for a group whose partition counts differ', () => {
      const health: GroupHealth[] = [
        {
          group: aGroup(),
          report: aReport('broken', [{ cause: 'partition-count', summary: 'The counts differ', fix: FIXES['partition-count'] }]),
        },
      ];

      it('is critical, names both counts and links to the co-partition page', () => {
        const [finding] = copartitionFindings('prod', health, COUNTS_DIFFER);

        expect(finding?.severity).toBe('critical');
        expect(finding?.title).toBe('enricher is not co-partitioned: partition counts 6 vs 8');
        expect(finding?.subject).toEqual({ kind: 'streams-app', name: 'enricher' });
        expect(finding?.link).toBe('/clusters/prod/copartition');
        expect(finding?.evidence).toContain({ label: 'Partitions', value: 'orders: 6, payments: 8', source: 'cluster metadata' });
      });

      it('gives the co-partition feature’s fix and repartitions the odd topic to the other count', () => {
        const [finding] = copartitionFindings('prod', health, COUNTS_DIFFER);
        expect(finding?.fix.summary).toBe(FIXES['partition-count']);
        expect(finding?.fix.config).toBe(
          'builder.stream("orders").repartition(Repartitioned.numberOfPartitions(8).withName("orders-by-8"))',
        );
      });
    });

    describe('for a group at risk', () => {
      it('is a warning with the cause and the producer setting', () => {
        const report = aReport('at-risk', [{ cause: 'schema-id', summary: 'Keys carry schema ids', fix: FIXES['schema-id'], keyCount: 4 }]);

        const [finding] = copartitionFindings('prod', [{ group: aGroup(), report }], SAME_COUNTS);

        expect(finding?.severity).toBe('warning');
        expect(finding?.title).toBe('enricher: A at-risk group.');
        expect(finding?.evidence.find((e) => e.label === 'Cause: schema-id')?.value).toBe('Keys carry schema ids (4 keys)');
        expect(finding?.fix.target).toBe('producer');
        expect(finding?.fix.config).toContain('key.serializer=org.apache.kafka.common.serialization.StringSerializer');
      });
    });

    describe('for a group the quick check had no time for', () => {
      it('is still critical when its partition counts differ', () => {
        const [finding] = copartitionFindings('prod', [{ group: aGroup(), report: null }], COUNTS_DIFFER);
        expect(finding?.title).toBe('enricher is not co-partitioned: partition counts 6 vs 8');
      });

      it('finds nothing when they agree', () =>
        expect(copartitionFindings('prod', [{ group: aGroup(), report: null }], SAME_COUNTS)).toEqual([]));
    });

    describe('for healthy groups and groups that could not be checked', () => {
      it('finds nothing', () => {
        const health: GroupHealth[] = [
          { group: aGroup(), report: aReport('healthy') },
          { group: aGroup({ id: 'declared:gone' }), report: null, problem: 'No topic payments' },
        ];
        expect(copartitionFindings('prod', health, COUNTS_DIFFER)).toEqual([]);
      });
    });
  });
});

describe('GET /api/clusters/:cluster/advisor co-partition', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startTestApi()));
  afterAll(() => api.stop());

  describe('for a declared group of topics with 2 and 3 partitions', () => {
    it('reports it broken, with both counts', async () => {
      const two = await api.kafka.createTopic('advisor.join-a', { partitions: 2 });
      const three = await api.kafka.createTopic('advisor.join-b', { partitions: 3 });
      const name = `advisor ${randomUUID().slice(0, 8)}`;
      expect((await api.post('/api/clusters/local/copartition/groups', { name, topics: [two, three] })).status).toBe(201);
      try {
        const { body } = await api.get<AdvisorReport>('/api/clusters/local/advisor');
        const finding = body.findings.find((f) => f.id === `copartition:declared:${name}`);

        expect(finding?.severity).toBe('critical');
        expect(finding?.title).toBe(`${name} is not co-partitioned: partition counts 2 vs 3`);
        expect(finding?.fix.config).toContain(`builder.stream("${two}").repartition(Repartitioned.numberOfPartitions(3)`);
      } finally {
        await api.request('DELETE', `/api/clusters/local/copartition/groups/${encodeURIComponent(name)}`);
      }
    });
  });
});
