/**
 * The API contract of alerts: rules the console evaluates on every metrics sample, the
 * webhooks it tells, and the history of what fired and when it cleared. The Angular app
 * imports these types too.
 */
import type { LagStatus } from '../metrics/metrics.model';

/**
 * What a rule watches:
 * - `lag-seconds`: a consumer group is more than `threshold` seconds behind;
 * - `group-status`: a group (or one of its partitions) has one of `statuses` by Burrow's rules;
 * - `connector-failed`: a connector or one of its tasks is FAILED;
 * - `under-replicated`: more than `threshold` partitions have fewer in-sync replicas than replicas;
 * - `streams-app-empty`: a Kafka Streams app has no members (nothing processes its input).
 */
export type AlertRuleKind = 'lag-seconds' | 'group-status' | 'connector-failed' | 'under-replicated' | 'streams-app-empty';
export const ALERT_RULE_KINDS: readonly AlertRuleKind[] = [
  'lag-seconds',
  'group-status',
  'connector-failed',
  'under-replicated',
  'streams-app-empty',
];

/** The body a webhook is sent: Slack's `{ text, blocks }`, a Teams Adaptive Card, or the console's own JSON. */
export type WebhookFormat = 'slack' | 'teams' | 'generic';
export const WEBHOOK_FORMATS: readonly WebhookFormat[] = ['slack', 'teams', 'generic'];

/** The statuses a `group-status` rule can watch (OK is never a problem). */
export type AlertableStatus = Exclude<LagStatus, 'OK'>;
export const ALERTABLE_STATUSES: readonly AlertableStatus[] = ['WARN', 'STALL', 'STOP', 'REWIND', 'ERR'];

/** A rule as an operator writes it; what a kind does not use is left out. */
export interface AlertRuleChange {
  name: string;
  kind: AlertRuleKind;
  /** The consumer group, Streams app or connector watched, or `*` for every one; unused by `under-replicated`. */
  target?: string;
  /** `lag-seconds`: seconds behind; `under-replicated`: partitions (0 by default). */
  threshold?: number | null;
  /** How long the condition must hold before the alert fires; 0 (the default) fires on the first sample that shows it. */
  forMinutes?: number;
  /** `group-status`: the statuses that fire it (STALL and STOP by default). */
  statuses?: AlertableStatus[];
  /** Where the alert is posted: http or https. Answers show it masked, as it may hold a secret. */
  webhookUrl: string;
  format: WebhookFormat;
  enabled?: boolean;
}

/** A kept rule, every field filled in. */
export interface AlertRule {
  id: string;
  name: string;
  kind: AlertRuleKind;
  target: string;
  threshold: number | null;
  forMinutes: number;
  statuses: AlertableStatus[];
  /** Masked in answers: the scheme and host, the rest replaced by `********`. */
  webhookUrl: string;
  format: WebhookFormat;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A rule with what it is doing now. */
export interface AlertRuleView extends AlertRule {
  /** `firing`: some alert of it has not cleared; `disabled`: it is not evaluated. */
  status: 'firing' | 'ok' | 'disabled';
  /** The subjects it fires for now (groups, connectors, the cluster). */
  firing: string[];
}

/** One attempt to tell a webhook, as recorded. */
export interface AlertDelivery {
  /** What was sent: an alert firing, its clearing, or a test message. */
  message: 'fired' | 'cleared' | 'test';
  at: string;
  outcome: 'delivered' | 'failed';
  attempts: number;
  /** The HTTP status of the last attempt; null when no answer came. */
  httpStatus: number | null;
  /** Why it failed, in plain words. */
  error: string | null;
}

/** Why an alert stopped firing. */
export type ClearedBecause = 'recovered' | 'rule-disabled' | 'rule-removed';

/** One alert: a rule's condition held for one subject, from when it fired until it cleared. */
export interface AlertEvent {
  id: string;
  cluster: string;
  ruleId: string;
  ruleName: string;
  kind: AlertRuleKind;
  /** What it is about: a consumer group, Streams app, `connect/connector`, or `cluster`. */
  subject: string;
  /** What was wrong, in plain words, as it was when it fired. */
  summary: string;
  firedAt: string;
  /** Null while it still fires. */
  clearedAt: string | null;
  clearedBecause: ClearedBecause | null;
  /** The fired message's delivery, then the cleared one's. */
  deliveries: AlertDelivery[];
}

/** `GET /api/clusters/:cluster/alerts/rules`. */
export interface AlertRuleList {
  rules: AlertRuleView[];
}

/** `GET /api/clusters/:cluster/alerts/events`: newest first. */
export interface AlertEventList {
  events: AlertEvent[];
}
