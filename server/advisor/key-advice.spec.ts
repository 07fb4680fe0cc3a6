import { javaDefaultPartition } from '../kafka/java-partitioner';
import { aggregateFinding, isEventTopic, keylessFinding, partitionSkew, skewFinding } from './key-advice';
import type { AggregateMatch } from './key-values';
import type { LogSample, SampledRecord } from './log-sample.gateway';

function aRecord(overrides: Partial<SampledRecord> = {}): SampledRecord {
  return { partition: 0, key: Buffer.from('o-1'), value: Buffer.from('{}'), ...overrides };
}
function aSample(records: SampledRecord[], overrides: Partial<LogSample> = {}): LogSample {
  return { topic: 'orders', batches: [], records, partitionsRead: 1, partitions: 1, ...overrides };
}
function aMatch(overrides: Partial<AggregateMatch> = {}): AggregateMatch {
  return { field: 'orderId', compared: 100, matching: 100, examples: [], ...overrides };
}
const times = <T>(count: number, make: (index: number) => T): T[] => Array.from({ length: count }, (_, index) => make(index));

describe('key advice', () => {
  describe('isEventTopic', () => {
    it('is true of a plain topic', () => expect(isEventTopic('shop.orders')).toBeTrue());
    it('is false of the console’s and Kafka’s own topics', () =>
      expect([isEventTopic('_kpc-audit'), isEventTopic('__consumer_offsets')]).toEqual([false, false]));
    it('is false of a Streams app’s internal topics', () =>
      expect([isEventTopic('app-store-changelog'), isEventTopic('app-by-customer-repartition')]).toEqual([false, false]));
    it('is false of Kafka Connect’s storage topics, keyed by connector', () =>
      expect(
        ['connect-offsets', 'connect-configs', 'connect-status', 'docker-connect-offsets', 'cdc.connect-cluster-statuses'].map(
          isEventTopic,
        ),
      ).toEqual([false, false, false, false, false]));
    it('is true of a topic that only mentions connect', () => expect(isEventTopic('connect-events')).toBeTrue());
  });

  describe('keylessFinding', () => {
    describe('for a topic written without keys', () => {
      const found = () =>
        keylessFinding(
          'local',
          aSample(
            times(40, () => aRecord({ key: null })),
            { topic: 'orders' },
          ),
          { field: 'orderId' },
        )!;

      it('warns with the share in its title', () => {
        expect(found().severity).toBe('warning');
        expect(found().title).toBe('orders: 100% of 40 sampled records have no key');
      });

      it('gives the record the producer should send, keyed by the aggregate id', () =>
        expect(found().fix.config).toBe('producer.send(new ProducerRecord<>("orders", event.orderId(), event));'));

      it('says why order needs one key', () => expect(found().fix.why).toContain('Kafka keeps order only within a partition'));
    });

    describe('for a topic a source connector writes', () => {
      it('keys it with ValueToKey and ExtractField in the connector', () => {
        const found = keylessFinding('local', aSample(times(40, () => aRecord({ key: null }))), {
          connector: 'orders-source',
          field: 'order_id',
        })!;
        expect(found.fix.target).toBe('connector');
        expect(found.fix.config).toContain('transforms.keyFromValue.fields=order_id');
        expect(found.fix.config).toContain('transforms.extractKey.type=org.apache.kafka.connect.transforms.ExtractField$Key');
        expect(found.evidence).toContain({ label: 'Written by', value: 'source connector orders-source', source: 'Kafka Connect' });
      });
    });

    describe('when the values carry no id field', () => {
      it('names a stand-in for the aggregate id', () => {
        const found = keylessFinding('local', aSample(times(40, () => aRecord({ key: null }))), { connector: 'lines' })!;
        expect(found.fix.config).toContain('transforms.keyFromValue.fields=aggregateId');
        expect(found.fix.summary).toContain('ValueToKey needs structured values');
      });
    });

    describe('for a keyed topic', () => {
      it('is undefined', () => expect(keylessFinding('local', aSample(times(40, () => aRecord())), {})).toBeUndefined());
    });

    describe('for a sample too small to tell', () => {
      it('is undefined', () => expect(keylessFinding('local', aSample(times(5, () => aRecord({ key: null }))), {})).toBeUndefined());
    });
  });

  describe('aggregateFinding', () => {
    describe('when keys are not the aggregate id', () => {
      it('warns, and says it is a guess', () => {
        const found = aggregateFinding('local', aSample([]), aMatch({ matching: 10, examples: [{ key: 'k-1', id: 'o-1' }] }), {})!;
        expect(found.severity).toBe('warning');
        expect(found.title).toBe('orders: 90% of sampled keys are not the orderId of their value');
        expect(found.evidence).toContain(jasmine.objectContaining({ label: 'Example', value: 'key k-1, orderId o-1' }));
        expect(found.fix.why).toContain('this is a guess');
      });
    });

    describe('when keys are another field of the value', () => {
      it('tells, as information, what order that keeps', () => {
        const found = aggregateFinding('local', aSample([]), aMatch({ matching: 0, keyedBy: 'customerId' }), {})!;
        expect(found.severity).toBe('info');
        expect(found.title).toBe('orders is keyed by customerId, not by orderId');
      });
    });

    describe('when keys are the aggregate id', () => {
      it('is undefined', () => expect(aggregateFinding('local', aSample([]), aMatch(), {})).toBeUndefined());
    });
  });

  describe('partitionSkew', () => {
    it('finds a partition with more than twice the mean', () =>
      expect(partitionSkew([900, 40, 30, 30], [])).toEqual({
        partition: 0,
        records: 900,
        total: 1_000,
        partitions: 4,
        placedElsewhereByHash: 0,
      }));

    it('finds none at twice the mean or below', () => expect(partitionSkew([500, 200, 150, 150], [])).toBeUndefined());

    it('finds none in a small topic', () => expect(partitionSkew([90, 4, 3, 3], [])).toBeUndefined());

    it('names the key most of the partition’s sampled records have', () => {
      const hot = times(8, () => aRecord({ key: Buffer.from('hot') }));
      const records = [...hot, ...times(2, () => aRecord({ key: Buffer.from('cold') })), aRecord({ partition: 1 })];
      expect(partitionSkew([900, 40, 30, 30], records)!.hotKey).toEqual({ key: 'hot', share: 0.8, sampled: 10 });
    });

    it('tells how many keys the default partitioner would put elsewhere', () => {
      const key = times(50, (i) => Buffer.from(`k-${i}`)).find((candidate) => javaDefaultPartition(candidate, 4) !== 0)!;
      expect(partitionSkew([900, 40, 30, 30], [aRecord({ key })])!.placedElsewhereByHash).toBe(1);
    });
  });

  describe('skewFinding', () => {
    const skew = {
      partition: 0,
      records: 900,
      total: 1_000,
      partitions: 4,
      placedElsewhereByHash: 1,
      hotKey: { key: 'hot', share: 0.8, sampled: 10 },
    };

    it('warns with the factor over the mean in its title', () =>
      expect(skewFinding('local', aSample([]), skew, {}).title).toBe('orders: partition 0 holds 3.6× its share of the records'));

    it('blames the producer’s own placement when the keys hash elsewhere', () =>
      expect(skewFinding('local', aSample([]), skew, {}).fix.why).toContain('the producer picks the partition itself'));

    it('gives more partitions only with the co-partitioning caveat', () =>
      expect(skewFinding('local', aSample([]), skew, {}).fix.why).toContain('breaks co-partitioning'));
  });
});
