/** The API contract of searching a whole topic: `GET /topics/:topic/search`, a stream of events. */
import type { ErrorCode } from '../shared/app-error';
import type { Offset } from '../shared/offset';
import type { TopicMessage } from './message.model';

/** Where a search starts: at each partition's oldest record, or at its newest. */
export type SearchDirection = 'oldest' | 'newest';

export interface SearchQuery {
  /** The exact bytes to find (its UTF-8, any letter case counts) in key, value or a header value. */
  contains: string;
  direction: SearchDirection;
  /** Only this partition; all of them when omitted. */
  partition?: number;
  /** The search stops after this many matches. */
  limit: number;
}

/** One partition's part of the search: it covers `[from, to)` and has read up to `position`. */
export interface PartitionProgress {
  partition: number;
  from: Offset;
  to: Offset;
  /** Going from the oldest, the next offset to read; from the newest, the lowest offset read. */
  position: Offset;
}

export interface SearchProgress {
  scannedRecords: number;
  scannedBytes: number;
  partitions: PartitionProgress[];
  elapsedMs: number;
}

/** Why a search ended: every record was read, or `limit` matches were found. */
export type SearchStop = 'end' | 'limit';

export interface SearchDone {
  scannedRecords: number;
  matches: number;
  elapsedMs: number;
  stoppedBy: SearchStop;
}

export interface SearchFailure {
  code: ErrorCode;
  message: string;
}

/**
 * What the stream carries, each as one Server-Sent Event named by `type`: progress (a few a
 * second), every match as it is found, and at last either `done` or `error`.
 */
export type SearchEvent =
  | { type: 'progress'; data: SearchProgress }
  | { type: 'match'; data: TopicMessage }
  | { type: 'done'; data: SearchDone }
  | { type: 'error'; data: SearchFailure };
