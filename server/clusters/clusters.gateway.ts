import { readFileSync } from 'node:fs';
import type { ConnectionOptions as TlsOptions } from 'node:tls';
import {
  Admin,
  findErrorBy,
  MultipleErrors,
  ProduceAcks,
  Producer,
  type BaseOptions,
  type metadataV12,
} from '@platformatic/kafka';

type MetadataRequest = metadataV12.MetadataRequest;
type MetadataResponse = metadataV12.MetadataResponse;
import { AppError } from '../shared/app-error';
import type { ClusterConfig } from './clusters-config';
import { bootstrapConnection, protocolApi } from '../shared/kafka-protocol.gateway';
import { brokerReason, KAFKA_ERROR_STATUS } from './kafka-errors';

/** What the brokers say about the cluster: one metadata snapshot, no derived numbers. */
export interface ClusterDescription {
  clusterId: string;
  controllerId: number;
  brokers: { id: number; host: string; port: number; rack: string | null }[];
  topics: {
    name: string;
    internal: boolean;
    partitions: { leader: number; replicas: number[]; isr: number[] }[];
  }[];
}

/** How long a call may wait for a broker before the API answers 503 instead of hanging. */
const CONNECT_TIMEOUT_MS = 3_000;
const REQUEST_TIMEOUT_MS = 5_000;
const DEADLINE_MS = 8_000;

/**
 * The one door to the Kafka clusters: an admin client per configured cluster, made on first
 * use and kept, and the translation of the client's errors into {@link AppError}s. Feature
 * gateways borrow {@link admin} and {@link call} rather than open connections of their own.
 */
export class ClustersGateway {
  readonly #admins = new Map<string, Admin>();
  readonly #producers = new Map<string, Producer>();

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
   * Runs one Kafka operation with a hard deadline and Kafka's errors translated, so a route
   * never hangs on a broker that does not answer.
   */
  async call<T>(cluster: ClusterConfig, operation: (admin: Admin) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(unreachable(cluster, `it did not answer within ${DEADLINE_MS / 1000} s`)),
        DEADLINE_MS,
      );
    });
    try {
      return await Promise.race([operation(this.admin(cluster)), deadline]);
    } catch (err) {
      throw translateKafkaError(err, cluster);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Brokers, controller and every topic's partitions, from one metadata request. */
  describe(cluster: ClusterConfig): Promise<ClusterDescription> {
    return this.call(cluster, async (admin) => {
      const metadata = await allTopicsMetadata(admin);
      return {
        clusterId: metadata.clusterId ?? '',
        controllerId: metadata.controllerId,
        brokers: metadata.brokers.map((broker) => ({
          id: broker.nodeId,
          host: broker.host,
          port: broker.port,
          rack: broker.rack ?? null,
        })),
        topics: metadata.topics.map((topic) => ({
          name: topic.name ?? topic.topicId,
          internal: topic.isInternal,
          partitions: topic.partitions.map((p) => ({ leader: p.leaderId, replicas: p.replicaNodes, isr: p.isrNodes })),
        })),
      };
    });
  }

  /** Closes every client; the gateway can be used again afterwards. */
  async close(): Promise<void> {
    const clients = [...this.#admins.values(), ...this.#producers.values()];
    this.#admins.clear();
    this.#producers.clear();
    await Promise.allSettled(clients.map((client) => client.close()));
  }
}

/**
 * Turns an error of the Kafka client into an {@link AppError} with a message an operator
 * understands. Errors that are already AppErrors pass through.
 */
export function translateKafkaError(err: unknown, cluster: ClusterConfig): AppError {
  if (err instanceof AppError) return err;
  if (!(err instanceof Error)) return new AppError(500, 'INTERNAL', 'Unexpected failure', { cause: err });
  const servers = `${cluster.name} (${cluster.bootstrapServers.join(', ')})`;
  const authentication = findInChain(err, (e) => e.code === 'PLT_KFK_AUTHENTICATION');
  if (authentication) {
    const refusal = findInChain(authentication, (e) => e.code === 'PLT_KFK_PROTOCOL');
    // A wrong user or password is SASL_AUTHENTICATION_FAILED; anything else (a mechanism
    // the listener does not offer, SASL towards a listener without it) gets Kafka's words.
    const why = !refusal || refusal['apiId'] === 'SASL_AUTHENTICATION_FAILED'
      ? "refused the console's credentials"
      : `refused SASL ${cluster.sasl?.mechanism ?? ''}: ${refusal.message.replace(/\.$/, '')}`;
    return new AppError(503, 'CLUSTER_AUTHENTICATION_FAILED', `Kafka cluster ${servers} ${why}; check its SASL settings`,
      { cause: err });
  }
  const certificate = findInChain(err, isCertificateError);
  if (certificate) {
    // Node appends advice about --use-system-ca, which means nothing to an operator here.
    const reason = certificate.message.split(';')[0];
    const fix = certificate.code === 'ERR_TLS_CERT_ALTNAME_INVALID'
      ? 'use a host name the certificate names in bootstrapServers'
      : 'set tls.ca to the PEM file of the CA that signed it';
    return new AppError(503, 'CLUSTER_TLS_FAILED',
      `Kafka cluster ${servers} presented a TLS certificate the console does not trust (${reason}): ${fix}`, { cause: err });
  }
  // The client tells a TLS mismatch only by these messages of its UserError.
  if (findInChain(err, (e) => e.code === 'PLT_KFK_USER' && /requires TLS/i.test(e.message))) {
    return new AppError(503, 'CLUSTER_TLS_FAILED', `Kafka cluster ${servers} answers only over TLS: enable tls for it`,
      { cause: err });
  }
  if (findInChain(err, (e) => e.code === 'PLT_KFK_USER' && /TLS handshake failed/i.test(e.message))) {
    return new AppError(503, 'CLUSTER_TLS_FAILED',
      `Kafka cluster ${servers} did not complete a TLS handshake: does that listener use TLS?`, { cause: err });
  }
  if (findErrorBy(err, 'code', 'PLT_KFK_NETWORK') || findErrorBy(err, 'code', 'PLT_KFK_TIMEOUT')) {
    return unreachable(cluster, 'no broker accepted a connection', err);
  }
  if (MultipleErrors.isMultipleErrors(err) && /connect to any broker/i.test(err.message)) {
    return unreachable(cluster, 'no broker accepted a connection', err);
  }
  const protocolError = findErrorBy(err, 'code', 'PLT_KFK_PROTOCOL');
  if (protocolError) {
    const kafkaCode = String(protocolError['apiId'] ?? 'UNKNOWN');
    const known = KAFKA_ERROR_STATUS[kafkaCode];
    const reason = brokerReason(protocolError);
    return known
      ? new AppError(known.status, known.code, reason, { cause: err })
      : new AppError(502, 'KAFKA_ERROR', `Kafka answered ${kafkaCode}: ${reason}`, { cause: err });
  }
  // The client checks some requests itself before sending them, e.g. for a topic it has no metadata of.
  const userError = findErrorBy(err, 'code', 'PLT_KFK_USER');
  const unknownTopic = userError && /^Unknown topic (.+?)\.?$/.exec(userError.message);
  if (unknownTopic) {
    return new AppError(404, 'TOPIC_NOT_FOUND', `Topic ${unknownTopic[1]} does not exist`, { cause: err });
  }
  return new AppError(500, 'INTERNAL', 'Unexpected failure talking to Kafka', { cause: err });
}

type CodedError = Error & { code?: unknown; [key: string]: unknown };

/**
 * The first error in `err`, its `cause`s and `errors` that passes `test`. The client's own
 * `findErrorBy` looks into `errors` only, and it wraps a refused login or certificate as the
 * `cause` of a NetworkError ("Connection to ... failed."), where it would never be found.
 */
function findInChain(err: unknown, test: (error: CodedError) => boolean, depth = 0): CodedError | undefined {
  if (!(err instanceof Error) || depth > 10) return undefined;
  if (test(err as CodedError)) return err as CodedError;
  const nested = [...(err instanceof AggregateError ? err.errors : []), err.cause];
  for (const inner of nested) {
    const found = findInChain(inner, test, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Whether Node refused the broker's certificate (OpenSSL's verify codes, or the host name check). */
function isCertificateError(error: CodedError): boolean {
  return typeof error.code === 'string' &&
    /^(ERR_TLS_CERT_ALTNAME_INVALID|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(GET_ISSUER_CERT|GET_ISSUER_CERT_LOCALLY|VERIFY_LEAF_SIGNATURE)|CERT_[A-Z_]+)$/.test(error.code);
}

/**
 * One Metadata request for every topic, internal ones included. The client's own
 * `metadata()` leaves internal topics out (their entries come back empty) and `listTopics()`
 * would cost a second round trip, so this asks the broker directly.
 */
async function allTopicsMetadata(admin: Admin): Promise<MetadataResponse> {
  const metadata = await protocolApi<MetadataRequest, MetadataResponse>(admin, 'Metadata');
  return metadata.async(await bootstrapConnection(admin), null, false, false);
}

function unreachable(cluster: ClusterConfig, why: string, cause?: unknown): AppError {
  return new AppError(
    503,
    'CLUSTER_UNREACHABLE',
    `Kafka cluster ${cluster.name} (${cluster.bootstrapServers.join(', ')}) is unreachable: ${why}`,
    { cause },
  );
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
