import { decodeText, WIRE_HEADER_BYTES, wireFormatSchemaId } from '../kafka/wire-format';
import type { RenderedBytes } from './message.model';

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

function looksLikeJson(text: string): boolean {
  return /^\s*[[{"]/.test(text) || /^\s*(-?\d|true\b|false\b|null\b)/.test(text);
}
