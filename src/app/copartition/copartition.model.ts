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
  MisplacedRecord,
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
  cells: (EvidenceCell | null)[];
  /** Misplaced records of the key beyond those the cells list. */
  moreMisplaced: number;
}

/** Where a key sits in one topic. */
export interface EvidenceCell {
  partition: number;
  expectedPartition: number;
  schemaId: number | null;
  isOffMurmur2: boolean;
  /** Records of the key in this topic on yet another partition: a join looking on `belongsOn` misses them. */
  misplaced: { partition: number; offset: number; belongsOn: number }[];
}

/** Everything one group's card shows, prepared by the page. */
export interface GroupCardView {
  group: CopartitionGroup;
  report: CopartitionReport | null;
  /** Why the group could not be checked. */
  problem: string | null;
  badge: VerdictBadge;
  origin: string;
  isDeclared: boolean;
  job: CheckJob | null;
  percentDone: number;
  findings: { finding: Finding; title: string; rows: EvidenceRow[] }[];
}
