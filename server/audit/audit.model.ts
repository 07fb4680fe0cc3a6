/**
 * The API contract of the audit log: what the console changed, when, by whom, and the state
 * before and after, so a change can be reviewed and undone.
 */
export interface AuditRecord {
  /** Sortable by time (ISO instant + random suffix). */
  id: string;
  /** ISO-8601 instant. */
  at: string;
  /** Who asked: the user an authenticating proxy names, else `anonymous@<address>`. */
  actor: string;
  cluster: string;
  /** What was done, e.g. `consumer-group.offsets.reset`, `connector.offsets.alter`. */
  action: string;
  /** What it was done to. */
  subject: { kind: 'consumer-group' | 'connector' | 'topic'; name: string };
  /** The request as the operator made it (mode, value, topics…). */
  parameters: Record<string, unknown>;
  before: unknown;
  after: unknown;
  /** Set when a later action reverted this one. */
  undoneBy?: string;
}

export interface AuditPage {
  items: AuditRecord[];
  /** Clusters whose audit could not be read just now. */
  unavailableClusters: string[];
}
