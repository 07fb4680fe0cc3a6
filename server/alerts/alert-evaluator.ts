import { randomUUID } from 'node:crypto';
import type { ConnectService } from '../connect/connect.service';
import type { ConnectorSummary } from '../connect/connect.model';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { MetricsSample } from '../metrics/metrics.model';
import type { MetricsService } from '../metrics/metrics.service';
import type { Logger } from '../shared/logger';
import { findBreaches, type Breach, type ClusterState } from './alert-conditions';
import type { AlertEvents } from './alert-events';
import type { AlertRules } from './alert-rules';
import type { AlertEvent, AlertRule, ClearedBecause } from './alerts.model';
import { deliverWebhook, DELIVERY, type DeliveryOptions } from './webhook-delivery';
import { webhookPayload, type AlertMessage } from './webhook-payloads';

const MINUTE = 60_000;

/**
 * Evaluates the alert rules on every sample this console instance takes, and on the same
 * cadence asks Connect for its connectors' states. Only the instance that sampled evaluates,
 * so a webhook is told once however many instances run; the alerts that fire are kept in the
 * cluster (see {@link AlertEvents}), so an instance that takes the sampling over clears what
 * another fired.
 */
export class AlertEvaluator {
  /** When each rule's condition began to hold for a subject (sample time), while it waits out `forMinutes`. */
  readonly #pending = new Map<string, number>();
  readonly #running = new Map<string, Promise<void>>();
  /** The newest sample that came while the cluster's evaluation ran: evaluated next, older ones skipped. */
  readonly #queued = new Map<string, MetricsSample>();
  #unsubscribe: (() => void) | undefined;

  constructor(
    private readonly metrics: Pick<MetricsService, 'onSample'>,
    private readonly clusters: readonly ClusterConfig[],
    private readonly rules: AlertRules,
    private readonly events: AlertEvents,
    private readonly connect: Pick<ConnectService, 'list'>,
    private readonly logger: Logger,
    private readonly delivery: DeliveryOptions = DELIVERY,
  ) {}

  /** Listens to the samples. */
  start(): void {
    this.#unsubscribe ??= this.metrics.onSample((sample, origin) => {
      if (origin.sampledHere) this.#schedule(sample);
    });
  }

  /** Stops listening; waits for the evaluations under way. */
  async close(): Promise<void> {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#queued.clear();
    await Promise.all(this.#running.values());
  }

  #schedule(sample: MetricsSample): void {
    if (this.#running.has(sample.cluster)) {
      this.#queued.set(sample.cluster, sample);
      return;
    }
    const run = this.evaluate(sample)
      .catch((err: unknown) => this.logger.warn({ err, cluster: sample.cluster }, 'Alert rules could not be evaluated'))
      .finally(() => {
        this.#running.delete(sample.cluster);
        const next = this.#queued.get(sample.cluster);
        this.#queued.delete(sample.cluster);
        if (next) this.#schedule(next);
      });
    this.#running.set(sample.cluster, run);
  }

  /** Evaluates every rule of the sample's cluster on it: fires, clears and tells the webhooks. */
  async evaluate(sample: MetricsSample): Promise<void> {
    const cluster = this.clusters.find((candidate) => candidate.name === sample.cluster);
    if (!cluster) return;
    const rules = await this.rules.list(cluster);
    const open = await this.events.open(cluster);
    const enabled = rules.filter((rule) => rule.enabled);
    const state: ClusterState = { sample, connectors: await this.#connectors(cluster, enabled) };
    const changes: Promise<void>[] = [];

    for (const event of open) {
      const rule = rules.find((candidate) => candidate.id === event.ruleId);
      if (!rule?.enabled) changes.push(this.#clear(cluster, event, sample.time, rule ? 'rule-disabled' : 'rule-removed'));
    }
    for (const rule of enabled) {
      const findings = findBreaches(rule, state);
      const breaching = new Map(findings.breaches.map((breach) => [breach.subject, breach]));
      const isUnknown = (subject: string) => findings.unknown.some((prefix) => subject === prefix || subject.startsWith(prefix));
      const firing = open.filter((event) => event.ruleId === rule.id);
      for (const event of firing) {
        if (!breaching.has(event.subject) && !isUnknown(event.subject))
          changes.push(this.#clear(cluster, event, sample.time, 'recovered', rule));
      }
      for (const key of this.#pending.keys()) {
        const [clusterName, ruleId, subject] = JSON.parse(key) as string[];
        if (clusterName === cluster.name && ruleId === rule.id && !breaching.has(subject!)) this.#pending.delete(key);
      }
      for (const breach of breaching.values()) {
        if (firing.some((event) => event.subject === breach.subject)) continue;
        const key = JSON.stringify([cluster.name, rule.id, breach.subject]);
        const since = this.#pending.get(key) ?? sample.time;
        this.#pending.set(key, since);
        if (sample.time - since < rule.forMinutes * MINUTE) continue;
        this.#pending.delete(key);
        changes.push(this.#fire(cluster, rule, breach, sample.time));
      }
    }
    // Pending conditions of rules that are gone or disabled wait no more.
    for (const key of this.#pending.keys()) {
      const [clusterName, ruleId] = JSON.parse(key) as string[];
      if (clusterName === cluster.name && !enabled.some((rule) => rule.id === ruleId)) this.#pending.delete(key);
    }
    await Promise.all(changes);
  }

  /** Each Connect cluster's connectors, asked for only when a rule watches them. */
  async #connectors(cluster: ClusterConfig, rules: AlertRule[]): Promise<ClusterState['connectors']> {
    const connectors = new Map<string, ConnectorSummary[] | undefined>();
    if (!rules.some((rule) => rule.kind === 'connector-failed')) return connectors;
    await Promise.all(
      cluster.connect.map(async (connect) => {
        connectors.set(connect.name, await this.connect.list(connect).catch(() => undefined));
      }),
    );
    return connectors;
  }

  async #fire(cluster: ClusterConfig, rule: AlertRule, breach: Breach, time: number): Promise<void> {
    const event: AlertEvent = {
      id: `${new Date(time).toISOString()}-${randomUUID()}`,
      cluster: cluster.name,
      ruleId: rule.id,
      ruleName: rule.name,
      kind: rule.kind,
      subject: breach.subject,
      summary: breach.summary,
      firedAt: new Date(time).toISOString(),
      clearedAt: null,
      clearedBecause: null,
      deliveries: [],
    };
    // Kept before the webhook is told, so that another instance knows it fires whatever happens next.
    await this.events.put(cluster, event);
    const delivery = await this.#tell(rule, { ...message(event, rule), state: 'firing' });
    await this.events.put(cluster, { ...event, deliveries: [delivery] });
  }

  async #clear(cluster: ClusterConfig, event: AlertEvent, time: number, because: ClearedBecause, rule?: AlertRule): Promise<void> {
    const cleared: AlertEvent = { ...event, clearedAt: new Date(time).toISOString(), clearedBecause: because };
    // A rule switched off or removed says nothing more: its webhook may be the reason it was.
    const delivery = rule && because === 'recovered' ? await this.#tell(rule, { ...message(cleared, rule), state: 'cleared' }) : undefined;
    await this.events.put(cluster, { ...cleared, deliveries: [...event.deliveries, ...(delivery ? [delivery] : [])] });
  }

  #tell(rule: AlertRule, alert: AlertMessage) {
    return deliverWebhook(
      rule.webhookUrl,
      webhookPayload(rule.format, alert),
      alert.state === 'firing' ? 'fired' : alert.state === 'cleared' ? 'cleared' : 'test',
      this.delivery,
    );
  }
}

function message(event: AlertEvent, rule: AlertRule): Omit<AlertMessage, 'state'> {
  return {
    cluster: event.cluster,
    rule: { id: rule.id, name: rule.name, kind: rule.kind, target: rule.target },
    subject: event.subject,
    summary: event.summary,
    firedAt: event.firedAt,
    clearedAt: event.clearedAt,
  };
}
