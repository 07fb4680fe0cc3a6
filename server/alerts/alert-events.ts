import type { ClusterConfig } from '../kafka/clusters-config';
import type { KafkaClients } from '../kafka/kafka-clients';
import { StateTopic } from '../kafka/state-topic';
import type { AlertEvent } from './alerts.model';

/** The console topic that keeps each cluster's alerts: what fired, when it cleared, how the webhook was told. */
export const ALERT_EVENTS_TOPIC = '_kpc-alert-events';

/** How long the history of alerts is kept. */
export const ALERT_EVENTS_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The history of alerts, in {@link ALERT_EVENTS_TOPIC}: one entry per alert, written when it
 * fires and again when it clears, so a restart loses nothing and a console instance that takes
 * over the sampling knows what is still firing. Entries go after 30 days.
 */
export class AlertEvents {
  readonly #store: StateTopic<AlertEvent>;

  constructor(kafka: KafkaClients) {
    this.#store = new StateTopic(kafka, ALERT_EVENTS_TOPIC, parseEvent, ALERT_EVENTS_RETENTION_MS);
  }

  /** The newest alerts first, at most `limit`. */
  async list(cluster: ClusterConfig, limit: number): Promise<AlertEvent[]> {
    const events = [...(await this.#store.entries(cluster)).values()];
    return events.sort((a, b) => (a.firedAt < b.firedAt ? 1 : a.firedAt > b.firedAt ? -1 : 0)).slice(0, limit);
  }

  /** The alerts that have not cleared. */
  async open(cluster: ClusterConfig): Promise<AlertEvent[]> {
    return [...(await this.#store.entries(cluster)).values()].filter((event) => event.clearedAt === null);
  }

  /** Writes an alert as it is now, in place of what was kept of it. */
  async put(cluster: ClusterConfig, event: AlertEvent): Promise<void> {
    await this.#store.put(cluster, event.id, event);
  }
}

function parseEvent(value: unknown): AlertEvent | undefined {
  const event = value as Partial<AlertEvent> | null;
  const valid =
    typeof event?.id === 'string' &&
    typeof event.ruleId === 'string' &&
    typeof event.subject === 'string' &&
    typeof event.firedAt === 'string' &&
    Array.isArray(event.deliveries);
  return valid ? (event as AlertEvent) : undefined;
}
