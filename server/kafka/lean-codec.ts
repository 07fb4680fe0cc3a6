import { createAPI, Writer, type Reader } from '@platformatic/kafka';

/**
 * Kafka's flexible-version wire types read straight from one contiguous buffer. The client's
 * own parsers build an object per field and read through a chain of small buffers; for the
 * requests the live model repeats every few seconds over every partition of a cluster (tens
 * of thousands of entries), these read and write the few fields needed and nothing else.
 */
export class ByteReader {
  position = 0;

  constructor(readonly bytes: Buffer) {}

  /** The rest of a response the client hands to a parser, as one buffer. */
  static rest(reader: Reader): ByteReader {
    return new ByteReader(reader.buffer.slice(reader.position, reader.buffer.length));
  }

  int8(): number {
    return this.bytes.readInt8(this.#advance(1));
  }

  int16(): number {
    return this.bytes.readInt16BE(this.#advance(2));
  }

  int32(): number {
    return this.bytes.readInt32BE(this.#advance(4));
  }

  int64(): bigint {
    return this.bytes.readBigInt64BE(this.#advance(8));
  }

  boolean(): boolean {
    return this.int8() !== 0;
  }

  unsignedVarInt(): number {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const byte = this.bytes[this.#advance(1)]!;
      value |= (byte & 0x7f) << shift;
      if (byte < 0x80) return value >>> 0;
    }
    throw new RangeError('a varint longer than 5 bytes');
  }

  /** A compact array's length; -1 for null. */
  compactLength(): number {
    return this.unsignedVarInt() - 1;
  }

  compactString(): string | null {
    const length = this.compactLength();
    if (length < 0) return null;
    const start = this.#advance(length);
    return this.bytes.toString('utf8', start, start + length);
  }

  /** A compact array of INT32. */
  int32Array(): number[] {
    const length = Math.max(0, this.compactLength());
    const values = new Array<number>(length);
    for (let index = 0; index < length; index++) values[index] = this.int32();
    return values;
  }

  skip(bytes: number): void {
    this.#advance(bytes);
  }

  /** Skips a tagged-fields section (none of the fields read here are tagged). */
  skipTaggedFields(): void {
    const count = this.unsignedVarInt();
    for (let index = 0; index < count; index++) {
      this.unsignedVarInt(); // tag
      this.skip(this.unsignedVarInt());
    }
  }

  #advance(bytes: number): number {
    const at = this.position;
    if (at + bytes > this.bytes.length) throw new RangeError('the response ended early');
    this.position = at + bytes;
    return at;
  }
}

/** Writes a request body into one buffer of the size computed beforehand. */
export class ByteWriter {
  #position = 0;
  readonly bytes: Buffer;

  constructor(size: number) {
    this.bytes = Buffer.allocUnsafe(size);
  }

  static varIntSize(value: number): number {
    let size = 1;
    while (value >= 0x80) {
      value >>>= 7;
      size++;
    }
    return size;
  }

  /** The size of a compact string. */
  static stringSize(value: string): number {
    const length = Buffer.byteLength(value);
    return ByteWriter.varIntSize(length + 1) + length;
  }

  int8(value: number): this {
    this.#position = this.bytes.writeInt8(value, this.#position);
    return this;
  }

  int32(value: number): this {
    this.#position = this.bytes.writeInt32BE(value, this.#position);
    return this;
  }

  int64(value: bigint): this {
    this.#position = this.bytes.writeBigInt64BE(value, this.#position);
    return this;
  }

  unsignedVarInt(value: number): this {
    while (value >= 0x80) {
      this.bytes[this.#position++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.bytes[this.#position++] = value;
    return this;
  }

  /** A compact array's length. */
  compactLength(length: number): this {
    return this.unsignedVarInt(length + 1);
  }

  compactString(value: string): this {
    this.unsignedVarInt(Buffer.byteLength(value) + 1);
    this.#position += this.bytes.write(value, this.#position);
    return this;
  }

  /** An empty tagged-fields section. */
  noTaggedFields(): this {
    return this.unsignedVarInt(0);
  }

  /** The body as the client's connection sends it, after checking the size was right. */
  done(): Writer {
    if (this.#position !== this.bytes.length) throw new Error(`a request of ${this.#position} bytes in a buffer of ${this.bytes.length}`);
    return Writer.create().append(this.bytes);
  }
}

/**
 * A protocol call with a lean request and response: `write` makes the body, `read` reads the
 * whole response body (after its header) from one buffer.
 */
export function leanApi<Request extends unknown[], Response>(
  apiKey: number,
  apiVersion: number,
  write: (...request: Request) => ByteWriter,
  read: (reader: ByteReader) => Response,
) {
  return createAPI<Request, Response>(
    apiKey,
    apiVersion,
    (...request: Request) => write(...request).done(),
    (_correlationId, _apiKey, _apiVersion, reader) => read(ByteReader.rest(reader)),
  );
}
