/**
 * How Kafka's own error codes read over HTTP: a status and the console's stable code. The
 * message comes from the broker's reason where it gave one (it names the topic and the
 * limit), else from the client's description of the code.
 */
export const KAFKA_ERROR_STATUS: Readonly<Record<string, { status: number; code: string }>> = {
  TOPIC_ALREADY_EXISTS: { status: 409, code: 'TOPIC_EXISTS' },
  UNKNOWN_TOPIC_OR_PARTITION: { status: 404, code: 'TOPIC_NOT_FOUND' },
  UNKNOWN_TOPIC_ID: { status: 404, code: 'TOPIC_NOT_FOUND' },
  INVALID_TOPIC_EXCEPTION: { status: 400, code: 'INVALID_TOPIC_NAME' },
  INVALID_REPLICATION_FACTOR: { status: 400, code: 'INVALID_REPLICATION_FACTOR' },
  INVALID_PARTITIONS: { status: 400, code: 'INVALID_PARTITIONS' },
  INVALID_CONFIG: { status: 400, code: 'INVALID_CONFIG' },
  INVALID_REQUEST: { status: 400, code: 'INVALID_REQUEST' },
  POLICY_VIOLATION: { status: 400, code: 'POLICY_VIOLATION' },
  OFFSET_OUT_OF_RANGE: { status: 400, code: 'OFFSET_OUT_OF_RANGE' },
  RECORD_LIST_TOO_LARGE: { status: 413, code: 'RECORD_TOO_LARGE' },
  MESSAGE_TOO_LARGE: { status: 413, code: 'RECORD_TOO_LARGE' },
  GROUP_ID_NOT_FOUND: { status: 404, code: 'GROUP_NOT_FOUND' },
  NON_EMPTY_GROUP: { status: 409, code: 'GROUP_ACTIVE' },
  UNKNOWN_MEMBER_ID: { status: 409, code: 'GROUP_ACTIVE' },
  REBALANCE_IN_PROGRESS: { status: 409, code: 'GROUP_ACTIVE' },
  TOPIC_AUTHORIZATION_FAILED: { status: 403, code: 'NOT_AUTHORIZED' },
  GROUP_AUTHORIZATION_FAILED: { status: 403, code: 'NOT_AUTHORIZED' },
  CLUSTER_AUTHORIZATION_FAILED: { status: 403, code: 'NOT_AUTHORIZED' },
  TOPIC_DELETION_DISABLED: { status: 403, code: 'TOPIC_DELETION_DISABLED' },
  NOT_CONTROLLER: { status: 503, code: 'KAFKA_UNAVAILABLE' },
  LEADER_NOT_AVAILABLE: { status: 503, code: 'KAFKA_UNAVAILABLE' },
  NOT_LEADER_OR_FOLLOWER: { status: 503, code: 'KAFKA_UNAVAILABLE' },
  REQUEST_TIMED_OUT: { status: 503, code: 'KAFKA_UNAVAILABLE' },
  COORDINATOR_NOT_AVAILABLE: { status: 503, code: 'KAFKA_UNAVAILABLE' },
  COORDINATOR_LOAD_IN_PROGRESS: { status: 503, code: 'KAFKA_UNAVAILABLE' },
  NOT_ENOUGH_REPLICAS: { status: 503, code: 'NOT_ENOUGH_REPLICAS' },
};

/** The broker's own words for an error, when it sent any. */
export function brokerReason(protocolError: { message: string; serverErrorMessage?: unknown }): string {
  const reason = protocolError.serverErrorMessage;
  return typeof reason === 'string' && reason && reason !== 'null' ? reason : protocolError.message;
}
