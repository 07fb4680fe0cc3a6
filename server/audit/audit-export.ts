import type { AuditRecord } from './audit.model';

/** The columns of the CSV export, in order; objects are written as JSON in their cell. */
const COLUMNS: [string, (record: AuditRecord) => unknown][] = [
  ['id', (r) => r.id],
  ['at', (r) => r.at],
  ['actor', (r) => r.actor],
  ['cluster', (r) => r.cluster],
  ['action', (r) => r.action],
  ['subjectKind', (r) => r.subject.kind],
  ['subjectName', (r) => r.subject.name],
  ['outcome', (r) => r.outcome],
  ['outcomeAt', (r) => r.outcomeAt],
  ['errorCode', (r) => r.error?.code],
  ['errorMessage', (r) => r.error?.message],
  ['integrity', (r) => r.integrity],
  ['undoneBy', (r) => r.undoneBy],
  ['parameters', (r) => r.parameters],
  ['before', (r) => r.before],
  ['after', (r) => r.after],
];

/**
 * The records as CSV (RFC 4180: every cell quoted, `"` doubled, CRLF between rows). Names,
 * subjects and error messages come from callers, so a cell a spreadsheet would take for a
 * formula (`=`, `+`, `-`, `@`, tab or CR first) is prefixed with `'` and stays text.
 */
export function auditCsv(records: AuditRecord[]): string {
  const rows = [COLUMNS.map(([name]) => name), ...records.map((record) => COLUMNS.map(([, value]) => cellText(value(record))))];
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** The file name of an export made at `now`, e.g. `kpc-audit-2026-11-27T15-20-00Z.csv`. */
export function exportFileName(format: 'csv' | 'json', now: Date): string {
  return `kpc-audit-${now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-')}.${format}`;
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function quote(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}
