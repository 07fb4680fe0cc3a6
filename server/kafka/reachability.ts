import { AppError } from '../shared/app-error';

/** How often a dependency known to be down is tried again, in the background. */
export const RETRY_INTERVAL_MS = 2_000;

interface Outage {
  since: Date;
  error: AppError;
  timer: NodeJS.Timeout;
  probing: boolean;
}

/**
 * What the console knows of the dependencies it cannot reach (a Kafka cluster, a Connect
 * worker), so a frozen or dead one costs one deadline, not one per request. While a
 * dependency is known down, {@link refuseWhileDown} answers at once with the error that put it
 * down, and a probe tries it again every {@link RETRY_INTERVAL_MS} until it answers.
 */
export class Reachability {
  readonly #outages = new Map<string, Outage>();

  /**
   * @param probe one cheap request to the dependency with a short deadline; resolves once it answers.
   */
  constructor(private readonly probe: (key: string) => Promise<void>) {}

  /** Throws at once, without sending anything, while `key` is known to be down. */
  refuseWhileDown(key: string): void {
    const outage = this.#outages.get(key);
    if (!outage) return;
    const since = outage.since.toISOString().slice(11, 19);
    throw new AppError(
      outage.error.code,
      `${outage.error.message.replace(/\.$/, '')} (since ${since} UTC; the console tries again every ${RETRY_INTERVAL_MS / 1000} s)`,
      {
        cause: outage.error,
      },
    );
  }

  /** Whether `key` is known to be down now. */
  isDown(key: string): boolean {
    return this.#outages.has(key);
  }

  /** Remembers that `key` did not answer, and starts probing it. */
  markDown(key: string, error: AppError): void {
    if (this.#outages.has(key)) return;
    const outage: Outage = { since: new Date(), error, probing: false, timer: setInterval(() => void this.#retry(key), RETRY_INTERVAL_MS) };
    outage.timer.unref();
    this.#outages.set(key, outage);
  }

  /** Forgets an outage: the dependency answered. */
  markUp(key: string): void {
    const outage = this.#outages.get(key);
    if (!outage) return;
    clearInterval(outage.timer);
    this.#outages.delete(key);
  }

  /** Stops every probe. */
  close(): void {
    for (const key of [...this.#outages.keys()]) this.markUp(key);
  }

  async #retry(key: string): Promise<void> {
    const outage = this.#outages.get(key);
    if (!outage || outage.probing) return;
    outage.probing = true;
    try {
      await this.probe(key);
      this.markUp(key);
    } catch {
      // Still down: the next interval tries again.
    } finally {
      outage.probing = false;
    }
  }
}
