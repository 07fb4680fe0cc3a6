import type { ClusterDescription } from '../kafka/kafka-clients';
import { OffsetTable } from '../kafka/log-offsets';
import { internalTopicsOf, storeName, storeOf, type ClusterView } from './streams-apps';

const metadata = (topics: Record<string, number>): ClusterDescription => ({
  clusterId: 'c',
  controllerId: 1,
  brokers: [{ id: 1, host: '127.0.0.1', port: 9092, rack: null }],
  topics: Object.entries(topics).map(([name, partitions]) => ({
    name,
    internal: false,
    partitions: Array.from({ length: partitions }, () => ({ leader: 1, replicas: [1], isr: [1] })),
  })),
});

describe('streams-apps: what the view makes of the broker', () => {
  describe('internalTopicsOf', () => {
    it('finds the changelog and repartition topics named after the application id', () => {
      const topics = [
        'order-enricher-orders-store-changelog',
        'order-enricher-KSTREAM-REPARTITION-0000000003-repartition',
        'orders',
        'other-app-x-changelog',
      ];
      expect(internalTopicsOf('order-enricher', topics)).toEqual({
        changelogs: ['order-enricher-orders-store-changelog'],
        repartitions: ['order-enricher-KSTREAM-REPARTITION-0000000003-repartition'],
      });
    });

    it('does not take another app whose id merely starts the same way for internal topics of its own', () => {
      expect(internalTopicsOf('orders', ['ordersx-store-changelog']).changelogs).toEqual([]);
    });
  });

  describe('storeName', () => {
    it('is the part between the application id and -changelog', () => {
      expect(storeName('payment-matcher', 'payment-matcher-KSTREAM-JOINTHIS-0000000004-store-changelog')).toBe(
        'KSTREAM-JOINTHIS-0000000004-store',
      );
    });
  });

  describe('storeOf', () => {
    const starts = new OffsetTable();
    const ends = new OffsetTable();
    starts.set('app-store-changelog', 0, 10n, 2);
    starts.set('app-store-changelog', 1, 0n, 2);
    ends.set('app-store-changelog', 0, 110n, 2);
    ends.set('app-store-changelog', 1, 50n, 2);
    const view: ClusterView & { starts: OffsetTable } = {
      metadata: metadata({ 'app-store-changelog': 2 }),
      starts,
      ends,
      produceRate: () => null,
    };
    const facts = { topic: 'app-store-changelog', cleanupPolicy: 'compact', retentionMs: 604_800_000, sizeBytes: 4096, restoreRate: 50 };

    it('counts the changelog records and estimates the restore at the measured rate', () => {
      const store = storeOf('app', facts, view, 604_800_000);
      expect(store).toEqual(jasmine.objectContaining({ name: 'store', records: 150, restoreSeconds: 3, windowed: false }));
    });

    it('gives a compacted store no retention: compaction keeps the latest value of every key', () => {
      expect(storeOf('app', facts, view, 604_800_000).retentionMs).toBeNull();
    });

    describe('of a windowed store (its changelog also deletes)', () => {
      it('keeps the changelog retention to compare with the broker default', () => {
        const store = storeOf('app', { ...facts, cleanupPolicy: 'compact,delete', retentionMs: 86_400_000 }, view, 604_800_000);
        expect(store).toEqual(jasmine.objectContaining({ windowed: true, retentionMs: 86_400_000, brokerDefaultRetentionMs: 604_800_000 }));
      });
    });

    describe('of a changelog not created yet', () => {
      it('has no records and no restore estimate', () => {
        const store = storeOf('app', { ...facts, topic: 'app-later-changelog', restoreRate: null }, view, null);
        expect(store).toEqual(jasmine.objectContaining({ name: 'later', records: null, restoreSeconds: null }));
      });
    });
  });
});
