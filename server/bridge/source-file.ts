import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FilePosition } from './bridge.model';
import { parseJson, sequenceOf } from './sequence-field';

/** Positions past this are not counted through: reading a file that large for a page takes too long. */
export const MAX_COUNTED_BYTES = 1024 * 1024 * 1024;
/** The longest line read to find its sequence. */
const MAX_LINE_BYTES = 1024 * 1024;

/** Connect's FileStreamSource, by its full or simple class name. */
export function isFileStreamSource(className: string): boolean {
  return /(^|\.)FileStreamSource(Connector)?$/.test(className);
}

/** Whether a Connect worker's URL is on this machine, so a path in its connector configs names a file here too. */
export function isOnThisMachine(url: string): boolean {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\./.test(host);
  } catch {
    return false;
  }
}

/**
 * What a FileStreamSource's committed position points at. Its offset is the byte position
 * after the last line whose record the worker committed (`{ position }` for the source
 * partition `{ filename }`): the lines before it are done, the line starting there is read
 * next after a restart. Throws a plain Error saying why when the file cannot be read.
 */
export async function filePosition(file: string, position: number, sequenceField: string): Promise<FilePosition> {
  if (position > MAX_COUNTED_BYTES) throw new Error(`the position is past ${MAX_COUNTED_BYTES / 1024 ** 3} GiB: too far to count lines`);
  const { lines, lastLineStart, size } = await countLines(file, position);
  if (size < position) {
    throw new Error(`the file has ${size} bytes, fewer than the committed position ${position}: it was truncated or replaced`);
  }
  const handle = await open(file, 'r');
  try {
    const committed = lines > 0 ? await readLine(handle, lastLineStart, position - lastLineStart) : null;
    const next = position < size ? await readLine(handle, position, MAX_LINE_BYTES) : null;
    return {
      file,
      position,
      linesCommitted: lines,
      committedSequence: committed === null ? null : sequenceOf(parseJson(committed), sequenceField),
      nextLine: next === null ? null : lines + 1,
      nextSequence: next === null ? null : sequenceOf(parseJson(next), sequenceField),
    };
  } finally {
    await handle.close();
  }
}

/** Newlines in the first `end` bytes, where the last line before `end` starts, and the file's size. */
async function countLines(file: string, end: number): Promise<{ lines: number; lastLineStart: number; size: number }> {
  let lines = 0;
  let read = 0;
  let lastLineStart = 0;
  let previousLineStart = 0;
  if (end > 0) {
    for await (const chunk of createReadStream(file, { start: 0, end: end - 1 }) as AsyncIterable<Buffer>) {
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) {
        lines++;
        previousLineStart = lastLineStart;
        lastLineStart = read + at + 1;
      }
      read += chunk.length;
    }
  }
  const handle = await open(file, 'r');
  const size = (await handle.stat()).size;
  await handle.close();
  // The position sits after a newline: the committed line is the one that newline ends.
  return { lines, lastLineStart: lastLineStart === end ? previousLineStart : lastLineStart, size };
}

/** The text from `start` up to the next newline, at most `max` bytes. */
async function readLine(handle: Awaited<ReturnType<typeof open>>, start: number, max: number): Promise<Buffer> {
  const buffer = Buffer.alloc(Math.min(max, MAX_LINE_BYTES));
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
  const text = buffer.subarray(0, bytesRead);
  const newline = text.indexOf(10);
  return newline === -1 ? text : text.subarray(0, newline);
}
