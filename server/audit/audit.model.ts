/**
 * The API contract of the audit log: every change the console makes, who asked for it, the
 * state before and after, and how it ended, so a change can be reviewed and undone. Each kind
 * of change has its own record shape, told apart by `action`; the browser imports these types
 * too, so the audit page reads fields instead of guessing shapes. Features import the shapes
 * from here.
 */
import type { Offset } from '../shared/offset';

/** A committed offset of a consumer group as the audit log keeps it; null where the group had none. */
export interface TopicPartitionOffset {
  topic: string;
  partition: number;
  offset: Offset | null;
}

/**
 * A connector's position for one of its source partitions (KIP-875): both maps are whatever
 * the connector defines; a sink's are `{ kafka_topic, kafka_partition }` and `{ kafka_offset }`.
 */
export interface ConnectorOffset {
  partition: Record<string, unknown>;
  offset: Record<string, unknown> | null;
}

/**
 * How a change ended. The console records its intent before it changes anything and the
 * outcome after: `applied`; `failed` (nothing changed; `error` says why); `unknown` (the change
 * was sent and no answer came: check the subject before trying again); `pending` while it runs.
 * An intent whose outcome never came (the console stopped, or could not write it) reads as
 * `unknown` once it is older than a change can take.
 */
export type AuditOutcome = 'pending' | 'applied' | 'failed' | 'unknown';

/**
 * Whether a record is as the console wrote it. Records are chained: each carries a hash of
 * itself and of the record written before it (keyed with the console's audit key when one is
 * configured), so a record changed, removed or slipped in by another Kafka client shows here.
 * `verified`: intact and linked; `altered`: its content no longer matches its hash;
 * `unlinked`: the record it follows is missing or altered; `unsigned`: it is not sealed with
 * this console's audit key (another Kafka client wrote it, or a console with another
 * `KPC_AUDIT_KEY` or none, or one from before records were chained), so it cannot be checked.
 */
export type AuditIntegrity = 'verified' | 'altered' | 'unlinked' | 'unsigned';

/** What every record has. */
interface AuditRecordBase {
  /** Sortable by time (ISO instant + sequence + random suffix). */
  id: string;
  /** ISO-8601 instant the change was asked for. */
  at: string;
  /** Who asked: the user an authenticating proxy names, else `anonymous@<address>`. */
  actor: string;
  cluster: string;
  outcome: AuditOutcome;
  /** When the outcome was recorded. */
  outcomeAt?: string;
  /** Why it failed, or why its outcome is unknown. */
  error?: { code: string; message: string };
  integrity: AuditIntegrity;
  /** Set when a later change reverted this one. */
  undoneBy?: string;
}

/** A consumer group's committed offsets reset (replay) or put back by an undo. */
export interface ConsumerGroupOffsetsRecord extends AuditRecordBase {
  action: 'consumer-group.offsets.reset' | 'consumer-group.offsets.undo';
  subject: { kind: 'consumer-group'; name: string };
  /** A reset: its mode, value and topics as asked; an undo: the reset it reverts. */
  parameters: { mode: string; value: string | number | null; topics: { topic: string; partitions?: number[] }[] } | { auditId: string };
  before: TopicPartitionOffset[];
  after: TopicPartitionOffset[];
}

/** A consumer group deleted, with the offsets it had committed. */
export interface ConsumerGroupDeleteRecord extends AuditRecordBase {
  action: 'consumer-group.delete';
  subject: { kind: 'consumer-group'; name: string };
  parameters: Record<string, never>;
  before: TopicPartitionOffset[];
  after: null;
}

/** What the audit log keeps of a topic around a change; only what the change touched. */
export interface TopicState {
  partitions?: number;
  /** The configs the change touched; null where a config had no value of its own. */
  configs?: Record<string, string | null>;
  lowWatermarks?: { partition: number; lowWatermark: Offset }[];
  /** Where a produced record was written. */
  written?: { partition: number; offset: Offset };
}

/** A topic created, configured, grown, purged, deleted, or a record produced to it. */
export interface TopicRecord extends AuditRecordBase {
  action: 'topic.create' | 'topic.config.alter' | 'topic.partitions.increase' | 'topic.purge' | 'topic.delete' | 'topic.message.produce';
  subject: { kind: 'topic'; name: string };
  /** The request as asked (a produced record's key and headers, not its value). */
  parameters: Record<string, unknown>;
  before: TopicState | null;
  after: TopicState | null;
}

/** What the audit log keeps of a connector around a change; secrets masked. */
export interface ConnectorState {
  state?: string;
  config?: Record<string, string>;
}

/** A connector created, reconfigured, deleted, paused, resumed, stopped or restarted. */
export interface ConnectorRecord extends AuditRecordBase {
  action:
    | 'connector.create'
    | 'connector.config.update'
    | 'connector.delete'
    | 'connector.pause'
    | 'connector.resume'
    | 'connector.stop'
    | 'connector.restart'
    | 'connector.task.restart';
  subject: { kind: 'connector'; name: string };
  /** The Connect cluster, and what the request asked (config with secrets masked, task, flags). */
  parameters: { connectCluster: string } & Record<string, unknown>;
  before: ConnectorState | null;
  after: ConnectorState | null;
}

/** A connector's source offsets altered or reset through the console (KIP-875). */
export interface ConnectorOffsetsRecord extends AuditRecordBase {
  action: 'connector.offsets.alter' | 'connector.offsets.reset';
  subject: { kind: 'connector'; name: string };
  parameters: { connectCluster: string; offsets?: ConnectorOffset[] };
  before: ConnectorOffset[];
  after: ConnectorOffset[];
}

/** A group of topics declared as joined (co-partition health), changed or removed. */
export interface CopartitionGroupRecord extends AuditRecordBase {
  action: 'copartition-group.declare' | 'copartition-group.remove';
  subject: { kind: 'copartition-group'; name: string };
  parameters: Record<string, unknown>;
  before: { topics: string[] } | null;
  after: { topics: string[] } | null;
}

/** Where a topic's events keep their sequence (the bridge's health), as set for the topic. */
export interface BridgeSettingsState {
  sequenceField: string;
  keyField: string | null;
}

/** The sequence field (and key field) of a topic set for the bridge's health. */
export interface BridgeSettingsRecord extends AuditRecordBase {
  action: 'topic.bridge-settings.set';
  subject: { kind: 'topic'; name: string };
  parameters: Record<string, unknown>;
  /** Null: the defaults were in force. */
  before: BridgeSettingsState | null;
  after: BridgeSettingsState | null;
}

/** A Kafka Streams app's own topology description as the console keeps it. */
export interface StreamsTopologyDescriptionState {
  text: string;
  givenAt: string;
}

/** An app's `Topology#describe()` given to the console, or forgotten. */
export interface StreamsTopologyDescriptionRecord extends AuditRecordBase {
  action: 'streams-app.topology-description.set' | 'streams-app.topology-description.remove';
  subject: { kind: 'streams-app'; name: string };
  parameters: Record<string, unknown>;
  before: StreamsTopologyDescriptionState | null;
  after: StreamsTopologyDescriptionState | null;
}

/** An alert rule as the audit log keeps it, its webhook URL masked. */
export interface AlertRuleState {
  name: string;
  kind: string;
  target: string;
  threshold: number | null;
  forMinutes: number;
  statuses: string[];
  webhookUrl: string;
  format: string;
  enabled: boolean;
}

/** An alert rule added, changed or removed. */
export interface AlertRuleRecord extends AuditRecordBase {
  action: 'alert-rule.create' | 'alert-rule.update' | 'alert-rule.delete';
  subject: { kind: 'alert-rule'; name: string };
  /** The rule's id. */
  parameters: { id: string };
  before: AlertRuleState | null;
  after: AlertRuleState | null;
}

/** One change the console made, told apart by `action`. */
export type AuditRecord =
  | ConsumerGroupOffsetsRecord
  | ConsumerGroupDeleteRecord
  | TopicRecord
  | ConnectorRecord
  | ConnectorOffsetsRecord
  | CopartitionGroupRecord
  | BridgeSettingsRecord
  | StreamsTopologyDescriptionRecord
  | AlertRuleRecord;

/** The names of the changes the audit log records. */
export type AuditAction = AuditRecord['action'];

/** What a change is about. */
export type AuditSubject = AuditRecord['subject'];

export interface AuditPage {
  items: AuditRecord[];
  /** Clusters whose audit could not be read just now. */
  unavailableClusters: string[];
  /**
   * Signs that another Kafka client changed an audit log, in plain words (a record erased or
   * rewritten, an outcome whose change is gone); the records themselves carry `integrity`.
   */
  integrityWarnings: string[];
}
