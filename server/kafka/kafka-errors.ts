import { findErrorBy, MultipleErrors } from '@platformatic/kafka';
import { AppError, type ErrorCode } from '../shared/app-error';
import type { ClusterConfig } from './clusters-config';

/**
 * How Kafka's own error codes read over HTTP: the console's stable code (its status is in the
 * catalogue). The message comes from the broker's reason where it gave one (it names the
 * topic and the limit), else from the client's description of the code.
 */
export const KAFKA_ERROR_CODES: Readonly<Record<string, ErrorCode>> = {
  TOPIC_ALREADY_EXISTS: 'TOPIC_EXISTS',
  UNKNOWN_TOPIC_OR_PARTITION: 'TOPIC_NOT_FOUND',
  UNKNOWN_TOPIC_ID: 'TOPIC_NOT_FOUND',
  INVALID_TOPIC_EXCEPTION: 'INVALID_TOPIC_NAME',
  INVALID_REPLICATION_FACTOR: 'INVALID_REPLICATION_FACTOR',
  INVALID_PARTITIONS: 'INVALID_PARTITIONS',
  INVALID_CONFIG: 'INVALID_CONFIG',
  INVALID_REQUEST: 'INVALID_REQUEST',
  POLICY_VIOLATION: 'POLICY_VIOLATION',
  OFFSET_OUT_OF_RANGE: 'OFFSET_OUT_OF_RANGE',
  RECORD_LIST_TOO_LARGE: 'RECORD_TOO_LARGE',
  MESSAGE_TOO_LARGE: 'RECORD_TOO_LARGE',
  GROUP_ID_NOT_FOUND: 'GROUP_NOT_FOUND',
  NON_EMPTY_GROUP: 'GROUP_ACTIVE',
  UNKNOWN_MEMBER_ID: 'GROUP_ACTIVE',
  REBALANCE_IN_PROGRESS: 'GROUP_ACTIVE',
  TOPIC_AUTHORIZATION_FAILED: 'NOT_AUTHORIZED',
  GROUP_AUTHORIZATION_FAILED: 'NOT_AUTHORIZED',
  CLUSTER_AUTHORIZATION_FAILED: 'NOT_AUTHORIZED',
  TOPIC_DELETION_DISABLED: 'TOPIC_DELETION_DISABLED',
  NOT_CONTROLLER: 'KAFKA_UNAVAILABLE',
  LEADER_NOT_AVAILABLE: 'KAFKA_UNAVAILABLE',
  NOT_LEADER_OR_FOLLOWER: 'KAFKA_UNAVAILABLE',
  REQUEST_TIMED_OUT: 'KAFKA_UNAVAILABLE',
  COORDINATOR_NOT_AVAILABLE: 'KAFKA_UNAVAILABLE',
  COORDINATOR_LOAD_IN_PROGRESS: 'KAFKA_UNAVAILABLE',
  NOT_ENOUGH_REPLICAS: 'NOT_ENOUGH_REPLICAS',
};

/** The broker's own words for an error, when it sent any. */
export function brokerReason(protocolError: { message: string; serverErrorMessage?: unknown }): string {
  const reason = protocolError.serverErrorMessage;
  return typeof reason === 'string' && reason && reason !== 'null' ? reason : protocolError.message;
}

/**
 * Turns an error of the Kafka client into an {@link AppError} with a message an operator
 * understands. Errors that are already AppErrors pass through.
 */
export function translateKafkaError(err: unknown, cluster: ClusterConfig): AppError {
  if (err instanceof AppError) return err;
  if (!(err instanceof Error)) return new AppError('INTERNAL', 'Unexpected failure', { cause: err });
  const servers = `${cluster.name} (${cluster.bootstrapServers.join(', ')})`;
  const authentication = findInChain(err, (e) => e.code === 'PLT_KFK_AUTHENTICATION');
  if (authentication) {
    const refusal = findInChain(authentication, (e) => e.code === 'PLT_KFK_PROTOCOL');
    // A wrong user or password is SASL_AUTHENTICATION_FAILED; anything else (a mechanism
    // the listener does not offer, SASL towards a listener without it) gets Kafka's words.
    const why =
      !refusal || refusal['apiId'] === 'SASL_AUTHENTICATION_FAILED'
        ? "refused the console's credentials"
        : `refused SASL ${cluster.sasl?.mechanism ?? ''}: ${refusal.message.replace(/\.$/, '')}`;
    return new AppError('CLUSTER_AUTHENTICATION_FAILED', `Kafka cluster ${servers} ${why}; check its SASL settings`, { cause: err });
  }
  const certificate = findInChain(err, isCertificateError);
  if (certificate) {
    // Node appends advice about --use-system-ca, which means nothing to an operator here.
    const reason = certificate.message.split(';')[0];
    const fix =
      certificate.code === 'ERR_TLS_CERT_ALTNAME_INVALID'
        ? 'use a host name the certificate names in bootstrapServers'
        : 'set tls.ca to the PEM file of the CA that signed it';
    return new AppError(
      'CLUSTER_TLS_FAILED',
      `Kafka cluster ${servers} presented a TLS certificate the console does not trust (${reason}): ${fix}`,
      { cause: err },
    );
  }
  // The client tells a TLS mismatch only by these messages of its UserError.
  if (findInChain(err, (e) => e.code === 'PLT_KFK_USER' && /requires TLS/i.test(e.message))) {
    return new AppError('CLUSTER_TLS_FAILED', `Kafka cluster ${servers} answers only over TLS: enable tls for it`, { cause: err });
  }
  if (findInChain(err, (e) => e.code === 'PLT_KFK_USER' && /TLS handshake failed/i.test(e.message))) {
    return new AppError('CLUSTER_TLS_FAILED', `Kafka cluster ${servers} did not complete a TLS handshake: does that listener use TLS?`, {
      cause: err,
    });
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
    const known = KAFKA_ERROR_CODES[kafkaCode];
    const reason = brokerReason(protocolError);
    // The broker calls a keyless record on a compacted topic an unknown error; the request is at fault.
    if (/cannot accept message without key/i.test(reason)) {
      return new AppError('INVALID_REQUEST', `${reason.replace(/ in topic partition .*$/, '')}: give the record a key`, { cause: err });
    }
    return known
      ? new AppError(known, reason, { cause: err })
      : new AppError('KAFKA_ERROR', `Kafka answered ${kafkaCode}: ${reason}`, { cause: err });
  }
  // The client checks some requests itself before sending them, e.g. for a topic it has no metadata of.
  const userError = findErrorBy(err, 'code', 'PLT_KFK_USER');
  const unknownTopic = userError && /^Unknown topic (.+?)\.?$/.exec(userError.message);
  if (unknownTopic) {
    return new AppError('TOPIC_NOT_FOUND', `Topic ${unknownTopic[1]} does not exist`, { cause: err });
  }
  return new AppError('INTERNAL', 'Unexpected failure talking to Kafka', { cause: err });
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
  return (
    typeof error.code === 'string' &&
    /^(ERR_TLS_CERT_ALTNAME_INVALID|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(GET_ISSUER_CERT|GET_ISSUER_CERT_LOCALLY|VERIFY_LEAF_SIGNATURE)|CERT_[A-Z_]+)$/.test(
      error.code,
    )
  );
}

/** 503 CLUSTER_UNREACHABLE, naming the cluster and its bootstrap servers. */
export function unreachable(cluster: ClusterConfig, why: string, cause?: unknown): AppError {
  return new AppError(
    'CLUSTER_UNREACHABLE',
    `Kafka cluster ${cluster.name} (${cluster.bootstrapServers.join(', ')}) is unreachable: ${why}`,
    { cause },
  );
}

/**
 * 504 OUTCOME_UNKNOWN: a change was sent and no answer came before the deadline, so it may have
 * been applied or not. The message says what to check rather than suggest that nothing happened.
 */
export function outcomeUnknown(cluster: ClusterConfig, deadlineMs: number): AppError {
  return new AppError(
    'OUTCOME_UNKNOWN',
    `Kafka cluster ${cluster.name} (${cluster.bootstrapServers.join(', ')}) did not answer within ${deadlineMs / 1000} s ` +
      'after the change was sent: it may or may not have been applied. Look at the current state before trying again.',
  );
}
