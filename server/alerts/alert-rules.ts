import { randomUUID } from 'node:crypto';
import type { AlertRuleState } from '../audit/audit.model';
import type { AuditService } from '../audit/audit.service';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { KafkaClients } from '../kafka/kafka-clients';
import { StateTopic } from '../kafka/state-topic';
import { AppError } from '../shared/app-error';
import { requireTypedName } from '../shared/validation';
import { ALERT_RULE_KINDS, type AlertRule, type AlertRuleChange } from './alerts.model';

/** The console topic that keeps each cluster's alert rules, one entry per rule id. */
export const ALERT_RULES_TOPIC = '_kpc-alert-rules';

/** What replaces the path and query of a webhook URL in answers and in the audit log. */
const MASK = '********';

/**
 * A webhook URL as answers show it: scheme and host only. The path of a Slack or Teams
 * incoming webhook is its secret: whoever has it can post to the channel.
 */
export function maskWebhookUrl(url: string): string {
  const parsed = new URL(url);
  const hidden = parsed.pathname.length > 1 || parsed.search || parsed.username;
  return `${parsed.protocol}//${parsed.host}/${hidden ? MASK : ''}`;
}

/** A kept rule as answers show it. */
export function shownRule(rule: AlertRule): AlertRule {
  return { ...rule, webhookUrl: maskWebhookUrl(rule.webhookUrl) };
}

/**
 * The cluster's alert rules, kept in {@link ALERT_RULES_TOPIC} so every console instance
 * evaluates the same rules and a restart keeps them; every change is audited.
 */
export class AlertRules {
  readonly #store: StateTopic<AlertRule>;

  constructor(
    kafka: KafkaClients,
    private readonly audit: AuditService,
  ) {
    this.#store = new StateTopic(kafka, ALERT_RULES_TOPIC, parseRule);
  }

  /** Every rule, webhook URLs unmasked: for the console's own use. */
  async list(cluster: ClusterConfig): Promise<AlertRule[]> {
    return [...(await this.#store.entries(cluster)).values()];
  }

  /** One rule, or 404 ALERT_RULE_NOT_FOUND. */
  async get(cluster: ClusterConfig, id: string): Promise<AlertRule> {
    const rule = (await this.#store.entries(cluster)).get(id);
    if (!rule) throw new AppError('ALERT_RULE_NOT_FOUND', `Cluster ${cluster.name} has no alert rule with id ${id}`);
    return rule;
  }

  /** Keeps a new rule; 409 ALERT_RULE_EXISTS when another has its name. */
  async create(cluster: ClusterConfig, change: AlertRuleChange): Promise<AlertRule> {
    await this.#refuseTakenName(cluster, change.name);
    const now = new Date().toISOString();
    const rule = completed(randomUUID(), change, { createdAt: now, updatedAt: now });
    await this.audit.track(
      cluster,
      { action: 'alert-rule.create', subject: { kind: 'alert-rule', name: rule.name }, parameters: { id: rule.id }, before: null },
      () => this.#store.put(cluster, rule.id, rule),
      { after: () => auditState(rule) },
    );
    return rule;
  }

  /**
   * Replaces a rule's settings. A webhook URL sent back as answers show it (masked) keeps the
   * one kept, so a form can save without asking for the secret again.
   */
  async update(cluster: ClusterConfig, id: string, change: AlertRuleChange): Promise<AlertRule> {
    const before = await this.get(cluster, id);
    if (change.name !== before.name) await this.#refuseTakenName(cluster, change.name);
    const webhookUrl = change.webhookUrl === maskWebhookUrl(before.webhookUrl) ? before.webhookUrl : change.webhookUrl;
    const rule = completed(id, { ...change, webhookUrl }, { createdAt: before.createdAt, updatedAt: new Date().toISOString() });
    await this.audit.track(
      cluster,
      {
        action: 'alert-rule.update',
        subject: { kind: 'alert-rule', name: rule.name },
        parameters: { id },
        before: auditState(before),
      },
      () => this.#store.put(cluster, id, rule),
      { after: () => auditState(rule) },
    );
    return rule;
  }

  /** Removes a rule; the server checks the typed name again (400 CONFIRMATION_REQUIRED). */
  async remove(cluster: ClusterConfig, id: string, confirm: string | undefined): Promise<void> {
    const before = await this.get(cluster, id);
    requireTypedName(before.name, confirm, 'delete the alert rule');
    await this.audit.track(
      cluster,
      { action: 'alert-rule.delete', subject: { kind: 'alert-rule', name: before.name }, parameters: { id }, before: auditState(before) },
      () => this.#store.remove(cluster, id),
      { after: () => null },
    );
  }

  async #refuseTakenName(cluster: ClusterConfig, name: string): Promise<void> {
    const taken = (await this.list(cluster)).some((rule) => rule.name.toLowerCase() === name.toLowerCase());
    if (taken)
      throw new AppError('ALERT_RULE_EXISTS', `Cluster ${cluster.name} already has an alert rule named "${name}": choose another name`);
  }
}

/** A rule with what its kind does not use cleared and the defaults filled in. */
function completed(id: string, change: AlertRuleChange, times: Pick<AlertRule, 'createdAt' | 'updatedAt'>): AlertRule {
  const kind = change.kind;
  return {
    id,
    name: change.name,
    kind,
    target: kind === 'under-replicated' ? '*' : (change.target ?? '*'),
    threshold: kind === 'lag-seconds' ? (change.threshold ?? null) : kind === 'under-replicated' ? (change.threshold ?? 0) : null,
    forMinutes: change.forMinutes ?? 0,
    statuses: kind === 'group-status' ? (change.statuses ?? ['STALL', 'STOP']) : [],
    webhookUrl: change.webhookUrl,
    format: change.format,
    enabled: change.enabled ?? true,
    ...times,
  };
}

function auditState(rule: AlertRule): AlertRuleState {
  const { id: _id, createdAt: _created, updatedAt: _updated, ...state } = shownRule(rule);
  return state;
}

function parseRule(value: unknown): AlertRule | undefined {
  const rule = value as Partial<AlertRule> | null;
  const valid =
    typeof rule?.id === 'string' &&
    typeof rule.name === 'string' &&
    ALERT_RULE_KINDS.includes(rule.kind as AlertRule['kind']) &&
    typeof rule.webhookUrl === 'string' &&
    typeof rule.target === 'string' &&
    Array.isArray(rule.statuses);
  return valid ? (rule as AlertRule) : undefined;
}
