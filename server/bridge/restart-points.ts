import type { RawOffsets } from '../connect/connect.gateway';
import { publicUrl } from '../connect/connect.gateway';
import { AppError } from '../shared/app-error';
import type { SourceConnector } from './bridge.gateway';
import type { BridgeSettings, BridgeSource, FilePosition, PublishedSequence, RestartPoint } from './bridge.model';
import { filePosition, isFileStreamSource, isOnThisMachine } from './source-file';

/**
 * Where a source connector resumes: each of its committed offsets (KIP-875), translated into
 * the line and sequence it points at when the connector is a FileStreamSource whose file the
 * console can read, and set against the highest sequence published.
 */
export async function restartPointsOf(
  source: SourceConnector,
  readOffsets: () => Promise<RawOffsets>,
  published: PublishedSequence,
  settings: BridgeSettings,
): Promise<Pick<BridgeSource, 'restartPoints' | 'problem'>> {
  let offsets: RawOffsets;
  try {
    offsets = await readOffsets();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { restartPoints: [], problem: `Its offsets cannot be read: ${error.message}` };
  }
  return { restartPoints: await Promise.all(offsets.map((offset) => restartPoint(source, offset, published, settings))) };
}

async function restartPoint(
  source: SourceConnector,
  { partition, offset }: RawOffsets[number],
  published: PublishedSequence,
  settings: BridgeSettings,
): Promise<RestartPoint> {
  const point = { sourcePartition: partition, offset };
  const untranslatable = (why: string): RestartPoint => ({ ...point, filePosition: null, untranslatable: why, publishedPastRestart: null });
  const className = source.info.config['connector.class'] ?? '';
  if (!isFileStreamSource(className)) {
    return untranslatable(
      `${className} keeps an offset of its own kind: only FileStreamSource offsets (a byte position in a file) are translated`,
    );
  }
  const position = offset?.['position'];
  if (typeof position !== 'number') return untranslatable('no byte position is committed yet');
  const file = typeof partition['filename'] === 'string' ? partition['filename'] : source.info.config['file'];
  if (!file) return untranslatable('the connector reads standard input, not a file');
  if (!isOnThisMachine(source.connect.url)) {
    return untranslatable(
      `${file} is on the machine of the Connect worker (${publicUrl(source.connect)}), which is not this console's: the console cannot read it`,
    );
  }
  let found: FilePosition;
  try {
    found = await filePosition(file, position, settings.sequenceField);
  } catch (error) {
    return untranslatable(`the console cannot read ${file}: ${(error as Error).message}`);
  }
  return { ...point, filePosition: found, publishedPastRestart: pastRestart(published, found) };
}

/** The highest sequence published minus the last committed one (or the one before the next line). */
function pastRestart(published: PublishedSequence, found: FilePosition): number | null {
  const committed = found.committedSequence ?? (found.nextSequence === null ? null : found.nextSequence - 1);
  return published.sequence === null || committed === null ? null : published.sequence - committed;
}
