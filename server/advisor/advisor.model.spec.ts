import { ROCKSDB_DEFAULTS, rocksDbStoreBytes } from './advisor.model';

const MiB = 1024 * 1024;

describe('rocksDbStoreBytes', () => {
  it('is 98 MiB a store instance with Kafka Streams’ defaults', () =>
    expect(rocksDbStoreBytes({ ...ROCKSDB_DEFAULTS, partitions: 1, segments: 1 })).toBe(98 * MiB));

  it('is 3,528 MiB for a windowed store on 12 partitions with 3 segments, and 28,224 MiB for eight of them', () => {
    const windowed = rocksDbStoreBytes({ ...ROCKSDB_DEFAULTS, partitions: 12, segments: 3 });
    expect(windowed).toBe(3_528 * MiB);
    expect(8 * windowed).toBe(28_224 * MiB);
  });
});
