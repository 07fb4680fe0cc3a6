import type { RenderedBytes } from './message.model';

/** The schema-registry wire format: magic byte 0, a 4-byte big-endian schema id, the payload. */
const WIRE_HEADER_BYTES = 5;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Renders record bytes for people: JSON when they parse as JSON, text when they are UTF-8
 * without control characters, hex otherwise. Bytes in the schema-registry wire format are
 * flagged with their schema id and the payload after the header is rendered on its own.
 */
export function renderBytes(bytes: Buffer | null): RenderedBytes {
  if (bytes === null) return { encoding: 'null', text: null, sizeBytes: 0 };
  const schemaId = wireFormatSchemaId(bytes);
  const payload = schemaId === undefined ? bytes : bytes.subarray(WIRE_HEADER_BYTES);
  return { ...renderPayload(payload), sizeBytes: bytes.length, ...(schemaId !== undefined && { schemaId }) };
}

/**
 * The schema id when the bytes look like the wire format. Schema Registry numbers schemas
 * from 1, so a leading zero followed by id 0 (say, a big-endian long) is not taken for it.
 */
export function wireFormatSchemaId(bytes: Buffer): number | undefined {
  if (bytes.length < WIRE_HEADER_BYTES || bytes[0] !== 0) return undefined;
  const schemaId = bytes.readInt32BE(1);
  return schemaId > 0 ? schemaId : undefined;
}

function renderPayload(bytes: Buffer): Pick<RenderedBytes, 'encoding' | 'text'> {
  const text = decodeText(bytes);
  if (text === undefined) return { encoding: 'hex', text: bytes.toString('hex') };
  if (looksLikeJson(text)) {
    try {
      JSON.parse(text);
      return { encoding: 'json', text };
    } catch {
      // not JSON after all: plain text
    }
  }
  return { encoding: 'text', text };
}

function decodeText(bytes: Buffer): string | undefined {
  try {
    const text = strictUtf8.decode(bytes);
    // eslint-disable-next-line no-control-regex
    return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}

function looksLikeJson(text: string): boolean {
  return /^\s*[[{"]/.test(text) || /^\s*(-?\d|true\b|false\b|null\b)/.test(text);
}
