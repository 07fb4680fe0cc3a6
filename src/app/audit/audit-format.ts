import type {
  AuditIntegrity,
  AuditOutcome,
  AuditRecord,
  ConsumerGroupDeleteRecord,
  ConsumerGroupOffsetsRecord,
  TopicPartitionOffset,
} from './audit.model';

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
  /** The same in a word or two, for the table. */
  integrityLabel?: string;
};

const INTEGRITY_LABELS: Record<Exclude<AuditIntegrity, 'verified'>, string> = {
  altered: 'Altered',
  unlinked: 'Record before it missing',
  unsigned: 'Cannot be checked',
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
  unsigned:
    "Not sealed with this console's audit key, so it cannot be checked: another Kafka client, a console with another KPC_AUDIT_KEY, or an older console wrote it",
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
  'topic.bridge-settings.set': 'Sequence field set',
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
  'streams-app.topology-description.set': 'Topology description given',
  'streams-app.topology-description.remove': 'Topology description removed',
  'alert-rule.create': 'Alert rule added',
  'alert-rule.update': 'Alert rule changed',
  'alert-rule.delete': 'Alert rule deleted',
};

/** The choices of the action filter: every action, each family first (its value matches them all). */
export const AUDIT_ACTION_OPTIONS: { value: string; label: string }[] = [
  { value: 'consumer-group', label: 'Any consumer-group change' },
  { value: 'topic', label: 'Any topic change' },
  { value: 'connector', label: 'Any connector change' },
  { value: 'copartition-group', label: 'Any join change' },
  { value: 'streams-app', label: 'Any Streams app change' },
  { value: 'alert-rule', label: 'Any alert rule change' },
].flatMap((family) => [
  family,
  ...Object.entries(ACTION_LABELS)
    .filter(([action]) => action.startsWith(`${family.value}.`))
    .map(([value, label]) => ({ value, label: label! })),
]);

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
    ...(record.integrity !== 'verified' && {
      integrityProblem: INTEGRITY_PROBLEMS[record.integrity],
      integrityLabel: INTEGRITY_LABELS[record.integrity],
    }),
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
  if (isConsumerGroupOffsets(record)) return describeOffsets(record.before, Array.isArray(record.after) ? record.after : []);
  if (isState(record.before) && isState(record.after)) return describeState(record.before, record.after);
  return `${shortJson(record.before)} → ${shortJson(record.after)}`;
}

/** "topic p0: 8 → 0, p1: — → 0": a group's offsets; a partition with nothing after shows a dash. */
function describeOffsets(before: TopicPartitionOffset[], after: TopicPartitionOffset[]): string {
  const byTopic = new Map<string, string[]>();
  for (const [index, was] of before.entries()) {
    const change = `p${was.partition}: ${offsetText(was)} → ${offsetText(after[index])}`;
    byTopic.set(was.topic, [...(byTopic.get(was.topic) ?? []), change]);
  }
  return [...byTopic].map(([topic, changes]) => `${topic} ${changes.join(', ')}`).join('; ');
}

/** "partitions: 2 → 3, retention.ms: — → 3600000": what a change touched of a topic, a connector or a group. */
function describeState(before: State | null, after: State | null): string {
  const was = flatten(before ?? {});
  const is = flatten(after ?? {});
  const keys = [...new Set([...Object.keys(was), ...Object.keys(is)])];
  return keys.map((key) => `${key}: ${shortJson(was[key])} → ${shortJson(is[key])}`).join(', ') || '—';
}

type State = Record<string, unknown>;

/** A state object: a plain object (or nothing), not a list of positions. */
function isState(value: unknown): value is State | null {
  return value === null || value === undefined || (typeof value === 'object' && !Array.isArray(value));
}

/** One level of nesting unfolded, so `configs.retention.ms` reads as `retention.ms`. */
function flatten(state: State): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(state).flatMap(([key, value]) =>
      value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value as State) : [[key, value]],
    ),
  );
}

function isConsumerGroupOffsets(record: AuditRecord): record is ConsumerGroupOffsetsRecord | ConsumerGroupDeleteRecord {
  return record.subject.kind === 'consumer-group' && Array.isArray(record.before);
}

function offsetText(position: TopicPartitionOffset | undefined): string {
  return String(position?.offset ?? '—');
}

function shortJson(value: unknown): string {
  if (value === undefined || value === null) return '—';
  const json = typeof value === 'string' ? value : JSON.stringify(value);
  return json.length > MAX_JSON ? `${json.slice(0, MAX_JSON - 3)}…` : json;
}
