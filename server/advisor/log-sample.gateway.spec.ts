import { ClusterModel, READ_THROUGH } from '../kafka/cluster-model';
import { KafkaClients } from '../kafka/kafka-clients';
import { testClusters } from '../testing/test-api';
import { TestKafka } from '../testing/test-kafka';
import { LogSampleGateway } from './log-sample.gateway';

describe('LogSampleGateway', () => {
  const cluster = testClusters()[0]!;
  let kafka: TestKafka;
  let clients: KafkaClients;
  let model: ClusterModel;
  beforeAll(() => {
    kafka = new TestKafka();
    clients = new KafkaClients();
    model = new ClusterModel(clients, READ_THROUGH);
  });
  afterAll(async () => {
    await kafka.cleanUp();
    model.close();
    await clients.close();
  });

  describe('newest', () => {
    describe('of a topic written one record a send', () => {
      it('reads batches of one record each, with their stored size', async () => {
        const topic = await kafka.createTopic('advisor.sample.single');
        await kafka.produceMany(topic, 40, (i) => ({ key: `order-${i}`, value: 'x'.repeat(200), partition: 0 }), { recordsPerSend: 1 });

        const sample = await new LogSampleGateway(clients, model).newest(cluster, topic);

        expect(sample.batches.length).toBe(40);
        expect(sample.batches.every((batch) => batch.records === 1)).toBeTrue();
        // 61 bytes of batch header, then the record (~215 bytes).
        expect(sample.batches[0]!.bytes).toBeGreaterThan(260);
        expect(sample.batches[0]!.bytes).toBeLessThan(300);
        expect(sample.records.length).toBe(40);
        expect(sample.records.at(-1)!.key!.toString()).toBe('order-39');
      });
    });

    describe('of a topic written in large compressed sends', () => {
      it('reads few batches of many records, smaller as stored than their records', async () => {
        const topic = await kafka.createTopic('advisor.sample.large', { partitions: 2 });
        await kafka.produceMany(topic, 4_000, (i) => ({ key: `order-${i}`, value: 'x'.repeat(200), partition: i % 2 }), {
          compression: 'lz4',
        });

        const sample = await new LogSampleGateway(clients, model).newest(cluster, topic);

        expect(sample.partitionsRead).toBe(2);
        expect(sample.batches.every((batch) => batch.records === 500 && batch.compression === 3)).toBeTrue();
        expect(sample.batches[0]!.bytes).toBeLessThan(sample.batches[0]!.recordBytes);
      });
    });

    describe('of a topic with many partitions and little budget', () => {
      it('reads only the fullest partitions, within the bytes per partition', async () => {
        const topic = await kafka.createTopic('advisor.sample.bounded', { partitions: 6 });
        await kafka.produceMany(topic, 600, (i) => ({ value: 'x'.repeat(1_000), partition: i < 300 ? 5 : i % 5 }), { recordsPerSend: 10 });

        const gateway = new LogSampleGateway(clients, model, { bytesPerPartition: 16 * 1024, partitionsPerTopic: 2, recordsPerTopic: 50 });
        const sample = await gateway.newest(cluster, topic, 1_000);

        expect(sample.partitionsRead).toBe(2);
        expect(new Set(sample.batches.map((batch) => batch.partition)).has(5)).toBeTrue();
        expect(sample.batches.reduce((sum, batch) => sum + batch.bytes, 0)).toBeLessThan(2 * 16 * 1024 + 2 * 11_000);
        expect(sample.records.length).toBeLessThanOrEqual(50);
        expect(sample.records.every((record) => record.key === null)).toBeTrue();
      });
    });

    describe('of an empty topic', () => {
      it('reads nothing', async () => {
        const topic = await kafka.createTopic('advisor.sample.empty');
        const sample = await new LogSampleGateway(clients, model).newest(cluster, topic);
        expect(sample).toEqual({ topic, batches: [], records: [], partitionsRead: 0, partitions: 1 });
      });
    });
  });

  describe('partitionRecords', () => {
    it('counts the records in the log of each partition', async () => {
      const topic = await kafka.createTopic('advisor.sample.counts', { partitions: 3 });
      await kafka.produceMany(topic, 30, (i) => ({ value: 'v', partition: i < 20 ? 0 : 2 }));

      expect(await new LogSampleGateway(clients, model).partitionRecords(cluster, topic)).toEqual([20, 0, 10]);
    });
  });
});
