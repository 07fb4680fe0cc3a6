import { javaDefaultPartition, javaMurmur2 } from './java-partitioner';

// Vectors printed by the Java client itself (kafka-clients 4.3.1, Utils.murmur2 and
// Utils.toPositive(hash) % n), so the console places keys exactly where Java producers do.
const javaVectors: [key: string, hash: number, partitionOf6: number, partitionOf12: number][] = [
  ['21', -973932308, 0, 0],
  ['foobar', -790332482, 0, 6],
  ['a-little-bit-long-string', -985981536, 2, 8],
  ['a-little-bit-longer-string', -1486304829, 5, 11],
  ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971, 5, 5],
  ['abc', 479470107, 3, 3],
  ['', 275646681, 3, 9],
  ['order-1001', 297523878, 0, 6],
  ['customer-42', -542987495, 3, 9],
];

describe('java partitioner', () => {
  describe('javaMurmur2', () => {
    for (const [key, hash] of javaVectors) {
      it(`hashes "${key}" as Java does`, () => expect(javaMurmur2(Buffer.from(key))).toBe(hash));
    }
  });

  describe('javaDefaultPartition', () => {
    for (const [key, , of6, of12] of javaVectors) {
      it(`places "${key}" on partition ${of6} of 6 and ${of12} of 12`, () => {
        expect(javaDefaultPartition(Buffer.from(key), 6)).toBe(of6);
        expect(javaDefaultPartition(Buffer.from(key), 12)).toBe(of12);
      });
    }

    describe('for a key in the schema-registry wire format', () => {
      it('hashes the header with the key, so the schema id moves the key', () => {
        const logicalKey = Buffer.from([0x14, ...Buffer.from('order-1001')]);
        const withSchema1 = Buffer.concat([Buffer.from([0, 0, 0, 0, 1]), logicalKey]);

        expect(javaMurmur2(withSchema1)).toBe(-1555401047);
        expect(javaDefaultPartition(withSchema1, 6)).toBe(3);
      });
    });
  });
});
