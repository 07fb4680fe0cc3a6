import type { ClusterConfig } from '../kafka/clusters-config';
import type { KafkaClients } from '../kafka/kafka-clients';
import { StateTopic } from '../kafka/state-topic';
import type { Logger } from '../shared/logger';

/** Where signed-out sessions are kept, on the first configured cluster. */
export const SESSIONS_TOPIC = '_kpc-sessions';
/** How often an instance reads the other instances' sign-outs, at most. */
const REFRESH_MS = 2_000;

interface Ended {
  /** When the session would have ended anyway (epoch ms): after that it needs no keeping. */
  exp: number;
}

const parseEnded = (value: unknown): Ended | undefined =>
  typeof value === 'object' && value !== null && typeof (value as Ended).exp === 'number' ? { exp: (value as Ended).exp } : undefined;

/**
 * Sessions signed out before their expiry. A session cookie is valid on every console instance
 * (they share the key), so a sign-out must reach them all: it is written to a compacted topic of
 * the first configured cluster, which every instance reads every few seconds. This instance
 * knows its own sign-outs at once; one the cluster cannot record now is still refused here.
 */
export class SessionRevocations {
  readonly #ended = new Map<string, number>();
  readonly #topic: StateTopic<Ended>;
  #readAt = 0;
  #reading: Promise<void> | undefined;

  constructor(
    kafka: KafkaClients,
    private readonly home: ClusterConfig | undefined,
    private readonly logger?: Logger,
  ) {
    this.#topic = new StateTopic(kafka, SESSIONS_TOPIC, parseEnded);
  }

  /** Whether the session was signed out; starts reading newer sign-outs when the last read is old. */
  isEnded(sid: string): boolean {
    if (Date.now() - this.#readAt > REFRESH_MS) void this.refresh();
    return this.#ended.has(sid);
  }

  /** Records a sign-out, here at once and in the cluster for the other instances. */
  async end(sid: string, exp: number): Promise<void> {
    this.#ended.set(sid, exp);
    if (!this.home) return;
    try {
      await this.#topic.put(this.home, sid, { exp });
    } catch (err) {
      this.logger?.warn(
        { err },
        'a sign-out could not be recorded in the cluster: other console instances accept the session until it expires',
      );
    }
  }

  /** Reads the sign-outs every instance recorded (one read at a time). */
  refresh(): Promise<void> {
    if (!this.home) return Promise.resolve();
    this.#reading ??= this.#topic
      .entries(this.home)
      .then((entries) => {
        for (const [sid, { exp }] of entries) this.#ended.set(sid, exp);
        const now = Date.now();
        for (const [sid, exp] of this.#ended) if (exp < now) this.#ended.delete(sid);
      })
      .catch((err: unknown) => this.logger?.debug({ err }, 'sign-outs could not be read now'))
      .finally(() => {
        this.#readAt = Date.now();
        this.#reading = undefined;
      });
    return this.#reading;
  }
}
