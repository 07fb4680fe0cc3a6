import { compressionsAlgorithmsByBitmask } from '@platformatic/kafka';

/** One record as stored: bytes, not yet decoded. */
export interface RawRecord {
  partition: number;
  offset: bigint;
  timestamp: bigint;
  key: Buffer | null;
  value: Buffer | null;
  headers: [Buffer | null, Buffer | null][];
}

/** What a scan of stored record batches found: the records matching, and how much it passed over. */
export interface BatchScan {
  matches: RawRecord[];
  /** Records in the scanned range, matching or not. */
  records: number;
  /** Bytes of the batches that held them, as stored (compressed, with batch headers). */
  bytes: number;
  /** The offset after the last whole batch in the bytes; `from` when none was whole. */
  nextOffset: bigint;
}

// The v2 record batch (magic 2), Kafka's only on-disk format since 4.0: the byte positions
// of the header fields (DefaultRecordBatch.java).
const LENGTH = 8;
const LOG_OVERHEAD = 12;
const MAGIC = 16;
const ATTRIBUTES = 21;
const LAST_OFFSET_DELTA = 23;
const MAX_TIMESTAMP = 35;
const BASE_TIMESTAMP = 27;
const RECORDS_COUNT = 57;
const RECORDS = 61;

const COMPRESSION_MASK = 0b111;
const LOG_APPEND_TIME = 1 << 3;
const CONTROL = 1 << 5;

/**
 * Finds the records holding `needle` (in the key, the value or a header value) among the
 * batches of a fetch response, without decoding the others: a batch whose bytes do not hold
 * the needle at all is passed over whole, by its header's record count. Only records with
 * offsets in `[from, end)` count. The bytes of a match are copied out, so the fetch's buffer
 * is not kept alive by them.
 */
export function scanBatches(bytes: Buffer, partition: number, needle: Buffer, from: bigint, end: bigint): BatchScan {
  const scan: BatchScan = { matches: [], records: 0, bytes: 0, nextOffset: from };
  let position = 0;
  while (position + LOG_OVERHEAD <= bytes.length) {
    const size = LOG_OVERHEAD + bytes.readInt32BE(position + LENGTH);
    // A fetch ends where its byte budget did, usually inside a batch: that batch comes whole next time.
    if (position + size > bytes.length || size < RECORDS) break;
    const batch = bytes.subarray(position, position + size);
    position += size;
    const baseOffset = batch.readBigInt64BE(0);
    const lastOffset = baseOffset + BigInt(batch.readInt32BE(LAST_OFFSET_DELTA));
    if (lastOffset >= scan.nextOffset) scan.nextOffset = lastOffset + 1n;
    const attributes = batch.readInt16BE(ATTRIBUTES);
    // Transaction markers hold no data; records wholly outside the range are not this scan's.
    if (attributes & CONTROL || lastOffset < from || baseOffset >= end) continue;
    if (batch.readInt8(MAGIC) !== 2) throw new Error(`Record batch at offset ${baseOffset} has magic ${batch.readInt8(MAGIC)}, not 2`);
    scan.bytes += size;
    const records = recordsOf(batch, attributes);
    const count = batch.readInt32BE(RECORDS_COUNT);
    const wholeBatchInRange = baseOffset >= from && lastOffset < end;
    if (wholeBatchInRange && records.indexOf(needle) < 0) {
      scan.records += count;
      continue;
    }
    readRecords(batch, records, count, (record) => {
      if (record.offset < from || record.offset >= end) return;
      scan.records++;
      if (holds(record, needle)) scan.matches.push({ ...record, partition, ...copies(record) });
    });
  }
  return scan;
}

function recordsOf(batch: Buffer, attributes: number): Buffer {
  const compression = attributes & COMPRESSION_MASK;
  const stored = batch.subarray(RECORDS);
  if (compression === 0) return stored;
  const algorithm = compressionsAlgorithmsByBitmask[compression];
  if (!algorithm) throw new Error(`Record batch compressed with an unknown codec (${compression})`);
  return algorithm.decompressSync(stored) as Buffer;
}

type StoredRecord = Omit<RawRecord, 'partition'>;

/** Walks the records of one batch (Kafka's record format: varints and length-prefixed bytes). */
function readRecords(batch: Buffer, records: Buffer, count: number, visit: (record: StoredRecord) => void): void {
  const baseOffset = batch.readBigInt64BE(0);
  const logAppendTime = (batch.readInt16BE(ATTRIBUTES) & LOG_APPEND_TIME) !== 0;
  const baseTimestamp = batch.readBigInt64BE(BASE_TIMESTAMP);
  const maxTimestamp = batch.readBigInt64BE(MAX_TIMESTAMP);
  const at = { position: 0 };
  for (let index = 0; index < count && at.position < records.length; index++) {
    const length = readVarint(records, at);
    const next = at.position + length;
    at.position += 1; // attributes: unused by the format today
    const timestampDelta = readVarint(records, at);
    const offsetDelta = readVarint(records, at);
    const key = readBytes(records, at);
    const value = readBytes(records, at);
    const headers: [Buffer | null, Buffer | null][] = [];
    const headerCount = readVarint(records, at);
    for (let header = 0; header < headerCount; header++) headers.push([readBytes(records, at), readBytes(records, at)]);
    at.position = next;
    visit({
      offset: baseOffset + BigInt(offsetDelta),
      // With LogAppendTime the broker stamps the batch, and the records' own times mean nothing.
      timestamp: logAppendTime ? maxTimestamp : baseTimestamp + BigInt(timestampDelta),
      key,
      value,
      headers,
    });
  }
}

function holds(record: StoredRecord, needle: Buffer): boolean {
  return (
    (record.key?.includes(needle) ?? false) ||
    (record.value?.includes(needle) ?? false) ||
    record.headers.some(([, value]) => value?.includes(needle) ?? false)
  );
}

function copies(record: StoredRecord): Pick<RawRecord, 'key' | 'value' | 'headers'> {
  const copy = (bytes: Buffer | null) => (bytes === null ? null : Buffer.from(bytes));
  return { key: copy(record.key), value: copy(record.value), headers: record.headers.map(([key, value]) => [copy(key), copy(value)]) };
}

/** A zigzag varint (or varlong: deltas fit a double exactly), moving the position past it. */
function readVarint(bytes: Buffer, at: { position: number }): number {
  let unsigned = 0;
  let scale = 1;
  for (;;) {
    const byte = bytes[at.position++]!;
    unsigned += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) break;
    scale *= 128;
  }
  return unsigned % 2 === 0 ? unsigned / 2 : -(unsigned + 1) / 2;
}

function readBytes(bytes: Buffer, at: { position: number }): Buffer | null {
  const length = readVarint(bytes, at);
  if (length < 0) return null;
  const value = bytes.subarray(at.position, at.position + length);
  at.position += length;
  return value;
}
