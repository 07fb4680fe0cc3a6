/** The schema-registry wire format: magic byte 0, a 4-byte big-endian schema id, the payload. */
export const WIRE_HEADER_BYTES = 5;

/**
 * The schema id when the bytes look like the wire format. Schema Registry numbers schemas
 * from 1, so a leading zero followed by id 0 (say, a big-endian long) is not taken for it.
 */
export function wireFormatSchemaId(bytes: Buffer): number | undefined {
  if (bytes.length < WIRE_HEADER_BYTES || bytes[0] !== 0) return undefined;
  const schemaId = bytes.readInt32BE(1);
  return schemaId > 0 ? schemaId : undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as text when they are UTF-8 without control characters (tabs and newlines allowed). */
export function decodeText(bytes: Buffer): string | undefined {
  try {
    const text = strictUtf8.decode(bytes);
    // eslint-disable-next-line no-control-regex
    return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}
