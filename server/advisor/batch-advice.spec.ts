import type { MetricsSample, TopicMeasure } from '../metrics/metrics.model';
import {
  advisedSettings,
  batchingFinding,
  batchStats,
  busyTopics,
  bytes,
  smallBatchLimit,
  type BatchStats,
  type BusyTopic,
} from './batch-advice';
import type { BatchShape } from './log-sample.gateway';

const KiB = 1024;

function aBatch(overrides: Partial<BatchShape> = {}): BatchShape {
  return { partition: 0, records: 1, bytes: 276, recordBytes: 215, compression: 0, ...overrides };
}
function someStats(overrides: Partial<BatchStats> = {}): BatchStats {
  return {
    batches: 100,
    records: 100,
    recordsPerBatch: 1,
    bytesPerBatch: 276,
    recordBytesPerBatch: 215,
    recordSize: 215,
    compression: 'none',
    ...overrides,
  };
}
function aBusyTopic(overrides: Partial<BusyTopic> = {}): BusyTopic {
  return { topic: 'orders', partitions: 1, recordsPerSecond: 900, ...overrides };
}
function aMeasure(overrides: Partial<TopicMeasure> = {}): TopicMeasure {
  return { topic: 'orders', partitions: 1, recordsPerSecond: 10, bytesPerSecond: null, sizeBytes: null, ...overrides };
}
function aSample(topics: TopicMeasure[]): MetricsSample {
  return { cluster: 'local', time: 0, topics, groups: [], underReplicatedPartitions: 0, offlinePartitions: 0 };
}

describe('batch advice', () => {
  describe('busyTopics', () => {
    it('keeps written topics, busiest first, up to the limit', () => {
      const sample = aSample([
        aMeasure({ topic: 'a', recordsPerSecond: 5 }),
        aMeasure({ topic: 'b', recordsPerSecond: 50 }),
        aMeasure({ topic: 'c', recordsPerSecond: 20 }),
        aMeasure({ topic: 'quiet', recordsPerSecond: 0 }),
        aMeasure({ topic: 'new', recordsPerSecond: null }),
      ]);
      expect(busyTopics(sample, 2).map((busy) => busy.topic)).toEqual(['b', 'c']);
    });

    it('leaves out Kafka’s and the console’s own topics', () =>
      expect(
        busyTopics(
          aSample([
            aMeasure({ topic: '__consumer_offsets', recordsPerSecond: 99 }),
            aMeasure({ topic: '_kpc-metrics', recordsPerSecond: 99 }),
          ]),
        ),
      ).toEqual([]));

    it('tells what a record adds to the log when the sample knows the bytes written', () =>
      expect(busyTopics(aSample([aMeasure({ recordsPerSecond: 10, bytesPerSecond: 2_000 })]))[0]!.bytesPerRecord).toBe(200));
  });

  describe('batchStats', () => {
    it('averages records, bytes and record size over the batches', () => {
      const stats = batchStats([aBatch({ records: 1, bytes: 100, recordBytes: 60 }), aBatch({ records: 3, bytes: 200, recordBytes: 180 })]);
      expect(stats).toEqual({
        batches: 2,
        records: 4,
        recordsPerBatch: 2,
        bytesPerBatch: 150,
        recordBytesPerBatch: 120,
        recordSize: 60,
        compression: 'none',
      });
    });

    it('names the codec most batches were written with', () =>
      expect(batchStats([aBatch({ compression: 3 }), aBatch({ compression: 3 }), aBatch()])!.compression).toBe('lz4'));

    it('is undefined without batches', () => expect(batchStats([])).toBeUndefined());
  });

  describe('smallBatchLimit', () => {
    describe('when one record a batch is written at 900 records/s to one partition', () => {
      it('is linger: 20 ms would gather 18', () => expect(smallBatchLimit(someStats(), aBusyTopic())).toBe('linger'));
    });

    describe('when 6 KiB records fill 16 KiB batches every 2–3 records', () => {
      it('is batch-size', () => {
        const stats = someStats({ recordsPerBatch: 2.5, recordSize: 6 * KiB, recordBytesPerBatch: 15 * KiB });
        expect(smallBatchLimit(stats, aBusyTopic({ recordsPerSecond: 60 }))).toBe('batch-size');
      });
    });

    describe('when batches hold 1,000 records', () => {
      it('is undefined', () => expect(smallBatchLimit(someStats({ recordsPerBatch: 1_000 }), aBusyTopic())).toBeUndefined());
    });

    describe('when the topic is quiet', () => {
      it('is undefined', () => expect(smallBatchLimit(someStats(), aBusyTopic({ recordsPerSecond: 20 }))).toBeUndefined());
    });

    describe('when the rate is spread over many partitions', () => {
      it('is undefined: 20 ms would not gather a second record on a partition', () =>
        expect(smallBatchLimit(someStats(), aBusyTopic({ recordsPerSecond: 600, partitions: 12 }))).toBeUndefined());
    });
  });

  describe('advisedSettings', () => {
    it('advises 64 KiB, 20 ms and lz4 for small uncompressed records at 900 records/s', () =>
      expect(advisedSettings(someStats(), aBusyTopic())).toEqual({
        batchSize: 64 * KiB,
        lingerMs: 20,
        compression: 'lz4',
        recordsPerBatch: 18,
      }));

    it('makes room for 32 records of 6 KiB: 256 KiB', () =>
      expect(advisedSettings(someStats({ recordSize: 6 * KiB }), aBusyTopic()).batchSize).toBe(256 * KiB));

    it('lingers only as long as 32 records take to come at a high rate', () =>
      expect(advisedSettings(someStats(), aBusyTopic({ recordsPerSecond: 8_000 })).lingerMs).toBe(5));

    it('keeps the codec the batches already use', () =>
      expect(advisedSettings(someStats({ compression: 'zstd' }), aBusyTopic()).compression).toBe('zstd'));
  });

  describe('batchingFinding', () => {
    const finding = () => batchingFinding('local', aBusyTopic(), { stats: someStats(), partitionsRead: 1 }, 'linger', []);

    it('says the records per batch and the rate in its title', () =>
      expect(finding().title).toBe('orders is written 1.0 records per batch at 900 records/s'));

    it('gives the producer settings as config lines', () =>
      expect(finding().fix).toEqual(
        jasmine.objectContaining({ target: 'producer', config: 'batch.size=65536\nlinger.ms=20\ncompression.type=lz4' }),
      ));

    it('spells out the latency it costs', () => expect(finding().fix.why).toContain('adds up to 20 ms of latency'));

    it('links to the topic', () => expect(finding().link).toBe('/clusters/local/topics/orders'));

    describe('for a topic a connector writes', () => {
      it('gives the settings as producer overrides of the connector, with its producer’s own averages', () => {
        const producer = { client: 'connector-producer-orders-source-0', batchSizeAvg: 700, recordSizeAvg: 650 };
        const found = batchingFinding('local', aBusyTopic(), { stats: someStats(), partitionsRead: 1 }, 'linger', [producer]);

        expect(found.fix.target).toBe('connector');
        expect(found.fix.config.split('\n')[0]).toBe('producer.override.batch.size=65536');
        expect(found.evidence.at(-1)).toEqual(jasmine.objectContaining({ label: 'Producer connector-producer-orders-source-0' }));
        expect(found.evidence.at(-1)!.value).toContain('about 1.1 records a batch');
      });
    });
  });

  describe('bytes', () => {
    it('shows bytes, KiB and MiB', () => expect([bytes(276), bytes(65_536), bytes(3 * 1024 * 1024)]).toEqual(['276 B', '64 KiB', '3 MiB']));
  });
});
