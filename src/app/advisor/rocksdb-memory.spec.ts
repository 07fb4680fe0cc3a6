import { aRocksDbFinding, aStore, aStoreEvidence, anEvidence, aFinding } from './advisor.builders';
import { DEFAULT_SETTINGS, formatMiB, memoryEstimate, parseSettingEvidence, parseStoreEvidence, prefillSources } from './rocksdb-memory';

describe('RocksDB memory', () => {
  describe('memoryEstimate', () => {
    it('gives the worked example 3,528 MiB: 98 MiB an instance, 12 partitions, 3 segments', () =>
      expect(formatMiB(memoryEstimate([aStore()], DEFAULT_SETTINGS).totalBytes)).toBe('3,528 MiB'));

    it('adds the stores up: eight such stores take 28,224 MiB', () =>
      expect(formatMiB(memoryEstimate(Array(8).fill(aStore()), DEFAULT_SETTINGS).totalBytes)).toBe('28,224 MiB'));

    it('counts one segment for a key-value store, whatever segments say', () =>
      expect(formatMiB(memoryEstimate([aStore({ isWindowed: false, segments: 3 })], DEFAULT_SETTINGS).totalBytes)).toBe('1,176 MiB'));

    it('takes the settings typed', () =>
      expect(
        formatMiB(memoryEstimate([aStore()], { writeBufferSizeMiB: 8, maxWriteBufferNumber: 2, blockCacheSizeMiB: 16 }).totalBytes),
      ).toBe('1,152 MiB'));

    it('counts a field left empty as nothing rather than failing', () =>
      expect(memoryEstimate([aStore({ partitions: null as unknown as number })], DEFAULT_SETTINGS).totalBytes).toBe(0));

    describe('with a budget', () => {
      it('says by how much the total is over it', () =>
        expect(memoryEstimate([aStore()], DEFAULT_SETTINGS, 3_000).budget).toEqual({
          bytes: 3_000 * 1024 * 1024,
          isOver: true,
          differenceBytes: 528 * 1024 * 1024,
        }));

      it('says what is to spare under it', () => expect(memoryEstimate([aStore()], DEFAULT_SETTINGS, 4_096).budget?.isOver).toBeFalse());
    });

    describe('without a budget', () => {
      it('compares with nothing', () => expect(memoryEstimate([aStore()], DEFAULT_SETTINGS, null).budget).toBeUndefined());
    });
  });

  describe('parseStoreEvidence', () => {
    it('reads a windowed store with its partitions and segments', () =>
      expect(parseStoreEvidence(aStoreEvidence('order-totals', 'windowed, 12 partitions, 3 segments, 3,528 MiB'))).toEqual(
        aStore({ name: 'order-totals', isWindowed: true, partitions: 12, segments: 3 }),
      ));

    it('reads a key-value store as one segment', () =>
      expect(parseStoreEvidence(aStoreEvidence('customers', 'key-value · 6 partitions · 588 MiB'))).toEqual(
        aStore({ name: 'customers', isWindowed: false, partitions: 6, segments: 1 }),
      ));

    it('reads settings written as key=value', () =>
      expect(parseStoreEvidence(aStoreEvidence('totals', 'windowed=true partitions=4 segments=5 bytes=1234'))).toEqual(
        aStore({ name: 'totals', isWindowed: true, partitions: 4, segments: 5 }),
      ));

    it('reads the count after the word', () =>
      expect(parseStoreEvidence(aStoreEvidence('totals', 'partitions 12, segments 2'))).toEqual(
        aStore({ name: 'totals', isWindowed: true, partitions: 12, segments: 2 }),
      ));

    it("takes Kafka Streams' 3 segments for a windowed store that does not say", () =>
      expect(parseStoreEvidence(aStoreEvidence('totals', 'windowed, 12 partitions'))?.segments).toBe(3));

    it('takes several segments as windowed', () =>
      expect(parseStoreEvidence(aStoreEvidence('totals', '12 partitions, 4 segments'))?.isWindowed).toBeTrue());

    it('reads nothing from a row that names no partition count', () =>
      expect(parseStoreEvidence(aStoreEvidence('totals', '3,528 MiB'))).toBeUndefined());

    it('reads nothing from a row about something else', () => expect(parseStoreEvidence(anEvidence())).toBeUndefined());
  });

  describe('parseSettingEvidence', () => {
    it('reads a size in MiB', () =>
      expect(parseSettingEvidence(anEvidence({ label: 'block_cache_size', value: '64 MiB' }))).toEqual({ blockCacheSizeMiB: 64 }));

    it('reads a size in bytes, as RocksDB takes it', () =>
      expect(parseSettingEvidence(anEvidence({ label: 'write_buffer_size', value: '8388608' }))).toEqual({ writeBufferSizeMiB: 8 }));

    it('reads the number of write buffers', () =>
      expect(parseSettingEvidence(anEvidence({ label: 'max_write_buffer_number', value: '2' }))).toEqual({ maxWriteBufferNumber: 2 }));

    it('reads nothing from another row', () => expect(parseSettingEvidence(anEvidence())).toEqual({}));
  });

  describe('prefillSources', () => {
    it('offers each Streams app with rocksdb findings, with the stores they describe', () =>
      expect(
        prefillSources([
          aRocksDbFinding('order-enricher', [aStoreEvidence('a'), aStoreEvidence('b', 'key-value, 6 partitions')]),
          aFinding({ rule: 'durability' }),
        ]),
      ).toEqual([
        {
          app: 'order-enricher',
          stores: [aStore({ name: 'a' }), aStore({ name: 'b', isWindowed: false, partitions: 6, segments: 1 })],
          settings: {},
        },
      ]));

    it('merges the findings of one app, each store once', () =>
      expect(
        prefillSources([aRocksDbFinding('app', [aStoreEvidence('a')]), aRocksDbFinding('app', [aStoreEvidence('a')], { id: 'other' })])[0]!
          .stores.length,
      ).toBe(1));

    it('takes the settings the evidence names', () =>
      expect(prefillSources([aRocksDbFinding('app', [anEvidence({ label: 'block_cache_size', value: '32 MiB' })])])[0]!.settings).toEqual({
        blockCacheSizeMiB: 32,
      }));

    it('offers an app whose stores cannot be read, with none, so the operator types them', () =>
      expect(prefillSources([aRocksDbFinding('app', [aStoreEvidence('a', 'big')])])).toEqual([{ app: 'app', stores: [], settings: {} }]));

    it("names a store's finding after the app its link points to", () =>
      expect(prefillSources([aRocksDbFinding('x', [aStoreEvidence()], { subject: { kind: 'store', name: 'order-totals' } })])[0]!.app).toBe(
        'x',
      ));
  });
});
