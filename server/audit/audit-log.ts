import type { AuditIntegrity, AuditOutcome, AuditRecord } from './audit.model';
import type { Chained } from './audit-chain';

/** An intent and an outcome are written with these base fields removed from the API record. */
type Derived = 'outcome' | 'outcomeAt' | 'error' | 'integrity' | 'undoneBy' | 'after';

/** What a change is about to do, written before it is made. */
export type StoredIntent = (AuditRecord extends infer R ? (R extends AuditRecord ? Omit<R, Derived> : never) : never) & {
  entry: 'intent';
} & Chained;

/** How a change ended, written after it, for the intent `intentId`. */
export interface StoredOutcome extends Chained {
  entry: 'outcome';
  id: string;
  intentId: string;
  at: string;
  outcome: Exclude<AuditOutcome, 'pending'>;
  after?: unknown;
  error?: { code: string; message: string };
}

/** A record written whole by a console before intents and outcomes (or by another client). */
type LegacyRecord = Omit<AuditRecord, 'outcome' | 'integrity'> & { entry?: undefined } & Chained;

export type StoredEntry = StoredIntent | StoredOutcome | LegacyRecord;

/** How long a change may take at most; an intent older than this without an outcome will get none. */
export const CHANGE_LEASE_MS = 60_000;

/** An entry read back from the topic, or undefined for what is not one (skipped, not fatal). */
export function parseEntry(value: unknown): StoredEntry | undefined {
  const entry = value as {
    id?: unknown;
    at?: unknown;
    entry?: unknown;
    intentId?: unknown;
    action?: unknown;
    cluster?: unknown;
    subject?: { name?: unknown };
  } | null;
  if (typeof entry?.id !== 'string' || typeof entry.at !== 'string') return undefined;
  if (entry.entry === 'outcome') return typeof entry.intentId === 'string' ? (entry as StoredOutcome) : undefined;
  const isRecord = typeof entry.action === 'string' && typeof entry.cluster === 'string' && typeof entry.subject?.name === 'string';
  return isRecord ? (entry as unknown as StoredIntent | LegacyRecord) : undefined;
}

/**
 * The audit records of a log: each intent with its outcome, the worse integrity of the two,
 * and `undoneBy` where an applied undo reverted it. An intent still without an outcome is
 * `pending` while a change may still be running, `unknown` after.
 */
export function auditRecords(entries: readonly StoredEntry[], integrity: Map<string, AuditIntegrity>, now: number): AuditRecord[] {
  const outcomes = new Map<string, StoredOutcome>();
  for (const entry of entries) if (entry.entry === 'outcome') outcomes.set(entry.intentId, entry);
  const records: AuditRecord[] = [];
  for (const entry of entries) {
    if (entry.entry === 'outcome') continue;
    const { chain, entry: kind, ...fields } = entry;
    const outcome = entry.entry === 'intent' ? outcomes.get(entry.id) : undefined;
    const state: Pick<AuditRecord, 'outcome' | 'outcomeAt' | 'error' | 'integrity'> = {
      outcome:
        entry.entry === 'intent' ? (outcome?.outcome ?? (now - Date.parse(entry.at) < CHANGE_LEASE_MS ? 'pending' : 'unknown')) : 'applied',
      integrity: worse(integrity.get(entry.id), outcome && integrity.get(outcome.id)),
      ...(outcome && { outcomeAt: outcome.at }),
      ...(outcome?.error && { error: outcome.error }),
    };
    if (entry.entry === 'intent' && !outcome && state.outcome === 'unknown') {
      state.error = {
        code: 'OUTCOME_UNKNOWN',
        message: 'No outcome was recorded: the console stopped or lost the cluster while changing it',
      };
    }
    records.push({ ...fields, after: outcome?.after ?? ('after' in fields ? fields.after : null), ...state } as AuditRecord);
  }
  for (const record of records) {
    if (record.action !== 'consumer-group.offsets.undo' || record.outcome !== 'applied' || !('auditId' in record.parameters)) continue;
    const undone = records.find((candidate) => candidate.id === (record.parameters as { auditId: string }).auditId);
    if (undone && !undone.undoneBy) undone.undoneBy = record.id;
  }
  return records;
}

/** Outcomes whose intent is no longer in the log: the record of a change was erased. */
export function orphanOutcomes(entries: readonly StoredEntry[]): StoredOutcome[] {
  const ids = new Set(entries.map((entry) => entry.id));
  return entries.filter((entry): entry is StoredOutcome => entry.entry === 'outcome' && !ids.has(entry.intentId));
}

const RANK: AuditIntegrity[] = ['verified', 'unsigned', 'unlinked', 'altered'];

function worse(a: AuditIntegrity | undefined, b: AuditIntegrity | undefined): AuditIntegrity {
  return RANK[Math.max(RANK.indexOf(a ?? 'unsigned'), RANK.indexOf(b ?? 'verified'))]!;
}
