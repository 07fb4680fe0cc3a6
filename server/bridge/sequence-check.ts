import type {
  DuplicateExample,
  GapExample,
  OutOfOrderExample,
  RecordRef,
  ScannedRange,
  SequenceReport,
  SequenceVerdict,
} from './bridge.model';

/** How many examples of each finding a report lists. */
export const EXAMPLES = 5;
/** How many records of one duplicated sequence an example lists. */
const RECORDS_PER_DUPLICATE = 5;

/** One record as the check keeps it: where it is, its key, its sequence (values are dropped at once). */
export interface SequencedRecord {
  partition: number;
  offset: number;
  /** The record key, the value's key field, or null (the partition then stands for the key). */
  key: string | null;
  sequence: number | null;
}

/** What the scan read, per partition in offset order. */
export interface ScanResult {
  topic: string;
  sequenceField: string;
  keyField: string | null;
  ranges: ScannedRange[];
  /** Per partition, its records in offset order. */
  records: Map<number, SequencedRecord[]>;
  stoppedEarly?: string;
}

/**
 * Judges the sequence of the records a bounded scan read. What counts:
 * - **duplicate**: a sequence held by more than one record read. `records` counts the copies
 *   beyond the first; at-least-once delivery makes them (a connector that restarts before
 *   committing its offset publishes again what followed it), so they are expected.
 * - **gap**: a whole number missing between the lowest and highest sequence read, counted only
 *   where every partition was read: below the first record read of a partition that was not
 *   read from its log start (or above the last of one not read to its end) its unread records
 *   may hold the number. A gap is an event that was never published, or was lost.
 * - **out of order**: per key (the record key, else the value's key field, else the
 *   partition), a record whose sequence is lower than that of an earlier record of the key in
 *   the partition, and that is not a duplicate (a re-published copy counts as a duplicate only).
 * - **without sequence**: a record whose value is not JSON or lacks an integer at the field.
 */
export function judgeSequence(scan: ScanResult, checkedAt = new Date()): SequenceReport {
  const firstSeen = new Map<number, RecordRef[]>();
  const withoutSequence: RecordRef[] = [];
  let withoutCount = 0;
  let recordsRead = 0;
  let lowest: number | null = null;
  let highest: number | null = null;
  let spanFrom = -Infinity;
  let spanTo = Infinity;

  for (const range of scan.ranges) {
    const records = scan.records.get(range.partition) ?? [];
    let partitionLowest = Infinity;
    let partitionHighest = -Infinity;
    for (const record of records) {
      recordsRead++;
      const ref = { partition: record.partition, offset: record.offset };
      if (record.sequence === null) {
        if (withoutCount++ < EXAMPLES) withoutSequence.push(ref);
        continue;
      }
      const holders = firstSeen.get(record.sequence);
      if (holders) holders.push(ref);
      else firstSeen.set(record.sequence, [ref]);
      partitionLowest = Math.min(partitionLowest, record.sequence);
      partitionHighest = Math.max(partitionHighest, record.sequence);
    }
    if (partitionLowest === Infinity) {
      // Nothing of this partition was judged, yet it holds records not read: any number may be there.
      if (!range.fromLogStart || !range.toLogEnd) spanFrom = Infinity;
      continue;
    }
    lowest = lowest === null ? partitionLowest : Math.min(lowest, partitionLowest);
    highest = highest === null ? partitionHighest : Math.max(highest, partitionHighest);
    if (!range.fromLogStart) spanFrom = Math.max(spanFrom, partitionLowest);
    if (!range.toLogEnd) spanTo = Math.min(spanTo, partitionHighest);
  }

  const duplicates = findDuplicates(firstSeen);
  const gapSpan = lowest === null || highest === null ? null : { from: Math.max(lowest, spanFrom), to: Math.min(highest, spanTo) };
  const gaps =
    gapSpan && gapSpan.from <= gapSpan.to ? findGaps(firstSeen, gapSpan.from, gapSpan.to) : { missing: 0, ranges: 0, examples: [] };
  const outOfOrder = findOutOfOrder(scan, firstSeen);
  const verdict: SequenceVerdict =
    firstSeen.size === 0 ? 'no-sequence' : gaps.missing > 0 ? 'gaps' : duplicates.records > 0 ? 'duplicates' : 'ok';
  const report: Omit<SequenceReport, 'summary'> = {
    topic: scan.topic,
    sequenceField: scan.sequenceField,
    keyField: scan.keyField,
    scanned: scan.ranges,
    recordsRead,
    ...(scan.stoppedEarly && { stoppedEarly: scan.stoppedEarly }),
    lowest,
    highest,
    gapSpan: gapSpan && gapSpan.from <= gapSpan.to ? gapSpan : null,
    duplicates,
    gaps,
    outOfOrder,
    withoutSequence: { records: withoutCount, examples: withoutSequence },
    verdict,
    checkedAt: checkedAt.toISOString(),
  };
  return { ...report, summary: summarize(report) };
}

function findDuplicates(seen: Map<number, RecordRef[]>): SequenceReport['duplicates'] {
  let records = 0;
  let sequences = 0;
  const examples: DuplicateExample[] = [];
  for (const [sequence, holders] of seen) {
    if (holders.length < 2) continue;
    records += holders.length - 1;
    sequences++;
    if (examples.length < EXAMPLES) examples.push({ sequence, records: holders.slice(0, RECORDS_PER_DUPLICATE) });
  }
  examples.sort((a, b) => a.sequence - b.sequence);
  return { records, sequences, examples };
}

function findGaps(seen: Map<number, RecordRef[]>, from: number, to: number): SequenceReport['gaps'] {
  const sorted = [...seen.keys()].filter((sequence) => sequence >= from && sequence <= to).sort((a, b) => a - b);
  let missing = 0;
  let ranges = 0;
  const examples: GapExample[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const below = sorted[i - 1]!;
    const above = sorted[i]!;
    if (above - below <= 1) continue;
    missing += above - below - 1;
    ranges++;
    if (examples.length < EXAMPLES) {
      examples.push({
        from: below + 1,
        to: above - 1,
        missing: above - below - 1,
        before: seen.get(below)?.[0] ?? null,
        after: seen.get(above)?.[0] ?? null,
      });
    }
  }
  return { missing, ranges, examples };
}

function findOutOfOrder(scan: ScanResult, seen: Map<number, RecordRef[]>): SequenceReport['outOfOrder'] {
  let records = 0;
  const examples: OutOfOrderExample[] = [];
  for (const [partition, partitionRecords] of scan.records) {
    const highestOfKey = new Map<string, { sequence: number; record: RecordRef }>();
    for (const record of partitionRecords) {
      if (record.sequence === null) continue;
      const key = record.key ?? `(no key) partition ${partition}`;
      const previous = highestOfKey.get(key);
      const ref = { partition: record.partition, offset: record.offset };
      if (!previous || record.sequence > previous.sequence) {
        highestOfKey.set(key, { sequence: record.sequence, record: ref });
        continue;
      }
      if ((seen.get(record.sequence)?.length ?? 0) > 1) continue; // a re-published copy: a duplicate, not disorder
      if (record.sequence === previous.sequence) continue;
      records++;
      if (examples.length < EXAMPLES) {
        examples.push({
          key,
          sequence: record.sequence,
          previousSequence: previous.sequence,
          record: ref,
          previousRecord: previous.record,
        });
      }
    }
  }
  return { records, examples };
}

function summarize(report: Omit<SequenceReport, 'summary'>): string {
  const field = report.sequenceField;
  if (report.verdict === 'no-sequence') {
    return report.recordsRead === 0
      ? 'No records were read: the topic (or the range asked for) is empty.'
      : `None of the ${report.recordsRead} records read has an integer at "${field}": set the sequence field of this topic.`;
  }
  const parts: string[] = [];
  if (report.gaps.missing > 0) {
    parts.push(
      `DATA LOST: ${report.gaps.missing} sequence number(s) are missing in ${report.gaps.ranges} gap(s) between ` +
        `${report.gapSpan?.from} and ${report.gapSpan?.to}. Those events never reached the topic (or were deleted from it).`,
    );
  }
  if (report.duplicates.records > 0) {
    parts.push(
      `${report.duplicates.records} record(s) repeat ${report.duplicates.sequences} sequence(s) already published. ` +
        'Expected with at-least-once delivery (a connector restarted before committing its offset): consumers must be idempotent.',
    );
  }
  if (report.outOfOrder.records > 0) {
    parts.push(
      `${report.outOfOrder.records} record(s) arrived after a higher sequence of the same key: consumers that apply events in order see them late.`,
    );
  }
  if (report.withoutSequence.records > 0) parts.push(`${report.withoutSequence.records} record(s) have no integer at "${field}".`);
  if (report.gapSpan === null) parts.push('Gaps are not counted: a partition was not read far enough to tell (read more records).');
  if (parts.length === 0)
    parts.push(`No gaps and no duplicates in ${report.recordsRead} records (sequences ${report.lowest} to ${report.highest}).`);
  if (report.stoppedEarly) parts.push(`The scan stopped early: ${report.stoppedEarly}.`);
  return parts.join(' ');
}
