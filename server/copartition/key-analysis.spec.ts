import { javaDefaultPartition } from '../kafka/java-partitioner';
import type { CopartitionGroup } from './copartition.model';
import { analyzeGroup, type TopicRecords } from './key-analysis';
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
  records: keys.map((key) => {
    const bytes = encode(key);
    return { partition: place(bytes), key: bytes };
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
