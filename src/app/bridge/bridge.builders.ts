import type { BridgeHealth, BridgeSource, RestartPoint, SequenceCheckJob, SequenceReport } from './bridge.model';

/** A restart point of a FileStreamSource: after line 1 of 3, with two events published past it. */
export function aRestartPoint(overrides: Partial<RestartPoint> = {}): RestartPoint {
  return {
    sourcePartition: { filename: '/data/domain_events.jsonl' },
    offset: { position: 40 },
    filePosition: {
      file: '/data/domain_events.jsonl',
      position: 40,
      linesCommitted: 1,
      committedSequence: 101,
      nextLine: 2,
      nextSequence: 102,
    },
    publishedPastRestart: 2,
    ...overrides,
  };
}

export function aSource(overrides: Partial<BridgeSource> = {}): BridgeSource {
  return {
    connectCluster: 'local-connect',
    connector: 'domain-events-source',
    className: 'FileStreamSource',
    state: 'RUNNING',
    restartPoints: [aRestartPoint()],
    ...overrides,
  };
}

export function aBridgeHealth(overrides: Partial<BridgeHealth> = {}): BridgeHealth {
  return {
    topic: 'shop.domain-events',
    settings: { sequenceField: 'sequence', keyField: null },
    published: {
      sequence: 103,
      record: { partition: 0, offset: 2 },
      partitions: [{ partition: 0, endOffset: 3, offset: 2, sequence: 103 }],
    },
    sources: [aSource()],
    connectProblems: [],
    asOf: '2026-11-27T12:00:00.000Z',
    ...overrides,
  };
}

/** A report that found one gap (5) and one duplicate (7). */
export function aSequenceReport(overrides: Partial<SequenceReport> = {}): SequenceReport {
  return {
    topic: 'shop.domain-events',
    sequenceField: 'sequence',
    keyField: null,
    scanned: [{ partition: 0, fromOffset: 0, toOffset: 10, fromLogStart: true, toLogEnd: true }],
    recordsRead: 10,
    lowest: 1,
    highest: 10,
    gapSpan: { from: 1, to: 10 },
    duplicates: {
      records: 1,
      sequences: 1,
      examples: [
        {
          sequence: 7,
          records: [
            { partition: 0, offset: 5 },
            { partition: 0, offset: 6 },
          ],
        },
      ],
    },
    gaps: {
      missing: 1,
      ranges: 1,
      examples: [{ from: 5, to: 5, missing: 1, before: { partition: 0, offset: 3 }, after: { partition: 0, offset: 4 } }],
    },
    outOfOrder: { records: 0, examples: [] },
    withoutSequence: { records: 0, examples: [] },
    verdict: 'gaps',
    summary: 'DATA LOST: 1 sequence number(s) are missing in 1 gap(s) between 1 and 10.',
    checkedAt: '2026-11-27T12:00:00.000Z',
    ...overrides,
  };
}

export function aCheckJob(overrides: Partial<SequenceCheckJob> = {}): SequenceCheckJob {
  return { id: 'job-1', status: 'running', progress: { recordsRead: 0, recordsPlanned: 10 }, ...overrides };
}
