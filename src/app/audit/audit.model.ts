// The API contract lives with the server routes; the browser uses the same types.
export type { AuditPage, AuditRecord } from '../../../server/audit/audit.model';
