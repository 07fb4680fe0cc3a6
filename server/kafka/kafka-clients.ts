import { readFileSync } from 'node:fs';
import type { ConnectionOptions as TlsOptions } from 'node:tls';
import { Admin, ProduceAcks, Producer, type BaseOptions } from '@platformatic/kafka';
import type { ClusterConfig } from './clusters-config';
import type { AppError } from '../shared/app-error';
import { outcomeUnknown, translateKafkaError, unreachable } from './kafka-errors';
import { Reachability } from './reachability';
import { readClusterMetadata, type ClusterDescription } from './cluster-metadata';

/** What the brokers say about the cluster: one metadata snapshot, no derived numbers. */
export type { ClusterDescription } from './cluster-metadata';

/**
 * How long a call may wait for a broker before the API answers instead of hanging: within
 * 5 s in all, so a person waiting on a page, or a load balancer, hears back in time.
 */
const CONNECT_TIMEOUT_MS = 3_000;
const REQUEST_TIMEOUT_MS = 4_000;
const DEADLINE_MS = 4_500;
/** How long the background check of a cluster known to be down may take. */
const PROBE_TIMEOUT_MS = 2_000;

/**
 * The one door to the Kafka clusters: an admin client per configured cluster, made on first
 * use and kept, and the translation of the client's errors into `AppError`s. Feature
 * gateways borrow {@link admin} and {@link call} rather than open connections of their own.
 */
export class KafkaClients {
  readonly #admins = new Map<string, Admin>();
  readonly #producers = new Map<string, Producer>();
  readonly #clusters = new Map<string, ClusterConfig>();
  readonly #reachability = new Reachability((name) => this.#probe(name));
  readonly #changeListeners: ((cluster: string) => void)[] = [];

  /** The cluster's admin client, created on first use. */
  admin(cluster: ClusterConfig): Admin {
    let admin = this.#admins.get(cluster.name);
    if (!admin) {
      admin = new Admin(connectionOptions(cluster));
      this.#admins.set(cluster.name, admin);
    }
    return admin;
  }

  /**
   * The cluster's producer of raw bytes, created on first use. It waits for every in-sync
   * replica (acks=all): what the console writes is an operator's message or its own state.
   */
  producer(cluster: ClusterConfig): Producer {
    let producer = this.#producers.get(cluster.name);
    if (!producer) {
      // More retries than the admin client: a leader election (say, of a topic just made) is a normal, short wait.
      producer = new Producer({ ...connectionOptions(cluster), acks: ProduceAcks.ALL, retries: 5, retryDelay: 300 });
      this.#producers.set(cluster.name, producer);
    }
    return producer;
  }

  /**
   * Runs one Kafka read with a hard deadline and Kafka's errors translated, so a route never
   * hangs on a broker that does not answer. A cluster that did not answer is remembered as
   * down: until a background check reaches it again, calls fail at once, sending nothing.
   */
  call<T>(cluster: ClusterConfig, operation: (admin: Admin) => Promise<T>): Promise<T> {
    return this.#run(cluster, operation, () => this.#silent(cluster));
  }

  /**
   * Runs one Kafka change, as {@link call} does, except when the deadline passes after the
   * request went out: the cluster may have applied it or not, and the answer says exactly
   * that (504 OUTCOME_UNKNOWN) instead of "unreachable", which would suggest nothing happened.
   */
  async change<T>(cluster: ClusterConfig, operation: (admin: Admin) => Promise<T>): Promise<T> {
    try {
      return await this.#run(cluster, operation, () => outcomeUnknown(cluster, DEADLINE_MS));
    } finally {
      // Applied, refused or unknown: what the console remembers of the cluster may be out of date now.
      for (const listener of this.#changeListeners) listener(cluster.name);
    }
  }

  /** Calls `listener` with the cluster's name after every change the console makes there. */
  onChange(listener: (cluster: string) => void): void {
    this.#changeListeners.push(listener);
  }

  /** Resolves once the cluster answers a request for its brokers; rejects as {@link call} does. */
  async ping(cluster: ClusterConfig): Promise<void> {
    await this.call(cluster, (admin) => admin.metadata({ topics: [], forceUpdate: true }));
  }

  /** Whether the cluster is known to be down now (it did not answer, and has not since). */
  isKnownDown(cluster: ClusterConfig): boolean {
    return this.#reachability.isDown(cluster.name);
  }

  async #run<T>(cluster: ClusterConfig, operation: (admin: Admin) => Promise<T>, onDeadline: () => AppError): Promise<T> {
    this.#clusters.set(cluster.name, cluster);
    this.#reachability.refuseWhileDown(cluster.name);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(onDeadline()), DEADLINE_MS);
    });
    try {
      return await Promise.race([operation(this.admin(cluster)), deadline]);
    } catch (err) {
      const error = translateKafkaError(err, cluster);
      if (error.code === 'CLUSTER_UNREACHABLE' || error.code === 'OUTCOME_UNKNOWN') {
        this.#reachability.markDown(cluster.name, error.code === 'OUTCOME_UNKNOWN' ? this.#silent(cluster) : error);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  #silent(cluster: ClusterConfig): AppError {
    return unreachable(cluster, `it did not answer within ${DEADLINE_MS / 1000} s`);
  }

  /** One cheap request, to tell whether a cluster known to be down answers again. */
  async #probe(name: string): Promise<void> {
    const cluster = this.#clusters.get(name);
    if (!cluster) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('no answer')), PROBE_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.admin(cluster).metadata({ topics: [], forceUpdate: true }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Brokers, controller and every topic's partitions, from one metadata request. */
  describe(cluster: ClusterConfig): Promise<ClusterDescription> {
    return this.call(cluster, (admin) => readClusterMetadata(admin));
  }

  /** Closes every client; the gateway can be used again afterwards. */
  async close(): Promise<void> {
    this.#reachability.close();
    const clients = [...this.#admins.values(), ...this.#producers.values()];
    this.#admins.clear();
    this.#producers.clear();
    await Promise.allSettled(clients.map((client) => client.close()));
  }
}

function connectionOptions(cluster: ClusterConfig): BaseOptions {
  return {
    clientId: 'kafka-pipeline-console',
    bootstrapBrokers: cluster.bootstrapServers,
    connectTimeout: CONNECT_TIMEOUT_MS,
    timeout: REQUEST_TIMEOUT_MS,
    retries: 1,
    retryDelay: 250,
    sasl: cluster.sasl,
    tls: tlsOptions(cluster),
  };
}

function tlsOptions(cluster: ClusterConfig): TlsOptions | undefined {
  const tls = cluster.tls;
  if (!tls?.enabled) return undefined;
  const read = (path: string | undefined) => (path ? readFileSync(path) : undefined);
  return { ca: read(tls.ca), cert: read(tls.cert), key: read(tls.key), rejectUnauthorized: tls.rejectUnauthorized };
}
