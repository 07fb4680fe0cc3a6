// The API contract lives with the server routes; the browser uses the same types.
export type {
  ConfigDefinition,
  ConfigFieldValidation,
  ConfigValidation,
  ConnectClusterSummary,
  ConnectorDetail,
  ConnectorOffsets,
  ConnectorPlugin,
  ConnectorRestart,
  ConnectorState,
  ConnectorSummary,
  ConnectorTask,
  ConnectorTopicCheck,
  ConnectorType,
  NewConnector,
  OffsetsChangeResult,
  OffsetsRewind,
  SinkOffset,
  SourceOffset,
  TopicCreation,
} from '../../../server/connect/connect.model';
export { MASKED_VALUE } from '../../../server/connect/connect.model';

import type { ConfigFieldValidation } from '../../../server/connect/connect.model';

/** Which connectors the list shows. */
export type StateFilter = 'all' | 'running' | 'failed' | 'paused' | 'stopped';

/** How a state reads at a glance. */
export type StateTone = 'ok' | 'warn' | 'error' | 'neutral';

/** A group of the generated config form, in the plugin's own order. */
export interface FieldGroup {
  name: string;
  fields: ConfigFieldValidation[];
  errorCount: number;
}

/** What the operator may do to a connector in its current state. */
export interface ConnectorActions {
  canPause: boolean;
  canResume: boolean;
  canStop: boolean;
  canRestartFailed: boolean;
}

/** What the UI says of a connector's topics that do not exist, and what it can offer. */
export interface MissingTopicsNotice {
  missing: string[];
  /** The consequence, in plain words. */
  message: string;
  /** Whether Connect could create them itself: a source may set `topic.creation.default.*` (KIP-158). */
  canLetConnectCreate: boolean;
}

/** The operator's choice to create missing topics, as typed: blank takes the broker's default. */
export interface TopicCreationDraft {
  partitions: string;
  replicationFactor: string;
}
