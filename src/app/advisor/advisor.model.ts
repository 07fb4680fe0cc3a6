// The API contract lives with the server routes; the browser uses the same types, and the same
// memory formula, so the calculator and the rocksdb findings never disagree.
import type { AdvisorRule, Finding, FindingSeverity, FindingSubject } from '../../../server/advisor/advisor.model';

export type {
  AdvisorReport,
  AdvisorRule,
  Evidence,
  Finding,
  FindingSeverity,
  FindingSubject,
  Fix,
  RocksDbStoreShape,
} from '../../../server/advisor/advisor.model';
export { ROCKSDB_DEFAULTS, rocksDbStoreBytes } from '../../../server/advisor/advisor.model';

/** The findings about one subject, as one group of the page. */
export interface SubjectGroup {
  /** `kind:name`, stable across refreshes. */
  key: string;
  subject: FindingSubject;
  /** What the subject is, in words: "Topic", "Streams app". */
  kindLabel: string;
  /** The Material icon of the subject's kind, as the side navigation shows it. */
  icon: string;
  /** The console page that shows the subject. */
  link: string;
  findings: FindingView[];
}

/** A finding with the words its panel shows besides the server's. */
export interface FindingView {
  finding: Finding;
  /** The rule in plain words: "RocksDB memory". */
  ruleLabel: string;
  /** Where the fix's lines go: "In the topic's config". */
  fixTargetLabel: string;
}

/** The findings of one severity, by subject. */
export interface SeverityGroup {
  severity: FindingSeverity;
  /** "Critical", "Warnings", "Info". */
  heading: string;
  count: number;
  subjects: SubjectGroup[];
}

/** How many findings there are of each severity. */
export type SeverityCounts = Record<FindingSeverity, number>;

/** A rule the operator may filter by, with how many findings it has. */
export interface RuleChoice {
  rule: AdvisorRule;
  label: string;
  count: number;
}

/** One store as the calculator takes it. */
export interface CalculatorStore {
  name: string;
  /** A windowed (or session) store: each segment is its own RocksDB instance. */
  isWindowed: boolean;
  partitions: number;
  /** Segments of a windowed store; ignored for a key-value store. */
  segments: number;
}

/** A Streams app's RocksDB settings, as an operator sets them in its `RocksDBConfigSetter`. */
export interface CalculatorSettings {
  writeBufferSizeMiB: number;
  maxWriteBufferNumber: number;
  blockCacheSizeMiB: number;
}

/** What the calculator can be prefilled from: a Streams app with rocksdb findings. */
export interface PrefillSource {
  app: string;
  /** The stores its findings describe in a way the calculator reads; empty when none does. */
  stores: CalculatorStore[];
  /** Settings its findings name; the rest keep the operator's values. */
  settings: Partial<CalculatorSettings>;
}
