import type { AuditIntegrity, AuditOutcome, AuditRecord, ConsumerGroupOffsetsRecord, TopicPartitionOffset } from './audit.model';

/** A record with what the audit page decided about it. */
export type AuditRow = AuditRecord & {
  canUndo: boolean;
  /** e.g. "shop.orders.events p0: 8 → 0, p1: — → 0". */
  changes: string;
  parametersText: string;
  /** The action in words, e.g. "Offsets reset". */
  actionLabel: string;
  outcomeLabel: string;
  /** `applied`, `failed`, `unknown` or `pending`, for the chip's colour. */
  outcomeTone: AuditOutcome;
  /** Why the record may not be what the console wrote; undefined when it is intact. */
  integrityProblem?: string;
};

const OUTCOME_LABELS: Record<AuditOutcome, string> = {
  applied: 'Applied',
  failed: 'Failed',
  unknown: 'Outcome unknown',
  pending: 'In progress',
};

const INTEGRITY_PROBLEMS: Record<Exclude<AuditIntegrity, 'verified'>, string> = {
  altered: 'Changed after the console wrote it: its content no longer matches its hash',
  unlinked: 'The record written before it is missing or was changed',
  unsigned: 'Not written by this console (it carries no hash): another Kafka client, or an older console',
};

const ACTION_LABELS: Partial<Record<string, string>> = {
  'consumer-group.offsets.reset': 'Offsets reset',
  'consumer-group.offsets.undo': 'Offset reset undone',
  'consumer-group.delete': 'Group deleted',
  'topic.create': 'Topic created',
  'topic.config.alter': 'Configs changed',
  'topic.partitions.increase': 'Partitions added',
  'topic.purge': 'Records purged',
  'topic.delete': 'Topic deleted',
  'topic.message.produce': 'Record produced',
  'connector.create': 'Connector created',
  'connector.config.update': 'Connector config saved',
  'connector.delete': 'Connector deleted',
  'connector.pause': 'Connector paused',
  'connector.resume': 'Connector resumed',
  'connector.stop': 'Connector stopped',
  'connector.restart': 'Connector restarted',
  'connector.task.restart': 'Task restarted',
  'connector.offsets.alter': 'Connector offsets changed',
  'connector.offsets.reset': 'Connector offsets reset',
  'copartition-group.declare': 'Join declared',
  'copartition-group.remove': 'Join removed',
};

/** Longest JSON shown before it is cut short. */
const MAX_JSON = 160;

/** Whether a record is an offset reset that can still be undone. */
export function canUndo(record: AuditRecord): boolean {
  return record.action === 'consumer-group.offsets.reset' && record.outcome === 'applied' && !record.undoneBy;
}

/** A record as the audit table shows it. */
export function auditRow(record: AuditRecord): AuditRow {
  return {
    ...record,
    canUndo: canUndo(record),
    // A newer console may record actions this one has no words for: show their name.
    actionLabel: ACTION_LABELS[record.action] ?? record.action,
    outcomeLabel: OUTCOME_LABELS[record.outcome] ?? record.outcome,
    outcomeTone: record.outcome,
    ...(record.integrity !== 'verified' && { integrityProblem: INTEGRITY_PROBLEMS[record.integrity] }),
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
