import type { PrometheusSample } from '../metrics/prometheus-text';
import { ROCKSDB_DEFAULTS, rocksDbStoreBytes } from './advisor.model';
import { boundedConfigSetter } from './rocksdb-config-setter';
import { rocksDbMemoryByApp, type ReportedRocksDbs } from './rocksdb-metrics';
import { DEFAULT_ROCKSDB_BUDGET_MB, rocksDbBudgetBytes, rocksDbFinding, storeEstimates } from './rocksdb.check';
import { aStore, aStreamsApp, aWindowedStore } from './streams-facts.builders';

const MiB = 1024 * 1024;
const nothingReported: ReportedRocksDbs = { byApp: new Map(), unreadable: [] };

/** One RocksDB gauge of a store instance, as the demo's JMX exporter rules name it. */
function rocksDbSample(metric: string, value: number, { app = 'billing', task = '0_0', store = 'totals-store' } = {}): PrometheusSample {
  return {
    name: `kafka_streams_rocksdb_${metric}_bytes`,
    labels: { thread_id: `${app}-6f1c2a3e-8d4b-4c5a-9e6f-0a1b2c3d4e5f-StreamThread-1`, task_id: task, store },
    value,
  };
}

describe('RocksDbCheck', () => {
  describe('storeEstimates', () => {
    it('counts a windowed store’s 3 default segments on each partition, a key-value store’s one', () =>
      expect(storeEstimates([aWindowedStore({ partitions: 12 }), aStore({ partitions: 6 })])).toEqual([
        { store: 'clicks-per-minute', windowed: true, partitions: 12, segments: 3, bytes: 3_528 * MiB },
        { store: 'totals-store', windowed: false, partitions: 6, segments: 1, bytes: 588 * MiB },
      ]));

    it('leaves out a store whose changelog does not exist yet', () => expect(storeEstimates([aStore({ partitions: null })])).toEqual([]));
  });

  describe('rocksDbFinding', () => {
    const budget = DEFAULT_ROCKSDB_BUDGET_MB * MiB;

    describe('with eight windowed stores on 12 partitions (the worked example)', () => {
      const stores = Array.from({ length: 8 }, (_, i) => aWindowedStore({ name: `window-${i}`, partitions: 12 }));

      it('warns of 28,224 MiB against the budget, store by store', () => {
        const finding = rocksDbFinding('local', aStreamsApp({ stores }), nothingReported, budget);

        expect(finding).toEqual(
          jasmine.objectContaining({
            id: 'rocksdb:billing',
            rule: 'rocksdb',
            severity: 'warning',
            subject: { kind: 'streams-app', name: 'billing' },
            title: "billing: RocksDB may take 28,224 MiB off-heap with Kafka Streams' defaults, over the 512 MiB budget",
            link: '/clusters/local/streams/billing',
          }),
        );
        expect(finding?.evidence).toContain(
          jasmine.objectContaining({ label: "estimate with Kafka Streams' defaults", value: '28,224 MiB' }),
        );
        expect(finding?.evidence).toContain(
          jasmine.objectContaining({ label: 'store window-0', value: '3,528 MiB (windowed: 12 partitions × 3 segments × 98 MiB)' }),
        );
        expect(finding?.evidence).toContain(jasmine.objectContaining({ label: 'reported by the app', value: 'not reported' }));
      });

      it('fills the budget into a shared cache and write-buffer manager', () => {
        const config = rocksDbFinding('local', aStreamsApp({ stores }), nothingReported, budget)?.fix.config ?? '';

        expect(config).toMatch(/^rocksdb\.config\.setter=com\.example\.streams\.BoundedMemoryRocksDBConfig\n/);
        expect(config).toContain('TOTAL_OFF_HEAP_BYTES = 512L * 1024 * 1024;');
        expect(config).toContain('TOTAL_MEMTABLE_BYTES = 128L * 1024 * 1024;');
      });

      it('shares the estimate among the instances running', () =>
        expect(rocksDbFinding('local', aStreamsApp({ stores, instances: 4 }), nothingReported, budget)?.title).toContain(
          '7,056 MiB per instance (28,224 MiB over 4)',
        ));
    });

    describe('within the budget', () => {
      it('finds nothing', () =>
        expect(rocksDbFinding('local', aStreamsApp({ stores: [aStore({ partitions: 5 })] }), nothingReported, budget)).toBeUndefined());
    });

    describe('when the metrics show every store sharing one cache within the budget', () => {
      it('is only worth knowing, and says what the app reports', () => {
        const samples = ['0_0', '0_1', '0_2'].flatMap((task) => [
          rocksDbSample('block_cache_capacity', 16 * MiB, { task }),
          rocksDbSample('block_cache_usage', 3 * MiB, { task }),
          rocksDbSample('size_all_mem_tables', MiB, { task }),
        ]);
        const reported = { byApp: rocksDbMemoryByApp([{ endpoint: 'streams-app', samples }]), unreadable: [] };

        const finding = rocksDbFinding('local', aStreamsApp({ stores: [aStore({ partitions: 12 })] }), reported, budget);

        expect(finding?.severity).toBe('info');
        expect(finding?.evidence).toContain(
          jasmine.objectContaining({ label: 'reported by the app', value: '6 MiB (block cache 3 MiB + memtables 3 MiB)' }),
        );
        expect(finding?.evidence).toContain(
          jasmine.objectContaining({ label: "the app's own block cache", value: 'one 16 MiB cache shared by its 3 store instances' }),
        );
      });
    });
  });

  describe('rocksDbMemoryByApp', () => {
    it('keeps each store instance’s own cache apart, and names the app after its stream thread', () => {
      const samples = [
        rocksDbSample('block_cache_capacity', 50 * MiB, { task: '0_0' }),
        rocksDbSample('block_cache_usage', 2 * MiB, { task: '0_0' }),
        rocksDbSample('block_cache_capacity', 50 * MiB, { task: '0_1' }),
        rocksDbSample('block_cache_usage', 5 * MiB, { task: '0_1' }),
      ];

      expect(rocksDbMemoryByApp([{ endpoint: 'streams-app', samples }]).get('billing')).toEqual({
        endpoints: ['streams-app'],
        blockCacheUsageBytes: 7 * MiB,
        memtableBytes: 0,
        storeInstances: 2,
        sharedCacheBytes: null,
        largestCacheBytes: 50 * MiB,
      });
    });

    it('does not take caches of their own that were never read for one shared cache', () => {
      const samples = ['0_0', '0_1'].flatMap((task) => [
        rocksDbSample('block_cache_capacity', 50 * MiB, { task }),
        rocksDbSample('block_cache_usage', 0, { task }),
      ]);

      expect(rocksDbMemoryByApp([{ endpoint: 'streams-app', samples }]).get('billing')?.sharedCacheBytes).toBeNull();
    });
  });

  describe('rocksDbBudgetBytes', () => {
    it('is 512 MiB unset', () => expect(rocksDbBudgetBytes({})).toBe(512 * MiB));

    it('takes whole MiB', () => expect(rocksDbBudgetBytes({ KPC_ROCKSDB_BUDGET_MB: '2048' })).toBe(2048 * MiB));

    it('refuses what is not a number of MiB from 16, saying what it takes', () =>
      expect(() => rocksDbBudgetBytes({ KPC_ROCKSDB_BUDGET_MB: '1.5g' })).toThrowError(/from 16 to 1048576, not "1.5g"/));
  });

  describe('boundedConfigSetter', () => {
    it('gives memtables a quarter of the budget, at least 1 MiB', () => {
      expect(boundedConfigSetter(16 * MiB)).toContain('TOTAL_MEMTABLE_BYTES = 4L * 1024 * 1024;');
      expect(boundedConfigSetter(2 * MiB)).toContain('TOTAL_MEMTABLE_BYTES = 1L * 1024 * 1024;');
    });
  });

  it('agrees with the formula for one store instance', () =>
    expect(storeEstimates([aStore({ partitions: 1 })])[0]?.bytes).toBe(
      rocksDbStoreBytes({ ...ROCKSDB_DEFAULTS, partitions: 1, segments: 1 }),
    ));
});
