import type { AuditRecord, ConsumerGroupOffsetsRecord, TopicPartitionOffset } from './audit.model';

/** A record with what the audit page decided about it. */
export type AuditRow = AuditRecord & {
  canUndo: boolean;
  /** e.g. "shop.orders.events p0: 8 → 0, p1: — → 0". */
  changes: string;
  parametersText: string;
  /** The action in words, e.g. "Offsets reset". */
  actionLabel: string;
};

const ACTION_LABELS: Partial<Record<string, string>> = {
  'consumer-group.offsets.reset': 'Offsets reset',
  'consumer-group.offsets.undo': 'Offset reset undone',
};

/** Longest JSON shown before it is cut short. */
const MAX_JSON = 160;

/** Whether a record is an offset reset that can still be undone. */
export function canUndo(record: AuditRecord): boolean {
  return record.action === 'consumer-group.offsets.reset' && !record.undoneBy;
}

/** A record as the audit table shows it. */
export function auditRow(record: AuditRecord): AuditRow {
  return {
    ...record,
    canUndo: canUndo(record),
    // A newer console may record actions this one has no words for: show their name.
    actionLabel: ACTION_LABELS[record.action] ?? record.action,
    changes: describeChanges(record),
    parametersText: Object.entries(record.parameters)
      // The topics show in the changes; the undone reset's id means nothing to a reader.
      .filter(([name]) => name !== 'topics' && name !== 'auditId')
      .map(([name, value]) => `${name}: ${shortJson(value)}`)
      .join(', '),
  };
}

/**
 * "topic p0: 8 → 0, p1: — → 0" for a consumer group's offsets; a connector's offsets are
 * whatever the connector defines, so they show as short JSON.
 */
export function describeChanges(record: AuditRecord): string {
  if (!isConsumerGroupOffsets(record)) return `${shortJson(record.before)} → ${shortJson(record.after)}`;
  const byTopic = new Map<string, string[]>();
  for (const [index, before] of record.before.entries()) {
    const change = `p${before.partition}: ${offsetText(before)} → ${offsetText(record.after[index])}`;
    byTopic.set(before.topic, [...(byTopic.get(before.topic) ?? []), change]);
  }
  return [...byTopic].map(([topic, changes]) => `${topic} ${changes.join(', ')}`).join('; ');
}

function isConsumerGroupOffsets(record: AuditRecord): record is ConsumerGroupOffsetsRecord {
  return record.action === 'consumer-group.offsets.reset' || record.action === 'consumer-group.offsets.undo';
}

function offsetText(position: TopicPartitionOffset | undefined): string {
  return String(position?.offset ?? '—');
}

function shortJson(value: unknown): string {
  if (value === undefined || value === null) return '—';
  const json = typeof value === 'string' ? value : JSON.stringify(value);
  return json.length > MAX_JSON ? `${json.slice(0, MAX_JSON - 3)}…` : json;
}
