import type { AuditRecord } from './audit.model';

/** What the audit log is narrowed to; every criterion is optional. */
export interface AuditCriteria {
  /** The action, or a prefix of actions up to a dot (`connector` matches `connector.create`). */
  action?: string;
  /** Part of the actor's name, in any case. */
  actor?: string;
  /** Part of the subject's name, in any case. */
  subject?: string;
  /** ISO instants: records asked for at or after `from`, and at or before `to`. */
  from?: string;
  to?: string;
}

/** Whether a record meets every criterion given. */
export function matchesCriteria(record: AuditRecord, criteria: AuditCriteria): boolean {
  const { action, actor, subject, from, to } = criteria;
  const at = Date.parse(record.at);
  return (
    (!action || record.action === action || record.action.startsWith(`${action}.`)) &&
    (!actor || contains(record.actor, actor)) &&
    (!subject || contains(record.subject.name, subject)) &&
    (!from || at >= Date.parse(from)) &&
    (!to || at <= Date.parse(to))
  );
}

function contains(text: string, part: string): boolean {
  return text.toLowerCase().includes(part.toLowerCase());
}
