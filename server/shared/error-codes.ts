/**
 * Every error code the API answers with, and its HTTP status: the one catalogue. The server's
 * `AppError` takes its status from here, and the browser's `ApiError` takes its code type
 * from here, so a code is declared once and cannot drift between the two. Codes are stable
 * (clients branch on them); the message beside them is for people. A code stands for one
 * situation with one status (kafbat/kafka-ui's `ErrorCode` is the model).
 */
export const ERROR_CODES = {
  // 400: the request cannot be carried out as asked.
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  INVALID_CURSOR: 400,
  TOPOLOGY_DESCRIPTION_INVALID: 400,
  INVALID_TOPIC_NAME: 400,
  INVALID_REPLICATION_FACTOR: 400,
  INVALID_PARTITIONS: 400,
  INVALID_CONFIG: 400,
  INVALID_REQUEST: 400,
  INVALID_OFFSETS: 400,
  INVALID_CONNECTOR_CONFIG: 400,
  POLICY_VIOLATION: 400,
  OFFSET_OUT_OF_RANGE: 400,
  PARTITION_NOT_FOUND: 400,
  PARTITIONS_NOT_INCREASED: 400,
  CONFIRMATION_REQUIRED: 400,
  CONFLICTING_CHANGE: 400,
  NOTHING_TO_CHANGE: 400,
  NOT_UNDOABLE: 400,
  INTERNAL_TOPIC: 400,
  TOO_FEW_TOPICS: 400,
  /** A Kafka Connect worker refused the request; the worker's own 4xx status is kept. */
  CONNECT_BAD_REQUEST: 400,
  // 401: who asks is not known.
  /** Sign-in is configured and the request carries no valid session. */
  SIGN_IN_REQUIRED: 401,
  /** A wrong user name or password, or an OpenID sign-in that did not complete. */
  SIGN_IN_FAILED: 401,
  /** `/metrics` with sign-in configured: the scrape has no bearer token, or not the one `KPC_METRICS_TOKEN` sets. */
  METRICS_TOKEN_INVALID: 401,
  // 403: Kafka's ACLs, its configuration or the console's own rules refuse it.
  NOT_AUTHORIZED: 403,
  TOPIC_DELETION_DISABLED: 403,
  /** The console's own topics (`_kpc-*`) are read through the console, never written. */
  CONSOLE_TOPIC_PROTECTED: 403,
  /** A change a browser sent from another site's page (Sec-Fetch-Site or Origin says so). */
  CROSS_SITE_REQUEST: 403,
  /** The Connect cluster's `allowedConnectorClasses` (by default: no file connectors) refuses the class. */
  CONNECTOR_CLASS_NOT_ALLOWED: 403,
  /** The signed-in user's roles do not cover the action on that resource; the message names the role needed. */
  ROLE_REQUIRED: 403,
  /** The cluster is configured `readOnly`. */
  CLUSTER_READ_ONLY: 403,
  /** A change with a cookie session came without the session's CSRF token. */
  CSRF_TOKEN_INVALID: 403,
  /** `/metrics` with sign-in configured but no `KPC_METRICS_TOKEN` to let a scraper in. */
  METRICS_TOKEN_NOT_CONFIGURED: 403,
  // 404: no such thing.
  NOT_FOUND: 404,
  CLUSTER_NOT_FOUND: 404,
  TOPIC_NOT_FOUND: 404,
  GROUP_NOT_FOUND: 404,
  STREAMS_APP_NOT_FOUND: 404,
  TOPOLOGY_DESCRIPTION_NOT_FOUND: 404,
  CONNECT_CLUSTER_NOT_FOUND: 404,
  CONNECTOR_NOT_FOUND: 404,
  PLUGIN_NOT_FOUND: 404,
  AUDIT_RECORD_NOT_FOUND: 404,
  CHECK_NOT_FOUND: 404,
  ALERT_RULE_NOT_FOUND: 404,
  // 409: the state of things does not allow it now.
  TOPIC_EXISTS: 409,
  GROUP_ACTIVE: 409,
  PREVIEW_OUTDATED: 409,
  ALREADY_UNDONE: 409,
  CONNECTOR_EXISTS: 409,
  CONNECTOR_NOT_STOPPED: 409,
  CONNECT_REBALANCING: 409,
  /** Another change of the same subject has no outcome yet (in this console or another). */
  CHANGE_IN_PROGRESS: 409,
  /** Another alert rule of the cluster has the name. */
  ALERT_RULE_EXISTS: 409,
  // 413: too large.
  BODY_TOO_LARGE: 413,
  RECORD_TOO_LARGE: 413,
  // 415: a body the API does not read (it reads JSON only).
  UNSUPPORTED_MEDIA_TYPE: 415,
  // 421: the request names a host the console is not served as (DNS rebinding).
  HOST_NOT_ALLOWED: 421,
  // 429: slow down.
  /** Too many sign-in attempts from one address or for one user name. */
  TOO_MANY_SIGN_IN_ATTEMPTS: 429,
  // 500: a bug of the console; the log has the details.
  INTERNAL: 500,
  // 502: Kafka or Connect answered with an error the console has no better words for.
  KAFKA_ERROR: 502,
  CONNECT_ERROR: 502,
  // 503: a dependency cannot be used now.
  CLUSTER_UNREACHABLE: 503,
  CLUSTER_AUTHENTICATION_FAILED: 503,
  CLUSTER_TLS_FAILED: 503,
  KAFKA_UNAVAILABLE: 503,
  NOT_ENOUGH_REPLICAS: 503,
  CONNECT_UNREACHABLE: 503,
  CONNECT_AUTHENTICATION_FAILED: 503,
  /** The audit log cannot record a change, so the change is not made. */
  AUDIT_UNAVAILABLE: 503,
  // 504: the change was asked for but did not finish in time.
  CONNECTOR_STOP_TIMEOUT: 504,
  /** A change was sent and no answer came: it may or may not have been applied. */
  OUTCOME_UNKNOWN: 504,
} as const satisfies Record<string, number>;

/** A code the API answers with. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The JSON body of every failed API call. */
export interface ApiErrorBody {
  error: { code: ErrorCode; message: string };
}
