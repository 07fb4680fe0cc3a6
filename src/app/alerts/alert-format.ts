import type { AlertDelivery, AlertEvent, AlertRuleChange, AlertRuleKind, AlertRuleView, WebhookFormat } from './alerts.model';

/** What the rule dialog says and asks for each kind of rule. */
export interface KindChoice {
  kind: AlertRuleKind;
  label: string;
  /** When it fires, in plain words. */
  explanation: string;
  /** The target field's label; undefined when the kind watches the whole cluster. */
  targetLabel?: string;
  /** The threshold field's label and hint; undefined when the kind has none. */
  threshold?: { label: string; hint: string; min: number };
}

export const KIND_CHOICES: readonly KindChoice[] = [
  {
    kind: 'lag-seconds',
    label: 'Lag in seconds',
    explanation:
      'Fires when a consumer group is further behind in time than the threshold: how long ago the log end was where the group is now.',
    targetLabel: 'Consumer group',
    threshold: { label: 'Seconds behind', hint: 'Fires above this many seconds', min: 1 },
  },
  {
    kind: 'group-status',
    label: 'Consumer group status',
    explanation:
      "Fires when a consumer group (or one of its partitions) has one of the chosen statuses by Burrow's rules: STALL means members are there but commit nothing while lag stays; STOP means the group has not committed for a while.",
    targetLabel: 'Consumer group',
  },
  {
    kind: 'connector-failed',
    label: 'Connector failed',
    explanation: 'Fires when a Kafka Connect connector or one of its tasks is FAILED.',
    targetLabel: 'Connector',
  },
  {
    kind: 'under-replicated',
    label: 'Under-replicated partitions',
    explanation:
      'Fires when more partitions than the threshold have fewer in-sync replicas than replicas: a broker is down or falling behind.',
    threshold: { label: 'Partitions', hint: 'Fires above this many (0: any)', min: 0 },
  },
  {
    kind: 'streams-app-empty',
    label: 'Streams app with no members',
    explanation: 'Fires when a Kafka Streams application has no members: nothing processes its input.',
    targetLabel: 'Streams app (application.id)',
  },
];

export const FORMAT_CHOICES: readonly { format: WebhookFormat; label: string }[] = [
  { format: 'slack', label: 'Slack (incoming webhook)' },
  { format: 'teams', label: 'Microsoft Teams (Adaptive Card)' },
  { format: 'generic', label: 'Plain JSON' },
];

/** The choice of a kind. */
export function kindChoice(kind: AlertRuleKind): KindChoice {
  return KIND_CHOICES.find((choice) => choice.kind === kind)!;
}

/** "Lag above 120 s for 5 min on billing": what a rule watches, in a line. */
export function describeCondition(rule: AlertRuleView): string {
  const on = rule.target === '*' ? 'any' : rule.target;
  const forTime = rule.forMinutes > 0 ? ` for ${rule.forMinutes} min` : '';
  switch (rule.kind) {
    case 'lag-seconds':
      return `Lag above ${rule.threshold} s${forTime} on ${on === 'any' ? 'any group' : on}`;
    case 'group-status':
      return `Status ${rule.statuses.join(' or ')}${forTime} on ${on === 'any' ? 'any group' : on}`;
    case 'connector-failed':
      return `Connector or task FAILED${forTime} on ${on === 'any' ? 'any connector' : on}`;
    case 'under-replicated':
      return `More than ${rule.threshold} under-replicated partitions${forTime}`;
    case 'streams-app-empty':
      return `No members${forTime} in ${on === 'any' ? 'any Streams app' : on}`;
  }
}

/** "Delivered", or why not: how a webhook was told. */
export function deliveryText(delivery: AlertDelivery | undefined): string {
  if (!delivery) return 'Not sent yet';
  if (delivery.outcome === 'delivered') return `Delivered${delivery.attempts > 1 ? ` after ${delivery.attempts} attempts` : ''}`;
  return `Failed after ${delivery.attempts} attempt${delivery.attempts > 1 ? 's' : ''}: ${delivery.error ?? 'no answer'}`;
}

/** An alert as the history table shows it. */
export interface AlertEventRow {
  id: string;
  firedAt: string;
  /** When it cleared; null while it still fires. */
  clearedAt: string | null;
  /** Why it cleared, when not because things recovered: " (rule removed)". */
  clearedNote: string;
  isFiring: boolean;
  ruleName: string;
  subject: string;
  summary: string;
  delivery: string;
}

const CLEARED_WORDS = { recovered: '', 'rule-disabled': ' (rule switched off)', 'rule-removed': ' (rule removed)' };

export function eventRow(event: AlertEvent): AlertEventRow {
  const deliveries = event.deliveries.map((delivery) => `${delivery.message === 'fired' ? 'Fired' : 'Cleared'}: ${deliveryText(delivery)}`);
  return {
    id: event.id,
    firedAt: event.firedAt,
    clearedAt: event.clearedAt,
    clearedNote: CLEARED_WORDS[event.clearedBecause ?? 'recovered'],
    isFiring: event.clearedAt === null,
    ruleName: event.ruleName,
    subject: event.subject,
    summary: event.summary,
    delivery: deliveries.join('; ') || 'Not sent yet',
  };
}

/** What a new rule starts as in the dialog. */
export function newRule(): AlertRuleChange {
  return {
    name: '',
    kind: 'lag-seconds',
    target: '*',
    threshold: 300,
    forMinutes: 5,
    statuses: ['STALL', 'STOP'],
    webhookUrl: '',
    format: 'slack',
    enabled: true,
  };
}

/** A kept rule as the dialog edits it (its webhook URL masked: saving it unchanged keeps the real one). */
export function ruleChangeOf(rule: AlertRuleView): AlertRuleChange {
  return {
    name: rule.name,
    kind: rule.kind,
    target: rule.target,
    threshold: rule.threshold ?? (rule.kind === 'lag-seconds' ? 300 : 0),
    forMinutes: rule.forMinutes,
    statuses: rule.statuses.length ? rule.statuses : ['STALL', 'STOP'],
    webhookUrl: rule.webhookUrl,
    format: rule.format,
    enabled: rule.enabled,
  };
}

/** The rule as sent: only what its kind uses. */
export function changeToSend(change: AlertRuleChange): AlertRuleChange {
  const choice = kindChoice(change.kind);
  return {
    name: change.name.trim(),
    kind: change.kind,
    ...(choice.targetLabel && { target: (change.target ?? '').trim() || '*' }),
    ...(choice.threshold && { threshold: change.threshold ?? null }),
    forMinutes: change.forMinutes ?? 0,
    ...(change.kind === 'group-status' && { statuses: change.statuses }),
    webhookUrl: change.webhookUrl.trim(),
    format: change.format,
    enabled: change.enabled ?? true,
  };
}
