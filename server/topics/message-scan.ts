import { AppError } from '../shared/app-error';
import { MAX_OFFSET, toOffset } from '../shared/offset';
import type { RawRecord } from '../kafka/partition-reader';
import type { MessageDirection, TopicMessage } from './message.model';
import { renderBytes } from './record-rendering';

/** Where each partition's scan stands: the next offset to read (forward) or the exclusive end (backward). */
export type Positions = Map<number, bigint>;

/** An opaque, URL-safe token: the direction and every partition's position. */
export function encodeCursor(direction: MessageDirection, positions: Positions): string {
  const body = { d: direction, p: [...positions].map(([partition, offset]) => [partition, String(offset)]) };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/**
 * The positions a cursor from {@link encodeCursor} holds, checked as input from outside: a
 * cursor is the client's to send back, so a crafted one (a partition the topic lacks, an
 * offset past exact numbers) is answered with 400 INVALID_CURSOR, never read from Kafka.
 */
export function decodeCursor(cursor: string, direction: MessageDirection, partitionCount: number): Positions {
  try {
    const body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { d: unknown; p: unknown };
    if (body.d !== direction) throw new Error('direction differs');
    if (!Array.isArray(body.p)) throw new Error('no positions');
    return new Map(
      body.p.map((position: unknown) => {
        const [partition, offset] = Array.isArray(position) ? (position as unknown[]) : [];
        if (!Number.isInteger(partition) || (partition as number) < 0 || (partition as number) >= partitionCount) {
          throw new Error(`no partition ${String(partition)}`);
        }
        if (typeof offset !== 'string' || !/^\d{1,16}$/.test(offset) || BigInt(offset) > BigInt(MAX_OFFSET)) {
          throw new Error(`bad offset ${String(offset)}`);
        }
        return [partition as number, BigInt(offset)];
      }),
    );
  } catch (error) {
    throw new AppError('INVALID_CURSOR', 'The cursor is not one this console gave for this topic and direction; start the scan again', {
      cause: error,
    });
  }
}

/** A record as the API shows it. */
export function toMessage(record: RawRecord): TopicMessage {
  return {
    partition: record.partition,
    offset: toOffset(record.offset),
    timestamp: Number(record.timestamp),
    key: renderBytes(record.key),
    value: renderBytes(record.value),
    headers: record.headers.map(([key, value]) => ({ key: key?.toString('utf8') ?? '', value: renderBytes(value) })),
  };
}

/** Whether a message passes the key (exact) and `contains` (any case, key, value or headers) filters. */
export function matches(message: TopicMessage, filter: { key?: string; contains?: string }): boolean {
  if (filter.key !== undefined && message.key.text !== filter.key) return false;
  if (!filter.contains) return true;
  const needle = filter.contains.toLowerCase();
  const texts = [message.key.text, message.value.text, ...message.headers.map((header) => header.value.text)];
  return texts.some((text) => text?.toLowerCase().includes(needle));
}

/** Page order: oldest first going forward, newest first going backward. */
export function pageOrder(direction: MessageDirection): (a: TopicMessage, b: TopicMessage) => number {
  const sign = direction === 'forward' ? 1 : -1;
  return (a, b) => sign * (a.timestamp - b.timestamp || a.partition - b.partition || a.offset - b.offset);
}

/**
 * Takes up to `room` of one round's matching messages, in page order, and moves each
 * partition's position: past everything read, except where the limit cut its messages off,
 * where it stops at the first one left out, so the next page begins with it.
 */
export function takeRound(
  direction: MessageDirection,
  matching: TopicMessage[],
  room: number,
  readUpTo: Positions,
  positions: Positions,
): TopicMessage[] {
  const sorted = [...matching].sort(pageOrder(direction));
  const taken = sorted.slice(0, Math.max(0, room));
  for (const [partition, reached] of readUpTo) positions.set(partition, reached);
  for (const left of sorted.slice(taken.length)) {
    const offset = BigInt(left.offset);
    const current = positions.get(left.partition)!;
    // Forward: resume at the earliest record left out; backward: end just after the latest one.
    if (direction === 'forward' && offset < current) positions.set(left.partition, offset);
    if (direction === 'backward' && offset + 1n > current) positions.set(left.partition, offset + 1n);
  }
  return taken;
}
