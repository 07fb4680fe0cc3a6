/**
 * The API contract of the Kafka Connect feature. The Angular app imports these types too, so
 * server and browser cannot drift apart.
 */

/** What every secret-looking config value is replaced with in a response. */
export const MASKED_VALUE = '********';

/** A configured Connect cluster and whether its worker answers right now. */
export interface ConnectClusterSummary {
  name: string;
  /** The REST URL without any credentials in it. */
  url: string;
  reachable: boolean;
  /** The worker's Kafka version, null while unreachable. */
  version: string | null;
  /** Why it is unreachable, in plain words. */
  problem?: string;
}

export type ConnectorType = 'source' | 'sink' | 'unknown';

/** Connect's own states; a stopped connector keeps its config but runs no tasks (KIP-875). */
export type ConnectorState = 'RUNNING' | 'PAUSED' | 'STOPPED' | 'FAILED' | 'UNASSIGNED' | 'RESTARTING';

export interface ConnectorTask {
  id: number;
  state: ConnectorState;
  workerId: string;
  /** The Java stack trace of a failed task. */
  trace?: string;
}

/** One connector as the list shows it. */
export interface ConnectorSummary {
  connectCluster: string;
  name: string;
  type: ConnectorType;
  /** The `connector.class` as configured (an alias such as `FileStreamSource`, or the full name). */
  className: string;
  state: ConnectorState;
  workerId: string;
  tasks: ConnectorTask[];
  failedTaskCount: number;
  /** Topics the config names (`topic`, `topics`, or `/regex/` for `topics.regex`). */
  topics: string[];
}

/** One connector with its config (secrets masked) and what it really uses. */
export interface ConnectorDetail extends ConnectorSummary {
  config: Record<string, string>;
  /** The trace of a failed connector (not of its tasks). */
  trace?: string;
  /** Topics the connector has actually produced to or consumed from (KIP-558). */
  activeTopics: string[];
  /** Its configured topics checked against the Kafka cluster; null when the cluster could not be asked. */
  topicCheck: ConnectorTopicCheck | null;
  /** Set when a RUNNING source can never publish: `RUNNING but cannot publish: topic X does not exist`. */
  warning?: string;
}

/**
 * The topics a connector writes (a source) or reads (a sink), as far as its config tells, and
 * which of them do not exist. With topic auto-creation off on the brokers (the usual
 * production setting), a source whose topic is missing stays RUNNING and publishes nothing.
 */
export interface ConnectorTopicCheck {
  /** The topics its config names exactly. */
  topics: string[];
  /** Those of them that do not exist on the Kafka cluster now. */
  missing: string[];
  /** Whether Connect creates a source's missing topics itself: `topic.creation.default.*` is set (KIP-158). */
  createdByConnect: boolean;
  /** Why some of its topics cannot be told from the config (a prefix, a pattern, a routing transform). */
  cannotTell?: string;
}

/**
 * Create the connector's missing topics before saving it, through the topics feature's own
 * rules. Omitted values take the broker's defaults (`num.partitions`,
 * `default.replication.factor`; KIP-464).
 */
export interface TopicCreation {
  partitions?: number;
  replicationFactor?: number;
}

export interface ConnectorPlugin {
  className: string;
  type: ConnectorType;
  version: string;
  /** Whether the Connect cluster's `allowedConnectorClasses` let a connector of it be created. */
  allowed: boolean;
}

/** A config key as the plugin defines it (Connect's ConfigDef). */
export interface ConfigDefinition {
  name: string;
  /** BOOLEAN, CLASS, DOUBLE, INT, LIST, LONG, PASSWORD, SHORT, STRING. */
  type: string;
  required: boolean;
  defaultValue: string | null;
  importance: 'HIGH' | 'MEDIUM' | 'LOW';
  documentation: string;
  group: string | null;
  orderInGroup: number;
  displayName: string;
  dependents: string[];
}

export interface ConfigFieldValidation {
  definition: ConfigDefinition;
  /** The value validated, masked when it is a secret. */
  value: string | null;
  recommendedValues: string[];
  errors: string[];
  visible: boolean;
}

/** The worker's own validation of a config, per field. */
export interface ConfigValidation {
  plugin: string;
  errorCount: number;
  groups: string[];
  fields: ConfigFieldValidation[];
  /** The config's topics checked against the Kafka cluster; null when the cluster could not be asked. */
  topicCheck: ConnectorTopicCheck | null;
}

/** A sink connector's position: its consumer group's offset of one topic partition. */
export interface SinkOffset {
  partition: { kafka_topic: string; kafka_partition: number };
  offset: { kafka_offset: number } | null;
}

/** A source connector's position: both maps are whatever the connector defines (KIP-875). */
export interface SourceOffset {
  partition: Record<string, unknown>;
  offset: Record<string, unknown> | null;
}

export interface ConnectorOffsets {
  connector: string;
  type: ConnectorType;
  offsets: (SourceOffset | SinkOffset)[];
}

/** `POST .../offsets/rewind`: stop, alter (with offsets) or reset (without), then resume. */
export interface OffsetsRewind {
  /** New offsets; omitted means reset, i.e. start from the beginning. */
  offsets?: (SourceOffset | SinkOffset)[];
  /** Whether to resume the connector afterwards (else it stays stopped). */
  resume: boolean;
  confirm: true;
}

export interface OffsetsChangeResult {
  connector: string;
  before: ConnectorOffsets;
  after: ConnectorOffsets;
  /** The audit record of the change. */
  auditId: string;
  /** The connector's state when the change was done. */
  state: ConnectorState;
}

export interface NewConnector {
  name: string;
  config: Record<string, string>;
  /** Create its missing topics first; omitted: save it as it is. */
  createTopics?: TopicCreation;
}

/** `PUT .../connectors/:name/config`. */
export interface ConnectorConfigChange {
  config: Record<string, string>;
  /** Create its missing topics first; omitted: save it as it is. */
  createTopics?: TopicCreation;
}

export interface ConnectorRestart {
  includeTasks: boolean;
  onlyFailed: boolean;
}
