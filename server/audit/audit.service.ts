import { randomBytes } from 'node:crypto';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { KafkaClients } from '../kafka/kafka-clients';
import { StateTopic } from '../kafka/state-topic';
import { currentActor } from '../shared/actor';
import { AppError } from '../shared/app-error';
import { lastHash, seal, verify } from './audit-chain';
import {
  auditRecords,
  CHANGE_LEASE_MS,
  orphanOutcomes,
  parseEntry,
  type StoredEntry,
  type StoredIntent,
  type StoredOutcome,
} from './audit-log';
import type { AuditPage, AuditRecord } from './audit.model';
import { matchesCriteria, type AuditCriteria } from './audit-filter';

/** The compacted topic, in each cluster, that holds that cluster's audit log. */
export const AUDIT_TOPIC = '_kpc-audit';

/** What a feature says about a change before making it: the log adds who, when and how it ended. */
export type ChangeIntent = StoredIntent extends infer I
  ? I extends StoredIntent
    ? Omit<I, 'id' | 'at' | 'actor' | 'cluster' | 'entry' | 'chain'>
    : never
  : never;

export interface TrackOptions<T> {
  /** The state after the change, from its result; omitted: none is kept. */
  after?: (result: T) => unknown;
  /**
   * Whether no other change of the same subject may run at the same time, in this console or
   * in any other sharing the cluster (offset resets and undos of one group). Such a change is
   * refused with 409 CHANGE_IN_PROGRESS while an earlier one has no outcome yet.
   */
  exclusive?: boolean;
}

export interface AuditOptions {
  /** Keys the hash chain (HMAC), so a record cannot be forged by who lacks it. */
  signingKey?: string;
  now?: () => number;
}

/**
 * The audit log. Each cluster keeps its own in {@link AUDIT_TOPIC}, so every console instance
 * pointed at it sees the same history and a restart loses nothing. A change is written as an
 * intent before it is made and an outcome after, each sealed into a hash chain; the log's
 * order in its one partition also orders concurrent changes of one subject across instances.
 */
export class AuditService {
  readonly #topic: StateTopic<StoredEntry>;
  readonly #running = new Map<string, Promise<unknown>>();
  readonly #key: string | undefined;
  readonly #now: () => number;
  #sequence = 0;

  constructor(
    private readonly clusters: readonly ClusterConfig[],
    kafka: KafkaClients,
    options: AuditOptions = {},
  ) {
    this.#topic = new StateTopic(kafka, AUDIT_TOPIC, parseEntry);
    this.#key = options.signingKey;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Records the intent, makes the change with `apply`, records how it ended, and answers the
   * change's result with the id of its record. Nothing is changed when the intent cannot be
   * recorded (503 AUDIT_UNAVAILABLE): the log never misses a change the console made.
   */
  async track<T>(
    cluster: ClusterConfig,
    intent: ChangeIntent,
    apply: () => Promise<T>,
    options: TrackOptions<T> = {},
  ): Promise<{ result: T; auditId: string }> {
    const subject = `${cluster.name}/${intent.subject.kind}/${intent.subject.name}`;
    if (!options.exclusive) return this.#track(cluster, intent, apply, options);
    // One at a time in this console; the intents' order in the log settles it between consoles.
    const previous = this.#running.get(subject) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(() => this.#track(cluster, intent, apply, options));
    this.#running.set(subject, current);
    try {
      return await current;
    } finally {
      if (this.#running.get(subject) === current) this.#running.delete(subject);
    }
  }

  /** One record, or undefined. */
  async find(cluster: ClusterConfig, id: string): Promise<AuditRecord | undefined> {
    return (await this.#records(cluster)).find((record) => record.id === id);
  }

  /** The newest records first, of one cluster or of all (`among`, by default every one); unreachable clusters are named. */
  async list(filter: AuditCriteria & { cluster?: ClusterConfig; among?: readonly ClusterConfig[]; limit: number }): Promise<AuditPage> {
    const clusters = filter.cluster ? [filter.cluster] : (filter.among ?? this.clusters);
    const unavailableClusters: string[] = [];
    const items: AuditRecord[] = [];
    const integrityWarnings: string[] = [];
    await Promise.all(
      clusters.map(async (cluster) => {
        try {
          items.push(...(await this.#records(cluster)));
          integrityWarnings.push(...(await this.#integrityWarnings(cluster)));
        } catch (error) {
          // With one cluster asked for, its failure is the answer; with all, the others still count.
          if (filter.cluster) throw error;
          unavailableClusters.push(cluster.name);
        }
      }),
    );
    const matching = items.filter((record) => matchesCriteria(record, filter)).sort((a, b) => (a.id < b.id ? 1 : -1));
    return { items: matching.slice(0, filter.limit), unavailableClusters: unavailableClusters.sort(), integrityWarnings };
  }

  async #track<T>(
    cluster: ClusterConfig,
    intent: ChangeIntent,
    apply: () => Promise<T>,
    options: TrackOptions<T>,
  ): Promise<{ result: T; auditId: string }> {
    const stored = {
      entry: 'intent',
      id: this.#newId(),
      at: new Date(this.#now()).toISOString(),
      actor: currentActor(),
      cluster: cluster.name,
      ...intent,
    } as StoredIntent;
    try {
      await this.#append(cluster, stored);
    } catch (err) {
      throw new AppError(
        'AUDIT_UNAVAILABLE',
        `Nothing was changed: the audit log (${AUDIT_TOPIC}) could not record the change: ${(err as Error).message}`,
        {
          cause: err,
        },
      );
    }
    if (options.exclusive) await this.#refuseWhileAnotherRuns(cluster, stored);
    let result: T;
    try {
      result = await apply();
    } catch (err) {
      const error = err instanceof AppError ? err : new AppError('INTERNAL', 'The change failed unexpectedly', { cause: err });
      await this.#settle(cluster, stored.id, error.code === 'OUTCOME_UNKNOWN' ? 'unknown' : 'failed', undefined, error);
      throw err;
    }
    await this.#settle(cluster, stored.id, 'applied', options.after?.(result));
    return { result, auditId: stored.id };
  }

  /** Refuses while an intent for the same subject, written before this one, has no outcome yet. */
  async #refuseWhileAnotherRuns(cluster: ClusterConfig, mine: StoredIntent): Promise<void> {
    const entries = [...(await this.#topic.entries(cluster)).values()];
    const settled = new Set(entries.flatMap((entry) => (entry.entry === 'outcome' ? [entry.intentId] : [])));
    const earlier = entries.slice(
      0,
      entries.findIndex((entry) => entry.id === mine.id),
    );
    const running = earlier.find(
      (entry): entry is StoredIntent =>
        entry.entry === 'intent' &&
        entry.subject.kind === mine.subject.kind &&
        entry.subject.name === mine.subject.name &&
        !settled.has(entry.id) &&
        this.#now() - Date.parse(entry.at) < CHANGE_LEASE_MS,
    );
    if (!running) return;
    const refusal = new AppError(
      'CHANGE_IN_PROGRESS',
      `Another change of ${mine.subject.kind} ${mine.subject.name} is under way (${running.action} by ${running.actor} at ${running.at}); ` +
        'try again once it is done',
    );
    await this.#settle(cluster, mine.id, 'failed', undefined, refusal);
    throw refusal;
  }

  /** Records an outcome. A failure here is logged by the caller's answer only: the change itself stands. */
  async #settle(
    cluster: ClusterConfig,
    intentId: string,
    outcome: StoredOutcome['outcome'],
    after?: unknown,
    error?: AppError,
  ): Promise<void> {
    const stored: StoredOutcome = {
      entry: 'outcome',
      id: `${intentId}.outcome`,
      intentId,
      at: new Date(this.#now()).toISOString(),
      outcome,
      ...(after !== undefined && { after }),
      ...(error && { error: { code: error.code, message: error.message } }),
    };
    // An intent without an outcome reads as "unknown" later, which is what it is.
    await this.#append(cluster, stored).catch(() => undefined);
  }

  async #append(cluster: ClusterConfig, content: StoredEntry): Promise<void> {
    const previous = lastHash([...(await this.#topic.entries(cluster)).values()]);
    await this.#topic.put(cluster, content.id, seal(content, previous, this.#key));
  }

  async #records(cluster: ClusterConfig): Promise<AuditRecord[]> {
    const entries = [...(await this.#topic.entries(cluster)).values()];
    return auditRecords(entries, verify(entries, this.#key), this.#now());
  }

  /** What only tampering explains: the console never removes or rewrites an audit entry. */
  async #integrityWarnings(cluster: ClusterConfig): Promise<string[]> {
    const stored = await this.#topic.entries(cluster);
    const entries = [...stored.values()];
    const { removed } = this.#topic.changes(cluster);
    // Consoles before intents and outcomes rewrote a record to mark it undone: only a chained entry is never rewritten.
    const rewritten = this.#topic.changes(cluster).rewritten.filter((id) => stored.get(id)?.entry !== undefined);
    const where = `${AUDIT_TOPIC} of ${cluster.name}`;
    return [
      ...removed.map((id) => `Audit entry ${id} was erased from ${where} by another Kafka client (a tombstone)`),
      ...rewritten.map((id) => `Audit entry ${id} was written again in ${where} by another Kafka client`),
      ...orphanOutcomes(entries).map(
        (outcome) =>
          `The record of change ${outcome.intentId} is missing from ${where}; only its outcome (${outcome.outcome} at ${outcome.at}) remains`,
      ),
    ];
  }

  #newId(): string {
    const at = new Date(this.#now());
    // Time first so ids sort by time; the counter orders records of the same millisecond.
    const sequence = String(this.#sequence++ % 1_000_000).padStart(6, '0');
    return `${at.toISOString()}-${sequence}-${randomBytes(3).toString('hex')}`;
  }
}
