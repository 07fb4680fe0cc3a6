import type { GroupMeasure, MetricsSample, TopicMeasure } from '../metrics/metrics.model';
import { MAX_POLL_INTERVAL_MS } from './consumer-poll-advice';
import type { ConsumerTiming } from './consumer-timing';
import { consumerTimingFindings } from './consumer-timing-advice';

function aStreamsConsumer(overrides: Partial<ConsumerTiming> = {}): ConsumerTiming {
  return {
    endpoint: 'streams-app',
    clientId: 'order-enricher-1-StreamThread-1-consumer',
    owner: { kind: 'streams-app', groupId: 'order-enricher', name: 'order-enricher' },
    recordsPerSecond: 6,
    timeBetweenPollAvgMs: 90,
    timeBetweenPollMaxMs: 190,
    pollIdleRatio: 0.49,
    commitsPerSecond: 0.93,
    processLatencyMs: 0.7,
    ...overrides,
  };
}
function aPlainConsumer(overrides: Partial<ConsumerTiming> = {}): ConsumerTiming {
  return {
    endpoint: 'billing',
    clientId: 'consumer-billing-1',
    owner: { kind: 'consumer-group', groupId: 'billing', name: 'billing' },
    recordsPerSecond: 40,
    timeBetweenPollAvgMs: 12_000,
    timeBetweenPollMaxMs: 14_000,
    pollIdleRatio: 0.05,
    commitsPerSecond: 0.2,
    processLatencyMs: null,
    ...overrides,
  };
}
function aTopic(topic: string, recordsPerSecond: number | null, partitions = 6): TopicMeasure {
  return { topic, partitions, recordsPerSecond, bytesPerSecond: null, sizeBytes: null };
}
/** The console's sample: the group reads \`topics\` (one partition of each is enough to name them). */
function aSample(groupId: string, topics: TopicMeasure[]): MetricsSample {
  const group: GroupMeasure = {
    groupId,
    type: 'streams',
    state: 'Stable',
    lag: 1_200,
    lagSeconds: 60,
    consumeRate: 2,
    catchUpSeconds: null,
    status: 'WARN',
    rule: 'lag-not-decreasing',
    partitions: topics.map((one) => ({
      topic: one.topic,
      partition: 0,
      committedOffset: 0,
      endOffset: 0,
      lag: 0,
      lagSeconds: 0,
      status: 'OK',
      rule: 'no-lag',
    })),
  };
  return { cluster: 'local', time: Date.UTC(2026, 10, 27), topics, groups: [group], underReplicatedPartitions: 0, offlinePartitions: 0 };
}
const ids = (consumers: ConsumerTiming[]) => consumerTimingFindings(consumers, 'local').map((finding) => finding.id);
const ids2 = (consumers: ConsumerTiming[], sample: MetricsSample) =>
  consumerTimingFindings(consumers, 'local', sample).map((finding) => finding.id);

describe('consumerTimingFindings', () => {
  it("finds nothing for the demo's order-enricher: 0.7 ms a record, a commit a second of 6 records", () =>
    expect(ids([aStreamsConsumer()])).toEqual([]));

  describe('max.poll.records', () => {
    describe('a Streams app taking 300 ms a record', () => {
      it('is not told to poll fewer: Kafka Streams stops processing to poll at half the interval', () =>
        expect(ids([aStreamsConsumer({ processLatencyMs: 300 })])).toEqual([]));

      it('is not warned of a gap of half the interval, which Kafka Streams reaches by design when busy', () =>
        expect(ids([aStreamsConsumer({ processLatencyMs: 300, timeBetweenPollMaxMs: 151_571 })])).toEqual([]));

      it('is warned of a measured gap near the interval, and told to allow three times it', () => {
        const [finding] = consumerTimingFindings([aStreamsConsumer({ processLatencyMs: 300, timeBetweenPollMaxMs: 250_000 })], 'local');

        expect(finding?.title).toBe('order-enricher: 4.2 minutes between two polls, near max.poll.interval.ms (5 minutes)');
        expect(finding?.fix.config).toBe('main.consumer.max.poll.interval.ms=750000');
        expect(finding?.link).toBe('/clusters/local/streams/order-enricher');
      });
    });

    describe('a plain consumer, busy 95% of the time at 40 records a second', () => {
      // 0.95 × 1000 ÷ 40 = 23.75 ms a record; 500 records take 11.9 s: well within 5 minutes.
      it('is fine', () => expect(ids([aPlainConsumer()])).toEqual([]));

      it('is warned of at 1 record a second (950 ms a record, 500 take 7.9 minutes), with 60,000 ÷ 950 = 63 → 63 records', () => {
        const [finding] = consumerTimingFindings([aPlainConsumer({ recordsPerSecond: 1 })], 'local');

        expect(finding?.title).toContain('a poll of 500 records takes 7.9 minutes at 950 ms a record');
        expect(finding?.fix.config).toContain('\nmax.poll.records=63');
        expect(finding?.evidence).toContain(
          jasmine.objectContaining({ label: 'time a record takes', source: '(1 − poll-idle-ratio-avg) ÷ records-consumed-rate' }),
        );
      });
    });

    it('does not tell the time a record takes of a consumer that mostly waits', () =>
      expect(ids([aPlainConsumer({ recordsPerSecond: 0.1, pollIdleRatio: 0.5 })])).toEqual([]));

    it('warns of a measured gap between polls over half the interval, whatever the time per record', () => {
      const [finding] = consumerTimingFindings(
        [aPlainConsumer({ pollIdleRatio: 0.5, timeBetweenPollMaxMs: 0.6 * MAX_POLL_INTERVAL_MS })],
        'local',
      );

      expect(finding?.title).toBe('billing: 3 minutes between two polls, over half of max.poll.interval.ms (5 minutes)');
      // 180,000 ms for 500 records: 360 ms each; a fifth of the interval holds 166 → 160.
      expect(finding?.fix.config).toContain('max.poll.records=160');
    });

    it("writes a sink connector's setting as a consumer override of the connector", () => {
      const [finding] = consumerTimingFindings(
        [
          aPlainConsumer({
            clientId: 'connector-consumer-archive-0',
            owner: { kind: 'connector', groupId: 'connect-archive', name: 'archive' },
            recordsPerSecond: 1,
          }),
        ],
        'local',
      );

      expect(finding?.fix.config).toContain('consumer.override.max.poll.records=63');
      expect(finding?.link).toBe('/clusters/local/consumer-groups/connect-archive');
    });

    it('weighs the slowest of a group’s consumers', () =>
      expect(
        consumerTimingFindings([aPlainConsumer(), aPlainConsumer({ clientId: 'b', recordsPerSecond: 1 })], 'local')[0]?.title,
      ).toContain('at 950 ms a record'));
  });

  describe("the consumers' pace against what arrives", () => {
    // 400 ms a record: a stream thread processes 2.5 records a second.
    const slow = aStreamsConsumer({ processLatencyMs: 400 });

    it('warns when fewer can be processed than arrive to the topics the group reads', () => {
      const sample = aSample('order-enricher', [aTopic('domain-events', 3, 1), aTopic('order-enricher-orders-by-id-repartition', 1.2)]);

      const [finding] = consumerTimingFindings([slow], 'local', sample);

      expect(finding?.id).toBe('consumers-capacity:order-enricher');
      expect(finding?.title).toBe('order-enricher processes at most 2.5 records a second at 400 ms a record; 4.2 a second arrive');
      expect(finding?.evidence).toContain(
        jasmine.objectContaining({
          label: 'records arriving',
          value: '4.2 a second to domain-events, order-enricher-orders-by-id-repartition',
        }),
      );
      // 1.5 × 4.2 ÷ 2.5 = 2.52 → 3 threads, within the 6 partitions.
      expect(finding?.fix.config).toContain('\nnum.stream.threads=3');
    });

    it('says when more consumers than partitions would be needed', () => {
      const [finding] = consumerTimingFindings([slow], 'local', aSample('order-enricher', [aTopic('domain-events', 30, 2)]));

      expect(finding?.fix.summary).toBe(
        'Run 2 stream threads, at most one per partition it reads, for 50% more than arrives so a backlog drains. ' +
          'More than 2 cannot share the 2 partitions it reads: make a record cheaper too.',
      );
    });

    it('tells to make a record cheaper once every partition has its consumer', () => {
      const [finding] = consumerTimingFindings([slow], 'local', aSample('order-enricher', [aTopic('domain-events', 30, 1)]));

      expect(finding?.fix.summary).toContain('Every partition it reads (1) already has its own consumer: make a record cheaper');
      expect(finding?.fix.config).toBe('# 1 consumer for 1 partition: more would sit idle');
    });

    it('finds nothing while the group keeps up, or before the sample has rates', () => {
      expect(ids2([slow], aSample('order-enricher', [aTopic('domain-events', 2)]))).toEqual([]);
      expect(ids2([slow], aSample('order-enricher', [aTopic('domain-events', null)]))).toEqual([]);
      expect(ids2([slow], aSample('another-group', [aTopic('domain-events', 30)]))).toEqual([]);
    });
  });

  describe('the commit interval', () => {
    it('tells how many records a crash processes again once over 10,000, and advises the interval that keeps it at 10,000', () => {
      // 2,000 records a second, a commit every 30 s (Kafka Streams' default): 60,000 records a commit.
      const [finding] = consumerTimingFindings([aStreamsConsumer({ recordsPerSecond: 2_000, commitsPerSecond: 1 / 30 })], 'local');

      expect(finding?.id).toBe('consumers-commit:order-enricher');
      expect(finding?.severity).toBe('info');
      expect(finding?.title).toBe('order-enricher commits every 30 seconds: a crash or rebalance processes up to 60,000 records again');
      expect(finding?.fix.config).toBe('commit.interval.ms=5000');
    });

    it('advises committing once a second to a consumer committing 10 times a second, 2 records each', () => {
      const [finding] = consumerTimingFindings([aPlainConsumer({ recordsPerSecond: 20, commitsPerSecond: 10 })], 'local');

      expect(finding?.title).toBe('billing commits 10.0 times a second, 2.0 records each');
      expect(finding?.fix.config).toContain('auto.commit.interval.ms=1000');
    });

    it("tells a sink connector's worker setting", () => {
      const [finding] = consumerTimingFindings(
        [
          aPlainConsumer({
            owner: { kind: 'connector', groupId: 'connect-archive', name: 'archive' },
            recordsPerSecond: 20_000,
            commitsPerSecond: 1 / 60,
          }),
        ],
        'local',
      );

      expect(finding?.fix.config).toContain('offset.flush.interval.ms=1000');
    });

    it('says nothing without a commit in the window', () =>
      expect(ids([aPlainConsumer({ recordsPerSecond: 20_000, commitsPerSecond: 0 })])).toEqual([]));
  });
});
