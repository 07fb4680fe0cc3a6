// The API contract lives with the server routes; the browser uses the same types.
import type { CheckJob, CopartitionGroup, CopartitionReport, Finding } from '../../../server/copartition/copartition.model';

export type {
  Cause,
  CheckJob,
  CheckProgress,
  CopartitionGroup,
  CopartitionReport,
  Finding,
  GroupHealth,
  GroupOrigin,
  KeyEvidence,
  KeyPlacement,
  TopicSample,
  Verdict,
} from '../../../server/copartition/copartition.model';

/** A verdict as the page shows it. */
export interface VerdictBadge {
  label: string;
  tone: 'ok' | 'warn' | 'error' | 'neutral';
  icon: string;
}

/** One row of the evidence table: a key and its partition in each topic. */
export interface EvidenceRow {
  key: string;
  /** Per topic, in the group's topic order; null where the key was not sampled. */
  cells: ({ partition: number; expectedPartition: number; schemaId: number | null; isOffMurmur2: boolean } | null)[];
}

/** Everything one group's card shows, prepared by the page. */
export interface GroupCardView {
  group: CopartitionGroup;
  report: CopartitionReport | null;
  badge: VerdictBadge;
  origin: string;
  isDeclared: boolean;
  job: CheckJob | null;
  percentDone: number;
  findings: { finding: Finding; title: string; rows: EvidenceRow[] }[];
}
