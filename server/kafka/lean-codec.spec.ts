import { ByteReader, ByteWriter } from './lean-codec';

describe('lean codec', () => {
  describe('ByteWriter and ByteReader', () => {
    it('round-trip every wire type they share', () => {
      const name = 'orders-été';
      const size = 1 + 4 + 8 + ByteWriter.varIntSize(300) + ByteWriter.stringSize(name) + ByteWriter.varIntSize(4) + 1;
      const writer = new ByteWriter(size)
        .int8(-3)
        .int32(-70_000)
        .int64(2n ** 40n)
        .unsignedVarInt(300)
        .compactString(name)
        .compactLength(3)
        .noTaggedFields();
      const reader = new ByteReader(writer.done().buffer);
      expect(reader.int8()).toBe(-3);
      expect(reader.int32()).toBe(-70_000);
      expect(reader.int64()).toBe(2n ** 40n);
      expect(reader.unsignedVarInt()).toBe(300);
      expect(reader.compactString()).toBe(name);
      expect(reader.compactLength()).toBe(3);
      expect(reader.unsignedVarInt()).toBe(0);
      expect(reader.position).toBe(size);
    });

    it('refuse a request whose size was computed wrong', () => {
      expect(() => new ByteWriter(5).int32(1).done()).toThrowError(/4 bytes in a buffer of 5/);
    });
  });

  describe('ByteReader', () => {
    it('reads a null compact string', () => {
      expect(new ByteReader(Buffer.from([0])).compactString()).toBeNull();
    });

    it('skips tagged fields it does not know', () => {
      const reader = new ByteReader(Buffer.from([2, 0, 2, 0xaa, 0xbb, 5, 1, 0xcc, 7]));
      reader.skipTaggedFields();
      expect(reader.int8()).toBe(7);
    });

    it('says when a response ends early instead of reading past it', () => {
      expect(() => new ByteReader(Buffer.from([0, 0, 1])).int32()).toThrowError(/ended early/);
    });

    it('reads the largest five-byte varint', () => {
      expect(new ByteReader(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f])).unsignedVarInt()).toBe(0xffffffff);
    });
  });
});
