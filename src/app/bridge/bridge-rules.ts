import type { RecordRef, RestartPoint, RestartPointView, SequenceCheckJob, SequenceReport, VerdictBadge } from './bridge.model';

/** Where a source connector resumes, in words: the line and sequence when translated, else the raw offset. */
export function restartPointView(point: RestartPoint): RestartPointView {
  const position = point.filePosition;
  if (!position) {
    return {
      resumesAt: `offset ${JSON.stringify(point.offset)}`,
      untranslatable: point.untranslatable ?? null,
      distance: null,
      tone: 'neutral',
    };
  }
  const committed =
    position.linesCommitted === 0
      ? 'nothing committed yet'
      : `after line ${position.linesCommitted}${sequenceText(position.committedSequence)}`;
  const next =
    position.nextLine === null
      ? 'end of file: waits for the next line'
      : `next: line ${position.nextLine}${sequenceText(position.nextSequence)}`;
  return {
    resumesAt: `${committed} · ${next} (byte ${position.position} of ${position.file})`,
    untranslatable: null,
    ...distanceOf(point.publishedPastRestart),
  };
}

function distanceOf(past: number | null): Pick<RestartPointView, 'distance' | 'tone'> {
  if (past === null) return { distance: null, tone: 'neutral' };
  if (past === 0) return { distance: 'The topic holds exactly what the connector committed.', tone: 'ok' };
  if (past > 0) {
    return {
      distance: `${past} event(s) published past the restart point: a restart now publishes them again (duplicates; consumers must be idempotent).`,
      tone: 'warn',
    };
  }
  return {
    distance: `${-past} event(s) the connector committed are not in the topic: lost, purged or expired.`,
    tone: 'error',
  };
}

function sequenceText(sequence: number | null): string {
  return sequence === null ? '' : ` (sequence ${sequence})`;
}

/** A check's verdict: a gap is lost data, duplicates are expected. */
export function verdictBadge(report: SequenceReport): VerdictBadge {
  switch (report.verdict) {
    case 'gaps':
      return { label: 'Gaps: data lost', tone: 'error', icon: 'error' };
    case 'duplicates':
      return { label: 'Duplicates (expected)', tone: 'warn', icon: 'content_copy' };
    case 'ok':
      return { label: 'No gaps, no duplicates', tone: 'ok', icon: 'check_circle' };
    default:
      return { label: 'No sequence found', tone: 'neutral', icon: 'help' };
  }
}

/** How far a running check has come, in percent. */
export function percentDone(job: SequenceCheckJob): number {
  const { recordsRead, recordsPlanned } = job.progress;
  return job.status !== 'running' ? 100 : recordsPlanned === 0 ? 0 : Math.min(100, Math.round((recordsRead / recordsPlanned) * 100));
}

/** `p0 @ 12`: a record by where it is. */
export function recordText(record: RecordRef | null): string {
  return record ? `p${record.partition} @ ${record.offset}` : '—';
}

/** A failed start as a job, so the panel shows it where the check would be. */
export function failedCheck(error: { code: string; message: string }): SequenceCheckJob {
  return { id: '', status: 'failed', progress: { recordsRead: 0, recordsPlanned: 0 }, error };
}
