import { decodeText, WIRE_HEADER_BYTES, wireFormatSchemaId } from '../kafka/wire-format';

/** How a key's bytes were written. */
export type KeyForm = 'avro-string' | 'avro-long' | 'wire-json' | 'wire-bytes' | 'json' | 'text' | 'binary';

/** A key read back to what the application meant by it. */
export interface DecodedKey {
  /** The logical key as text: the same for "k1" written as a string, as JSON, or as Avro. */
  logical: string;
  schemaId: number | null;
  form: KeyForm;
}

/**
 * Decodes key bytes to the logical key. A schema-registry key loses its 5-byte header and is
 * read as Avro (a string or a long is what join keys are) or JSON; a plain key is read as a
 * JSON scalar when it is one, else as text, else kept as hex.
 */
export function decodeKey(bytes: Buffer): DecodedKey {
  const schemaId = wireFormatSchemaId(bytes);
  if (schemaId !== undefined) {
    const payload = bytes.subarray(WIRE_HEADER_BYTES);
    const avroString = readAvroString(payload);
    if (avroString !== undefined) return { logical: avroString, schemaId, form: 'avro-string' };
    const avroLong = readAvroLong(payload);
    if (avroLong !== undefined) return { logical: avroLong, schemaId, form: 'avro-long' };
    const json = readJson(payload);
    if (json !== undefined) return { logical: json, schemaId, form: 'wire-json' };
    return { logical: payload.toString('hex'), schemaId, form: 'wire-bytes' };
  }
  const json = readJson(bytes);
  if (json !== undefined) return { logical: json, schemaId: null, form: 'json' };
  const text = decodeText(bytes);
  if (text !== undefined) return { logical: text, schemaId: null, form: 'text' };
  return { logical: bytes.toString('hex'), schemaId: null, form: 'binary' };
}

/** Avro's string: a zig-zag varint length, then exactly that many UTF-8 bytes. */
function readAvroString(payload: Buffer): string | undefined {
  const length = readZigZag(payload);
  if (!length || length.value < 0 || length.bytes + length.value !== payload.length) return undefined;
  return decodeText(payload.subarray(length.bytes));
}

/** Avro's long: one zig-zag varint and nothing after it. */
function readAvroLong(payload: Buffer): string | undefined {
  const value = readZigZag(payload);
  return value && value.bytes === payload.length ? String(value.value) : undefined;
}

function readZigZag(bytes: Buffer): { value: number; bytes: number } | undefined {
  let raw = 0n;
  for (let i = 0; i < Math.min(bytes.length, 10); i++) {
    const byte = bytes[i]!;
    raw |= BigInt(byte & 0x7f) << BigInt(7 * i);
    if ((byte & 0x80) === 0) {
      const value = Number((raw >> 1n) ^ -(raw & 1n));
      return { value, bytes: i + 1 };
    }
  }
  return undefined;
}

/** A JSON scalar as its plain text ("k1" → k1), an object or array in canonical form. */
function readJson(bytes: Buffer): string | undefined {
  const text = decodeText(bytes);
  if (text === undefined || !/^\s*([[{"]|-?\d|true|false)/.test(text)) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    return undefined;
  }
}
