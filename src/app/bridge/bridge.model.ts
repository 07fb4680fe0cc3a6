// The API contract lives with the server routes; the browser uses the same types.
export type {
  BridgeHealth,
  BridgeSettings,
  BridgeSettingsChange,
  BridgeSource,
  BridgeSources,
  FilePosition,
  PublishedSequence,
  RecordRef,
  RestartPoint,
  SequenceCheckJob,
  SequenceCheckRequest,
  SequenceReport,
  SequenceVerdict,
} from '../../../server/bridge/bridge.model';

/** A restart point as the panel shows it. */
export interface RestartPointView {
  /** e.g. `line 2 of /data/domain_events.jsonl (sequence 102)`, or the raw offset. */
  resumesAt: string;
  /** Why the offset is shown raw, when it is. */
  untranslatable: string | null;
  /** e.g. `2 events published past it: a restart now publishes them again (duplicates)`. */
  distance: string | null;
  tone: 'ok' | 'warn' | 'error' | 'neutral';
}

/** A finished check's verdict as the panel shows it. */
export interface VerdictBadge {
  label: string;
  tone: 'ok' | 'warn' | 'error' | 'neutral';
  icon: string;
}
