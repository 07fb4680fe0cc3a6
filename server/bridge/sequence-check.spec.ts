import type { ScannedRange } from './bridge.model';
import { judgeSequence, type ScanResult, type SequencedRecord } from './sequence-check';
import { planScan } from './sequence-scan';
import { sequenceOf } from './sequence-field';

/** A scan of partitions given as their sequences in offset order; each range read whole unless said otherwise. */
function aScan(partitions: (number | null)[][], ranges: Partial<ScannedRange>[] = []): ScanResult {
  const records = new Map<number, SequencedRecord[]>(
    partitions.map((sequences, partition) => [
      partition,
      sequences.map((sequence, offset) => ({ partition, offset, key: null, sequence })),
    ]),
  );
  return {
    topic: 't',
    sequenceField: 'sequence',
    keyField: null,
    ranges: partitions.map((sequences, partition) => ({
      partition,
      fromOffset: 0,
      toOffset: sequences.length,
      fromLogStart: true,
      toLogEnd: true,
      ...ranges[partition],
    })),
    records,
  };
}

describe('judgeSequence', () => {
  describe('with every partition read whole', () => {
    it('counts the numbers missing between the lowest and highest sequence', () => {
      const report = judgeSequence(
        aScan([
          [1, 3, 5],
          [2, 6],
        ]),
      );

      expect(report.gaps.missing).toBe(1);
      expect(report.gaps.examples).toEqual([
        { from: 4, to: 4, missing: 1, before: { partition: 0, offset: 1 }, after: { partition: 0, offset: 2 } },
      ]);
    });
  });

  describe('with a partition not read from its start', () => {
    it('counts gaps only above its first sequence read, where nothing unread can hold them', () => {
      // Partition 1's unread older records may hold 2 to 4.
      const report = judgeSequence(
        aScan(
          [
            [1, 6, 7],
            [5, 8],
          ],
          [{}, { fromLogStart: false }],
        ),
      );

      expect(report.gapSpan).toEqual({ from: 5, to: 8 });
      expect(report.gaps.missing).toBe(0);
      expect(report.verdict).toBe('ok');
    });
  });

  describe('with a re-published event', () => {
    it('counts it as a duplicate, not as out of order', () => {
      const report = judgeSequence(aScan([[1, 2, 3, 2, 3, 4]]));

      expect(report.duplicates.records).toBe(2);
      expect(report.outOfOrder.records).toBe(0);
      expect(report.verdict).toBe('duplicates');
    });
  });

  describe('with records lacking the field', () => {
    it('says so and judges the rest', () => {
      const report = judgeSequence(aScan([[null, null]]));

      expect(report.verdict).toBe('no-sequence');
      expect(report.withoutSequence.records).toBe(2);
      expect(report.summary).toContain('set the sequence field');
    });
  });
});

describe('planScan', () => {
  const bounds = [
    { partition: 0, start: 0n, end: 2n },
    { partition: 1, start: 10n, end: 100n },
  ];

  it('gives the share a small partition cannot use to the others', () => {
    expect(planScan(bounds, { limit: 10 })).toEqual([
      { partition: 0, from: 0n, to: 2n },
      { partition: 1, from: 92n, to: 100n },
    ]);
  });

  it('reads forward from an offset when asked', () => {
    expect(planScan(bounds, { limit: 5, fromOffset: 20, partition: 1 })).toEqual([{ partition: 1, from: 20n, to: 25n }]);
  });
});

describe('sequenceOf', () => {
  it('reads an integer or a string of digits at a dotted path, and nothing else', () => {
    expect(sequenceOf({ meta: { seq: 7 } }, 'meta.seq')).toBe(7);
    expect(sequenceOf({ sequence: '12' }, 'sequence')).toBe(12);
    expect(sequenceOf({ sequence: 1.5 }, 'sequence')).toBeNull();
    expect(sequenceOf({ sequence: { n: 1 } }, 'sequence')).toBeNull();
  });
});
