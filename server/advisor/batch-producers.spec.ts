import type { AppMetrics } from '../metrics/metrics.model';
import { ownerOf, producerReadings, producersOf, type ProducerReading } from './batch-producers';

function appMetrics(series: AppMetrics['charts'][number]['series']): AppMetrics {
  return {
    asOf: null,
    intervalSeconds: 15,
    range: '15m',
    time: [1, 2, 3],
    endpoints: [],
    charts: [{ id: 'producer-batch-vs-record-size', title: '', section: 'Producers', unit: 'bytes', series }],
  };
}
function aReading(client: string): ProducerReading {
  return { client, batchSizeAvg: 700, recordSizeAvg: 650 };
}

describe('batch producers', () => {
  describe('producerReadings', () => {
    it('takes each producer’s latest batch and record size', () => {
      const metrics = appMetrics([
        { label: 'order-enricher-StreamThread-1-producer batch', values: [4_000, 4_096, null] },
        { label: 'order-enricher-StreamThread-1-producer record', values: [120, null, null] },
      ]);
      expect(producerReadings(metrics)).toEqual([
        { client: 'order-enricher-StreamThread-1-producer', batchSizeAvg: 4_096, recordSizeAvg: 120 },
      ]);
    });

    it('leaves out a producer that reported only one of the two', () =>
      expect(producerReadings(appMetrics([{ label: 'p batch', values: [1] }]))).toEqual([]));

    it('is empty without the chart (no Prometheus endpoints)', () =>
      expect(producerReadings({ ...appMetrics([]), charts: [] })).toEqual([]));
  });

  describe('producersOf', () => {
    const readings = [
      aReading('connector-producer-orders-source-0'),
      aReading('order-enricher-StreamThread-2-producer'),
      aReading('billing-app'),
    ];

    it('names a source connector’s task producers for the topics it names', () =>
      expect(producersOf('orders', readings, new Map([['orders-source', ['orders']]]))).toEqual([readings[0]!]));

    it('names a Streams app’s thread producers for its internal topics', () =>
      expect(producersOf('order-enricher-store-changelog', readings, new Map())).toEqual([readings[1]!]));

    it('names none for a topic no known producer writes', () => expect(producersOf('payments', readings, new Map())).toEqual([]));
  });

  describe('ownerOf', () => {
    it('is the connector when connectors write the topic', () =>
      expect(ownerOf('orders', [aReading('connector-producer-orders-source-0')])).toEqual({
        target: 'connector',
        prefix: 'producer.override.',
      }));

    it('is the Streams app for a changelog', () =>
      expect(ownerOf('app-store-changelog', [])).toEqual({ target: 'streams-app', prefix: 'producer.' }));

    it('is a plain producer otherwise', () => expect(ownerOf('orders', [])).toEqual({ target: 'producer', prefix: '' }));
  });
});
