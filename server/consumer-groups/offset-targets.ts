import { AppError } from '../shared/app-error';
import type { OffsetResetRequest, ResetPreviewPartition } from './consumer-group.model';

/** How a reset request chooses offsets, once its value is read and checked. No I/O here. */
export type TargetRule =
  | { kind: 'earliest' }
  | { kind: 'latest' }
  /** The first offset at or after this instant (epoch ms). */
  | { kind: 'timestamp'; at: number }
  | { kind: 'shift'; by: number }
  | { kind: 'offset'; offset: number };

/** What a partition looks like when its target is chosen. */
export interface PartitionPosition {
  topic: string;
  partition: number;
  currentOffset: number | null;
  logStartOffset: number;
  logEndOffset: number;
  /** For a timestamp rule: ListOffsets' answer, -1 when no record is that late. */
  offsetForTime?: number;
}

const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * The latest instant a reset may name: the end of year 9999 (epoch ms). Kafka takes a 64-bit
 * timestamp, but one past exact numbers (2^63 was tried) fails inside the client instead.
 */
export const MAX_TIMESTAMP = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const DAY = 86_400_000;

/**
 * Reads the request's mode and value into a {@link TargetRule}: 400 VALIDATION_FAILED naming
 * what is wrong otherwise. A duration is turned into a timestamp at `now`, back from now.
 */
export function targetRule(request: Pick<OffsetResetRequest, 'mode' | 'value'>, now: number): TargetRule {
  const { mode, value } = request;
  switch (mode) {
    case 'earliest':
    case 'latest':
      return { kind: mode };
    case 'timestamp':
      return { kind: 'timestamp', at: parseTimestamp(value) };
    case 'duration':
      return { kind: 'timestamp', at: now - checkDuration(parseDuration(value), now) };
    case 'shift':
      return { kind: 'shift', by: parseInteger(value, 'shift', 'a whole number of records, e.g. -100 or 50') };
    case 'offset': {
      const offset = parseInteger(value, 'offset', 'a whole number at least 0');
      if (offset < 0) throw invalid('offset must be a whole number at least 0');
      return { kind: 'offset', offset };
    }
  }
}

/** An ISO-8601 duration of days, hours, minutes and seconds (`PT2H`, `P1D`, `PT30M`) in ms. */
export function parseDuration(value: unknown): number {
  const match = typeof value === 'string' ? ISO_DURATION.exec(value.trim().toUpperCase()) : null;
  if (!match || value === 'P' || /T$/.test(String(value))) {
    throw invalid(`duration must be an ISO-8601 duration such as PT2H, PT30M or P1D, not ${JSON.stringify(value ?? null)}`);
  }
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000 + Number(seconds) * 1000;
}

/**
 * The target of one partition under a rule, always within [log start, log end]. A time later
 * than the last record resolves to the log end; a shift counts from the committed offset, or
 * from the log end where the group never committed (so `-100` means "the last 100 records").
 */
export function targetOffset(rule: TargetRule, position: PartitionPosition): number {
  const clamp = (offset: number) => Math.min(Math.max(offset, position.logStartOffset), position.logEndOffset);
  switch (rule.kind) {
    case 'earliest':
      return position.logStartOffset;
    case 'latest':
      return position.logEndOffset;
    case 'timestamp':
      return position.offsetForTime === undefined || position.offsetForTime < 0 ? position.logEndOffset : clamp(position.offsetForTime);
    case 'shift':
      return clamp((position.currentOffset ?? position.logEndOffset) + rule.by);
    case 'offset':
      return clamp(rule.offset);
  }
}

/**
 * How many records the group reads again (target before its offset) or never reads (after
 * it). Without a committed offset every record from the target on counts as replayed.
 */
export function previewPartition(position: PartitionPosition, target: number): ResetPreviewPartition {
  const from = position.currentOffset ?? position.logEndOffset;
  return {
    topic: position.topic,
    partition: position.partition,
    currentOffset: position.currentOffset,
    targetOffset: target,
    logStartOffset: position.logStartOffset,
    logEndOffset: position.logEndOffset,
    replayed: position.currentOffset === null ? position.logEndOffset - target : Math.max(0, from - target),
    skipped: Math.max(0, target - from),
  };
}

/** A duration back from `now` that ends no earlier than 1970, when Kafka's timestamps begin. */
function checkDuration(milliseconds: number, now: number): number {
  if (milliseconds <= now) return milliseconds;
  throw invalid(`duration must be at most P${Math.floor(now / DAY)}D: it may reach back to 1970-01-01, no further`);
}

function parseTimestamp(value: unknown): number {
  const timestamp = readTimestamp(value);
  // Before 1970 (an ISO date-time of year 20, say), Kafka would read it as a special request.
  if (timestamp >= 0 && timestamp <= MAX_TIMESTAMP) return timestamp;
  throw invalid(`timestamp must be between 0 and ${MAX_TIMESTAMP} (9999-12-31T23:59:59.999Z), not ${String(value)}`);
}

function readTimestamp(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  // An ISO date-time with a date and a time; Date.parse alone accepts too much (e.g. "1").
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value))) {
    return Date.parse(value);
  }
  throw invalid(
    `timestamp must be epoch milliseconds or an ISO date-time such as 2026-01-31T08:00:00Z, not ${JSON.stringify(value ?? null)}`,
  );
}

function parseInteger(value: unknown, name: string, expected: string): number {
  const number = typeof value === 'string' && /^[+-]?\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
    throw invalid(`${name} must be ${expected}, not ${JSON.stringify(value ?? null)}`);
  }
  return number;
}

function invalid(message: string): AppError {
  return new AppError('VALIDATION_FAILED', `The request body is not valid: ${message}`);
}
