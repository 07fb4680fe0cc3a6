/**
 * The API contract of the audit log: what the console changed, when, by whom, and the state
 * before and after, so a change can be reviewed and undone. Each kind of change has its own
 * record shape, told apart by `action`; the browser imports these types too, so the audit
 * page reads fields instead of guessing shapes. Features import the shapes from here.
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

/** What every record has. */
interface AuditRecordBase {
  /** Sortable by time (ISO instant + sequence + random suffix). */
  id: string;
  /** ISO-8601 instant. */
  at: string;
  /** Who asked: the user an authenticating proxy names, else `anonymous@<address>`. */
  actor: string;
  cluster: string;
  /** Set when a later action reverted this one. */
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

/** A connector's source offsets altered or reset through the console (KIP-875). */
export interface ConnectorOffsetsRecord extends AuditRecordBase {
  action: 'connector.offsets.alter' | 'connector.offsets.reset';
  subject: { kind: 'connector'; name: string };
  parameters: { connectCluster: string; offsets?: ConnectorOffset[] };
  before: ConnectorOffset[];
  after: ConnectorOffset[];
}

/** One change the console made, told apart by `action`. */
export type AuditRecord = ConsumerGroupOffsetsRecord | ConnectorOffsetsRecord;

/** The names of the changes the audit log records. */
export type AuditAction = AuditRecord['action'];

export interface AuditPage {
  items: AuditRecord[];
  /** Clusters whose audit could not be read just now. */
  unavailableClusters: string[];
}
