import type { ClusterConfig } from '../kafka/clusters-config';
import type { AlertEvents } from './alert-events';
import { shownRule, type AlertRules } from './alert-rules';
import type { AlertDelivery, AlertEvent, AlertRule, AlertRuleChange, AlertRuleView } from './alerts.model';
import { deliverWebhook, DELIVERY, type DeliveryOptions } from './webhook-delivery';
import { webhookPayload } from './webhook-payloads';

const SUBJECT_WORDS: Record<AlertRule['kind'], string> = {
  'lag-seconds': 'consumer group',
  'group-status': 'consumer group',
  'connector-failed': 'connector',
  'under-replicated': 'cluster',
  'streams-app-empty': 'Streams app',
};

/** Alert rules as operators edit them, each with what it fires for now, and the history of alerts. */
export class AlertsService {
  constructor(
    private readonly rules: AlertRules,
    private readonly events: AlertEvents,
    private readonly delivery: DeliveryOptions = DELIVERY,
  ) {}

  /** Every rule of the cluster, webhook URLs masked, with its status. */
  async list(cluster: ClusterConfig): Promise<AlertRuleView[]> {
    const [rules, open] = await Promise.all([this.rules.list(cluster), this.events.open(cluster)]);
    return rules.map((rule) => view(rule, open));
  }

  /** One rule with its status, or 404 ALERT_RULE_NOT_FOUND. */
  async get(cluster: ClusterConfig, id: string): Promise<AlertRuleView> {
    const [rule, open] = await Promise.all([this.rules.get(cluster, id), this.events.open(cluster)]);
    return view(rule, open);
  }

  async create(cluster: ClusterConfig, change: AlertRuleChange): Promise<AlertRuleView> {
    return view(await this.rules.create(cluster, change), []);
  }

  async update(cluster: ClusterConfig, id: string, change: AlertRuleChange): Promise<AlertRuleView> {
    const rule = await this.rules.update(cluster, id, change);
    return view(rule, await this.events.open(cluster));
  }

  async remove(cluster: ClusterConfig, id: string, confirm: string | undefined): Promise<void> {
    await this.rules.remove(cluster, id, confirm);
  }

  /** Sends the rule's webhook a test message now and answers how it went; nothing is recorded. */
  async test(cluster: ClusterConfig, id: string): Promise<AlertDelivery> {
    const rule = await this.rules.get(cluster, id);
    const subject = rule.target === '*' ? `every ${SUBJECT_WORDS[rule.kind]}` : rule.target;
    const payload = webhookPayload(rule.format, {
      state: 'test',
      cluster: cluster.name,
      rule: { id: rule.id, name: rule.name, kind: rule.kind, target: rule.target },
      subject: rule.kind === 'under-replicated' ? 'cluster' : subject,
      summary: `A test of the alert rule "${rule.name}" from the Kafka Pipeline Console: when it fires, a message like this names what is wrong.`,
      firedAt: new Date().toISOString(),
      clearedAt: null,
    });
    return deliverWebhook(rule.webhookUrl, payload, 'test', this.delivery);
  }

  /** The newest alerts first. */
  async history(cluster: ClusterConfig, limit: number): Promise<AlertEvent[]> {
    return this.events.list(cluster, limit);
  }
}

function view(rule: AlertRule, open: AlertEvent[]): AlertRuleView {
  const firing = open.filter((event) => event.ruleId === rule.id).map((event) => event.subject);
  return {
    ...shownRule(rule),
    status: !rule.enabled ? 'disabled' : firing.length ? 'firing' : 'ok',
    firing: rule.enabled ? firing : [],
  };
}
