import { javaDefaultPartition } from '../kafka/java-partitioner';
import type { CopartitionGroup } from './copartition.model';
import { analyzeGroup } from './key-analysis';
import type { TopicRecords } from './key-placement';
import { decodeKey } from './key-decoding';

const group: CopartitionGroup = { id: 'declared:orders', name: 'orders', origin: 'declared', topics: ['a', 'b'], reason: 'spec' };
const keys = Array.from({ length: 40 }, (_, i) => `order-${1000 + i}`);

/** Avro's encoding of a string: zig-zag varint length, then the UTF-8 bytes. */
const avroString = (text: string) => Buffer.concat([Buffer.from([Buffer.byteLength(text) * 2]), Buffer.from(text)]);
const wire = (schemaId: number, payload: Buffer) => {
  const header = Buffer.alloc(5);
  header.writeInt32BE(schemaId, 1);
  return Buffer.concat([header, payload]);
};
/** A topic whose records were placed by Java's default partitioner, unless `place` says otherwise. */
const topicOf = (
  topic: string,
  partitions: number,
  encode: (key: string) => Buffer,
  place = (bytes: Buffer) => javaDefaultPartition(bytes, partitions),
): TopicRecords => ({
  topic,
  partitions,
  records: keys.map((key, index) => {
    const bytes = encode(key);
    return { partition: place(bytes), offset: BigInt(index), timestamp: 0n, key: bytes };
  }),
});
const text = (key: string) => Buffer.from(key);

describe('analyzeGroup', () => {
  describe('with the same plain keys placed by the default partitioner', () => {
    it('is healthy and counts the keys it compared', () => {
      const report = analyzeGroup(group, [topicOf('a', 6, text), topicOf('b', 6, text)]);

      expect(report.verdict).toBe('healthy');
      expect(report.commonKeys).toBe(40);
      expect(report.findings).toEqual([]);
    });
  });

  describe('with schema-registry keys whose schema id differs per topic', () => {
    it('is broken, shows the keys with both ids and partitions, and names the fix', () => {
      const report = analyzeGroup(group, [
        topicOf('a', 6, (key) => wire(1, avroString(key))),
        topicOf('b', 6, (key) => wire(2, avroString(key))),
      ]);

      expect(report.verdict).toBe('broken');
      const [schema] = report.findings;
      expect(schema!.cause).toBe('schema-id');
      expect(schema!.keyCount).toBeGreaterThan(20);
      expect(schema!.keys[0]!.placements.map((p) => [p.topic, p.schemaId])).toEqual([
        ['a', 1],
        ['b', 2],
      ]);
      expect(schema!.keys[0]!.key).toMatch(/^order-\d+$/);
      expect(schema!.fix).toContain('primitive serde');
      expect(schema!.fix).toContain('record-name subject strategy does not help');
    });
  });

  describe('with schema-registry keys that share one schema id today', () => {
    it('is at risk: the next key-schema change moves them', () => {
      const report = analyzeGroup(group, [
        topicOf('a', 6, (key) => wire(5, avroString(key))),
        topicOf('b', 6, (key) => wire(5, avroString(key))),
      ]);

      expect(report.verdict).toBe('at-risk');
      expect(report.findings.map((f) => f.cause)).toEqual(['schema-id']);
      expect(report.findings[0]!.summary).toContain('TopicNameStrategy');
    });
  });

  describe('with the same logical keys serialized differently', () => {
    it('is broken by the encoding', () => {
      const report = analyzeGroup(group, [topicOf('a', 6, text), topicOf('b', 6, (key) => Buffer.from(JSON.stringify(key)))]);

      expect(report.verdict).toBe('broken');
      expect(report.findings.map((f) => f.cause)).toEqual(['encoding']);
    });
  });

  describe('with the same bytes placed by a custom partitioner in one topic', () => {
    it('is broken by the partitioner and says which partition murmur2 expects', () => {
      const shifted = (bytes: Buffer) => (javaDefaultPartition(bytes, 6) + 1) % 6;

      const report = analyzeGroup(group, [topicOf('a', 6, text), topicOf('b', 6, text, shifted)]);

      expect(report.verdict).toBe('broken');
      expect(report.findings.map((f) => f.cause)).toEqual(['custom-partitioner']);
      const placementB = report.findings[0]!.keys[0]!.placements.find((p) => p.topic === 'b')!;
      expect(placementB.partition).toBe((placementB.expectedPartition + 1) % 6);
      expect(report.topics.find((t) => t.topic === 'b')!.recordsOffMurmur2).toBe(40);
    });
  });

  describe('with different partition counts', () => {
    it('is broken and names both counts', () => {
      const report = analyzeGroup(group, [topicOf('a', 6, text), topicOf('b', 8, text)]);

      expect(report.verdict).toBe('broken');
      expect(report.findings[0]!.cause).toBe('partition-count');
      expect(report.findings[0]!.summary).toContain('a: 6, b: 8');
    });
  });

  describe('with a topic that grew after data was written', () => {
    it('says which topic grew, and from what count', () => {
      const report = analyzeGroup(group, [topicOf('a', 6, text), topicOf('b', 8, text, (bytes) => javaDefaultPartition(bytes, 6))]);

      expect(report.findings[0]!.summary).toContain('b grew from 6 to 8 partitions');
    });
  });

  describe('with records written before partitions were added', () => {
    it('is broken and blames the added partitions', () => {
      const report = analyzeGroup(group, [topicOf('a', 8, text), topicOf('b', 8, text, (bytes) => javaDefaultPartition(bytes, 6))]);

      expect(report.verdict).toBe('broken');
      expect(report.findings.map((f) => f.cause)).toEqual(['partitions-added']);
    });
  });

  describe('with one record of a shared key produced to another partition', () => {
    const home = javaDefaultPartition(text('order-1000'), 6);
    const stray = (home + 1) % 6;
    const withStray = (sample: TopicRecords, timestamp = 1n): TopicRecords => ({
      ...sample,
      records: [...sample.records, { partition: stray, offset: 99n, timestamp, key: text('order-1000') }],
    });

    it('is broken, and names the key, its partition in each topic and the record a join misses', () => {
      const report = analyzeGroup(group, [topicOf('a', 6, text), withStray(topicOf('b', 6, text))]);

      expect(report.verdict).toBe('broken');
      expect(report.findings.map((f) => f.cause)).toEqual(['misplaced-key']);
      const [evidence] = report.findings[0]!.keys;
      expect(evidence).toEqual(
        jasmine.objectContaining({
          key: 'order-1000',
          homePartition: home,
          misplaced: [{ topic: 'b', partition: stray, offset: 99 }],
          misplacedCount: 1,
        }),
      );
      expect(evidence!.placements.map((p) => [p.topic, p.partition])).toEqual([
        ['a', home],
        ['b', home],
      ]);
      expect(report.findings[0]!.summary).toBe(
        `Key order-1000 sits on partition ${home} of a and b, but 1 record of it sits on partition ${stray} of b (offset 99): ` +
          'a join reads the same partition number of every topic together, so it misses it.',
      );
      expect(report.findings[0]!.fix).toContain(
        `The producer of b used an explicit partition or a custom partitioner for order-1000; re-produce it to partition ${home}`,
      );
      expect(report.summary).toContain('a join misses 1 sampled record');
    });

    it('is broken whichever of its records is read first', () => {
      const b = withStray(topicOf('b', 6, text));
      b.records.reverse();

      const report = analyzeGroup(group, [topicOf('a', 6, text), b]);

      expect(report.findings.map((f) => f.cause)).toEqual(['misplaced-key']);
      expect(report.findings[0]!.keys[0]!.homePartition).toBe(home);
    });

    it('is not taken for added partitions when a smaller count happens to agree, the record being newer', () => {
      const u1 = text('u1');
      const oddOne = [5, 4, 3, 2].find((count) => javaDefaultPartition(u1, count) !== javaDefaultPartition(u1, 6))!;
      const placed = (topic: string): TopicRecords => ({
        topic,
        partitions: 6,
        records: [{ partition: javaDefaultPartition(u1, 6), offset: 0n, timestamp: 1n, key: u1 }],
      });
      const b = placed('b');
      b.records.push({ partition: javaDefaultPartition(u1, oddOne), offset: 1n, timestamp: 2n, key: u1 });

      const report = analyzeGroup(group, [placed('a'), b]);

      expect(report.findings.map((f) => f.cause)).toEqual(['misplaced-key']);
    });

    it('is at risk when the key is in one topic only', () => {
      const onlyInB = (sample: TopicRecords): TopicRecords => ({
        ...sample,
        records: [
          ...sample.records,
          { partition: javaDefaultPartition(text('solo'), 6), offset: 98n, timestamp: 1n, key: text('solo') },
          { partition: (javaDefaultPartition(text('solo'), 6) + 1) % 6, offset: 99n, timestamp: 1n, key: text('solo') },
        ],
      });

      const report = analyzeGroup(group, [topicOf('a', 6, text), onlyInB(topicOf('b', 6, text))]);

      expect(report.verdict).toBe('at-risk');
      expect(report.findings.map((f) => f.cause)).toEqual(['misplaced-key']);
      expect(report.findings[0]!.summary).toContain('no other topic of the group holds this key');
    });
  });

  describe('with older records of a key where a smaller partition count put them', () => {
    it('blames the added partitions, not a producer', () => {
      const key = keys.find((k) => javaDefaultPartition(text(k), 6) !== javaDefaultPartition(text(k), 8))!;
      const b = topicOf('b', 8, text);
      b.records.push({ partition: javaDefaultPartition(text(key), 6), offset: 0n, timestamp: -1n, key: text(key) });

      const report = analyzeGroup(group, [topicOf('a', 8, text), b]);

      expect(report.findings.map((f) => f.cause)).toEqual(['partitions-added']);
    });
  });

  describe('with several shared keys each with a misplaced record', () => {
    it('names some of them and says how many records a join misses', () => {
      const b = topicOf('b', 6, text);
      const strays = keys.slice(0, 5).map((key, index) => ({
        partition: (javaDefaultPartition(text(key), 6) + 2) % 6,
        offset: BigInt(100 + index),
        timestamp: 1n,
        key: text(key),
      }));

      const report = analyzeGroup(group, [topicOf('a', 6, text), { ...b, records: [...b.records, ...strays] }]);

      const [misplaced] = report.findings;
      expect(misplaced!.keyCount).toBe(5);
      expect(misplaced!.summary).toContain('5 keys (order-1000, order-1001, order-1002 and 2 more) have 5 sampled records');
      expect(misplaced!.fix).toContain('re-produce each misplaced record to its key');
    });
  });

  describe('with nothing sampled', () => {
    it('is unknown', () => {
      const empty = (topic: string): TopicRecords => ({ topic, partitions: 3, records: [] });

      expect(analyzeGroup(group, [empty('a'), empty('b')]).verdict).toBe('unknown');
    });
  });
});

describe('decodeKey', () => {
  it('reads an Avro string key after the wire-format header', () =>
    expect(decodeKey(wire(7, avroString('k1')))).toEqual({ logical: 'k1', schemaId: 7, form: 'avro-string' }));

  it('reads an Avro long key', () =>
    expect(decodeKey(wire(7, Buffer.from([0x54])))).toEqual({ logical: '42', schemaId: 7, form: 'avro-long' }));

  it('reads a JSON string key as its text', () =>
    expect(decodeKey(Buffer.from('"k1"'))).toEqual({ logical: 'k1', schemaId: null, form: 'json' }));

  it('reads a plain text key', () => expect(decodeKey(Buffer.from('k1'))).toEqual({ logical: 'k1', schemaId: null, form: 'text' }));

  it('keeps binary keys as hex', () =>
    expect(decodeKey(Buffer.from([0xff, 0x01]))).toEqual({ logical: 'ff01', schemaId: null, form: 'binary' }));
});
