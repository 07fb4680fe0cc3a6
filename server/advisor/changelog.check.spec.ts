import { randomUUID } from 'node:crypto';
import { useTestApi } from '../testing/spec-setup';
import type { AdvisorReport } from './advisor.model';
import { DEFAULT_RESTORE_RATE, restoreFinding, retentionFinding } from './changelog.check';
import { aStore, aStreamsApp, aWindowedStore } from './streams-facts.builders';

const DAY = 86_400_000;

describe('ChangelogCheck', () => {
  describe('retentionFinding', () => {
    describe('when the changelog keeps what the app asks for', () => {
      it('finds nothing', () => expect(retentionFinding('local', aStreamsApp(), aWindowedStore())).toBeUndefined());
    });

    describe('when the store has no windows', () => {
      it('finds nothing, whatever the retention', () =>
        expect(retentionFinding('local', aStreamsApp(), aStore({ retentionMs: 7 * DAY }))).toBeUndefined());
    });

    describe('when a windowed changelog falls back to the broker default', () => {
      it('says how many times the window it keeps, and sets what the app asks for', () => {
        const store = aWindowedStore({ retentionMs: 7 * DAY });

        const finding = retentionFinding('local', aStreamsApp(), store);

        expect(finding).toEqual(
          jasmine.objectContaining({
            id: 'changelog:retention:billing-clicks-per-minute-changelog',
            severity: 'warning',
            subject: { kind: 'topic', name: 'billing-clicks-per-minute-changelog' },
            title: 'billing: changelog of clicks-per-minute keeps 7 days (the broker default), 6.9× the 24.2 hours the app asks for',
            link: '/clusters/local/topics/billing-clicks-per-minute-changelog',
          }),
        );
        expect(finding?.fix).toEqual(jasmine.objectContaining({ target: 'topic', config: 'retention.ms=87030000' }));
        expect(finding?.evidence).toContain(
          jasmine.objectContaining({
            label: 'retention the app asks for',
            source: jasmine.stringContaining('window + grace 10.5 minutes'),
          }),
        );
      });
    });

    describe('when the window is not known (a classic app)', () => {
      it('says so in the evidence, and leaves the window to put in', () => {
        const store = aWindowedStore({ retentionMs: 7 * DAY, requestedRetentionMs: null });

        const finding = retentionFinding('local', aStreamsApp({ protocol: 'classic' }), store);

        expect(finding?.title).toBe('billing: changelog of clicks-per-minute falls back to the broker default retention of 7 days');
        expect(finding?.evidence).toContain(jasmine.objectContaining({ label: 'window + grace', value: 'not known' }));
        expect(finding?.fix.config).toBe('retention.ms=<window size + grace + 86400000>');
      });

      it('finds nothing in a retention of its own', () =>
        expect(
          retentionFinding('local', aStreamsApp(), aWindowedStore({ retentionMs: 2 * DAY, requestedRetentionMs: null })),
        ).toBeUndefined());
    });

    describe('when the changelog keeps less than the app asks for', () => {
      it('warns that a restore loses open windows', () => {
        const finding = retentionFinding('local', aStreamsApp(), aWindowedStore({ retentionMs: 3_600_000 }));

        expect(finding?.title).toBe('billing: changelog of clicks-per-minute keeps 1 hour, less than the 24.2 hours the app asks for');
        expect(finding?.fix.why).toContain('come back empty');
      });
    });

    describe('when the changelog keeps its windows forever', () => {
      it('warns', () =>
        expect(retentionFinding('local', aStreamsApp(), aWindowedStore({ retentionMs: null }))?.title).toBe(
          'billing: changelog of clicks-per-minute keeps its windows forever, where the app asks for 24.2 hours',
        ));
    });
  });

  describe('restoreFinding', () => {
    describe('when a restore takes 5 minutes or less', () => {
      it('finds nothing', () =>
        expect(restoreFinding('local', aStreamsApp(), aStore({ records: 3_000_000, restoreRate: 10_000 }))).toBeUndefined());
    });

    describe('when the changelog does not exist yet', () => {
      it('finds nothing', () => expect(restoreFinding('local', aStreamsApp(), aStore({ records: null }))).toBeUndefined());
    });

    describe('when a restore takes longer at the measured rate', () => {
      it('gives the time with its numbers, and a standby replica as the fix', () => {
        const store = aStore({ records: 7_200_000, sizeBytes: 900 * 1024 * 1024, restoreRate: 10_000 });

        const finding = restoreFinding('local', aStreamsApp(), store);

        expect(finding).toEqual(
          jasmine.objectContaining({
            id: 'changelog:restore:billing/totals-store',
            subject: { kind: 'store', name: 'billing/totals-store' },
            title: 'billing: restoring totals-store would take about 12 minutes (7,200,000 records)',
            link: '/clusters/local/streams/billing',
          }),
        );
        expect(finding?.evidence).toContain(jasmine.objectContaining({ label: 'changelog', value: '7,200,000 records, 900 MiB' }));
        expect(finding?.fix.config).toContain('num.standby.replicas=1');
        expect(finding?.fix.config).toContain('min.cleanable.dirty.ratio=0.1');
        expect(finding?.fix.why).toContain('second copy');
      });
    });

    describe('when the rate could not be measured', () => {
      it('uses the stated default, and says so', () => {
        const finding = restoreFinding('local', aStreamsApp(), aStore({ records: 60 * DEFAULT_RESTORE_RATE * 6, restoreRate: null }));

        expect(finding?.evidence).toContain({
          label: 'restore rate',
          value: '10,000 records/s',
          source: 'not measured: a stated default',
        });
      });
    });
  });
});

/** A classic-protocol app, known by its internal topics, with changelogs as Kafka Streams or a hand would make them. */
describe('GET /api/clusters/:cluster/advisor: changelogs of a classic Streams app', () => {
  const { api, groups } = useTestApi();
  const applicationId = `spec-advisor-changelogs-${randomUUID().slice(0, 8)}`;
  const onBrokerDefault = `${applicationId}-clicks-per-minute-changelog`;
  const ownRetention = `${applicationId}-sessions-changelog`;
  const keyValue = `${applicationId}-totals-store-changelog`;
  let report: AdvisorReport;

  beforeAll(async () => {
    await api.kafka.admin.createTopics({
      topics: [onBrokerDefault],
      partitions: 2,
      replicas: 1,
      configs: [{ name: 'cleanup.policy', value: 'compact,delete' }],
    });
    await api.kafka.admin.createTopics({
      topics: [ownRetention],
      partitions: 2,
      replicas: 1,
      configs: [
        { name: 'cleanup.policy', value: 'compact,delete' },
        { name: 'retention.ms', value: String(DAY + 630_000) },
      ],
    });
    await api.kafka.admin.createTopics({
      topics: [keyValue],
      partitions: 2,
      replicas: 1,
      configs: [{ name: 'cleanup.policy', value: 'compact' }],
    });
    await api.kafka.produce(onBrokerDefault, [
      { key: 'a', value: '1', partition: 0 },
      { key: 'b', value: '2', partition: 1 },
    ]);
    // As a stopped classic app leaves it: a group with commits and no members.
    const input = await groups.topic('advisor-changelogs-input', [2]);
    await groups.commit(applicationId, input, [2]);
    report = (await api.get<AdvisorReport>('/api/clusters/local/advisor')).body;
  });

  afterAll(async () => {
    await api.kafka.admin.deleteGroups({ groups: [applicationId] }).catch(() => undefined);
    await api.kafka.admin.deleteTopics({ topics: [onBrokerDefault, ownRetention, keyValue] }).catch(() => undefined);
  });

  describe('a windowed changelog left on the broker default retention', () => {
    it('is a warning naming the 7 days, the window not known, and the restore it would take', () => {
      const finding = report.findings.find((f) => f.id === `changelog:retention:${onBrokerDefault}`);

      expect(finding).toEqual(
        jasmine.objectContaining({
          rule: 'changelog',
          severity: 'warning',
          title: `${applicationId}: changelog of clicks-per-minute falls back to the broker default retention of 7 days`,
          link: `/clusters/local/topics/${onBrokerDefault}`,
        }),
      );
      expect(finding?.evidence).toEqual(
        jasmine.arrayContaining([
          jasmine.objectContaining({ label: 'retention.ms', value: '604800000 (7 days)' }),
          jasmine.objectContaining({ label: 'window + grace', value: 'not known' }),
          jasmine.objectContaining({ label: 'changelog', value: jasmine.stringMatching(/^2 records, /) }),
          jasmine.objectContaining({ label: 'restore time', value: jasmine.stringMatching(/^\d+ milliseconds?$/) }),
        ]),
      );
    });
  });

  describe('a windowed changelog with a retention of its own, and a key-value changelog', () => {
    it('gives no finding', () =>
      expect(report.findings.filter((f) => f.rule === 'changelog' && f.id.includes(applicationId)).map((f) => f.id)).toEqual([
        `changelog:retention:${onBrokerDefault}`,
      ]));
  });

  describe('on a cluster that does not answer', () => {
    it('answers 200 with the Streams rules skipped and why', async () => {
      const res = await api.get<AdvisorReport>('/api/clusters/unreachable/advisor');

      expect(res.status).toBe(200);
      expect(res.body.skipped.map((skipped) => skipped.rule)).toEqual(jasmine.arrayContaining(['changelog', 'rocksdb']));
    });
  });
});
