import {
  ROCKSDB_DEFAULTS,
  rocksDbStoreBytes,
  type CalculatorSettings,
  type CalculatorStore,
  type Evidence,
  type Finding,
  type PrefillSource,
} from './advisor.model';

const MiB = 1024 * 1024;

/**
 * Kafka Streams cuts a windowed store into `retention / segmentInterval + 1` segments, and the
 * default interval is half the retention: 3 segments unless the app says otherwise.
 */
export const DEFAULT_WINDOWED_SEGMENTS = 3;

/** The settings of a Streams app that sets none: Kafka Streams' own RocksDB defaults. */
export const DEFAULT_SETTINGS: CalculatorSettings = {
  writeBufferSizeMiB: ROCKSDB_DEFAULTS.writeBufferSizeBytes / MiB,
  maxWriteBufferNumber: ROCKSDB_DEFAULTS.maxWriteBufferNumber,
  blockCacheSizeMiB: ROCKSDB_DEFAULTS.blockCacheSizeBytes / MiB,
};

/** The worked example the calculator opens on: one windowed store, 12 partitions, 3 segments, 3,528 MiB. */
export const WORKED_EXAMPLE: CalculatorStore = { name: 'windowed-store', isWindowed: true, partitions: 12, segments: 3 };

/** One store's share of the estimate. */
export interface StoreEstimate {
  store: CalculatorStore;
  bytes: number;
}

/** What the stores of an app may take off-heap, against its budget when it has one. */
export interface MemoryEstimate {
  stores: StoreEstimate[];
  totalBytes: number;
  /** Absent without a budget. */
  budget?: { bytes: number; isOver: boolean; differenceBytes: number };
}

/** Off-heap bytes RocksDB may take for one store: {@link rocksDbStoreBytes} on what the operator typed. */
export function storeBytes(store: CalculatorStore, settings: CalculatorSettings): number {
  return rocksDbStoreBytes({
    partitions: countOf(store.partitions),
    segments: store.isWindowed ? countOf(store.segments) : 1,
    writeBufferSizeBytes: countOf(settings.writeBufferSizeMiB) * MiB,
    maxWriteBufferNumber: countOf(settings.maxWriteBufferNumber),
    blockCacheSizeBytes: countOf(settings.blockCacheSizeMiB) * MiB,
  });
}

/** Every store's bytes, their total, and how it compares with a budget in MiB (none when empty or not positive). */
export function memoryEstimate(
  stores: readonly CalculatorStore[],
  settings: CalculatorSettings,
  budgetMiB?: number | null,
): MemoryEstimate {
  const estimates = stores.map((store) => ({ store, bytes: storeBytes(store, settings) }));
  const totalBytes = estimates.reduce((sum, estimate) => sum + estimate.bytes, 0);
  if (!budgetMiB || !(budgetMiB > 0)) return { stores: estimates, totalBytes };
  const bytes = budgetMiB * MiB;
  return { stores: estimates, totalBytes, budget: { bytes, isOver: totalBytes > bytes, differenceBytes: Math.abs(bytes - totalBytes) } };
}

/** Bytes in whole MiB, as the Advisor states them: "3,528 MiB". */
export function formatMiB(bytes: number): string {
  return `${Math.round(bytes / MiB).toLocaleString('en-US')} MiB`;
}

/** Bytes in GiB to one decimal, to read large totals at a glance: "27.6 GiB". */
export function formatGiB(bytes: number): string {
  return `${(bytes / 1024 / MiB).toLocaleString('en-US', { maximumFractionDigits: 1 })} GiB`;
}

/**
 * The Streams apps the rocksdb findings are about, each with the stores and settings their
 * evidence describes. An app whose `store …` rows cannot be read is still offered, with no
 * stores: the operator types them.
 */
export function prefillSources(findings: readonly Finding[]): PrefillSource[] {
  const sources = new Map<string, PrefillSource>();
  for (const finding of findings.filter((each) => each.rule === 'rocksdb')) {
    const app = appOf(finding);
    const source = sources.get(app) ?? { app, stores: [], settings: {} };
    for (const evidence of finding.evidence) {
      const store = parseStoreEvidence(evidence);
      if (store && !source.stores.some((known) => known.name === store.name)) source.stores.push(store);
      Object.assign(source.settings, parseSettingEvidence(evidence));
    }
    sources.set(app, source);
  }
  return [...sources.values()].sort((a, b) => a.app.localeCompare(b.app));
}

/**
 * A `store <name>` evidence row as a store, read leniently ("windowed, 12 partitions, 3
 * segments, 3,528 MiB", "key-value · partitions=6"); undefined when it names no partition count.
 */
export function parseStoreEvidence(evidence: Evidence): CalculatorStore | undefined {
  const name = /^\s*store\s+(.+?)\s*$/i.exec(evidence.label)?.[1];
  if (!name) return undefined;
  const value = evidence.value.toLowerCase();
  const partitions = countNamed(value, 'partitions?');
  if (partitions === undefined) return undefined;
  const segments = countNamed(value, 'segments?');
  const isWindowed = windowedness(value) ?? (segments ?? 1) > 1;
  return { name, isWindowed, partitions, segments: isWindowed ? (segments ?? DEFAULT_WINDOWED_SEGMENTS) : 1 };
}

/** An evidence row naming one of the RocksDB settings, as calculator settings; empty for any other row. */
export function parseSettingEvidence(evidence: Evidence): Partial<CalculatorSettings> {
  const label = evidence.label.toLowerCase();
  if (/max.?write.?buffer.?num/.test(label)) {
    const count = Number(/\d+/.exec(evidence.value)?.[0]);
    return Number.isFinite(count) && count > 0 ? { maxWriteBufferNumber: count } : {};
  }
  const setting = /write.?buffer.?size/.test(label) ? 'writeBufferSizeMiB' : /block.?cache/.test(label) ? 'blockCacheSizeMiB' : undefined;
  const bytes = setting && bytesOf(evidence.value);
  return setting && bytes ? { [setting]: bytes / MiB } : {};
}

function appOf(finding: Finding): string {
  if (finding.subject.kind === 'streams-app') return finding.subject.name;
  // A store's finding links to its app's page, which names the app.
  const fromLink = /\/streams\/([^/?#]+)/.exec(finding.link)?.[1];
  return fromLink ? decodeURIComponent(fromLink) : finding.subject.name;
}

/** "partitions=12", "partitions: 12", "12 partitions", "partitions 12", in that order of trust. */
function countNamed(value: string, word: string): number | undefined {
  const number = '(\\d{1,3}(?:,\\d{3})+|\\d+)';
  const match =
    new RegExp(`\\b${word}\\s*[:=]\\s*${number}`).exec(value) ??
    new RegExp(`${number}\\s*${word}\\b`).exec(value) ??
    new RegExp(`\\b${word}\\s+${number}`).exec(value);
  return match ? Number(match[1]!.replaceAll(',', '')) : undefined;
}

/** Whether the words say windowed; undefined when they do not say. */
function windowedness(value: string): boolean | undefined {
  if (/windowed\s*[:=]\s*(false|no)\b|not windowed|non-windowed|key-value|key value|\bkv\b/.test(value)) return false;
  if (/\b(windowed|window|session)\b/.test(value)) return true;
  return undefined;
}

/** "16 MiB", "64MB", "16777216" (bytes, as RocksDB takes them). */
function bytesOf(value: string): number | undefined {
  const match = /(\d[\d,]*(?:\.\d+)?)\s*(gib|gb|mib|mb|kib|kb|b|bytes)?\b/i.exec(value);
  if (!match) return undefined;
  const unit = (match[2] ?? 'b').toLowerCase();
  const scale = unit.startsWith('g') ? 1024 * MiB : unit.startsWith('m') ? MiB : unit.startsWith('k') ? 1024 : 1;
  const bytes = Number(match[1]!.replaceAll(',', '')) * scale;
  return bytes > 0 ? bytes : undefined;
}

function countOf(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}
