import { createHash, createHmac } from 'node:crypto';
import type { AuditIntegrity } from './audit.model';

/** How an entry links to the one written before it. */
export interface ChainLink {
  /** The hash of the entry the writer saw last; null for the first entry of the log. */
  previous: string | null;
  /** The hash of this entry's content and `previous`. */
  hash: string;
  /**
   * Which audit key sealed it (a fingerprint, never the key), `none` without one: a console
   * with another key cannot check the hash, which is not the same as a changed record.
   */
  sealedWith?: string;
}

/** An entry as stored: its content, and the link that seals it. */
export interface Chained {
  chain?: ChainLink;
}

/**
 * Seals an entry: SHA-256 over the previous entry's hash and this entry's JSON, as an HMAC
 * keyed with the console's audit key when one is configured. Without a key, anyone who knows
 * this scheme could forge a matching hash, but not remove or change a record unseen; with
 * one, they cannot forge a record either.
 */
export function seal<T extends object>(content: T, previous: string | null, key: string | undefined): T & Required<Chained> {
  return { ...content, chain: { previous, hash: hashOf(JSON.stringify(content), previous, key), sealedWith: fingerprint(key) } };
}

/**
 * Checks a log's entries in the order they were written. Several console instances may write
 * at once, each linking to the last entry it saw, so an entry may link to any earlier one;
 * what it may not do is link to one that is not there (removed or changed since), or carry a
 * hash its content does not match.
 */
export function verify(entries: readonly (Chained & { id: string })[], key: string | undefined): Map<string, AuditIntegrity> {
  const integrity = new Map<string, AuditIntegrity>();
  const seen = new Set<string>();
  for (const entry of entries) {
    const { chain, ...content } = entry;
    if (!chain || typeof chain.hash !== 'string') {
      integrity.set(entry.id, 'unsigned');
      continue;
    }
    const isLinked = chain.previous === null ? seen.size === 0 : seen.has(chain.previous);
    seen.add(chain.hash);
    if ((chain.sealedWith ?? 'none') !== fingerprint(key)) integrity.set(entry.id, 'unsigned');
    else if (hashOf(JSON.stringify(content), chain.previous, key) !== chain.hash) integrity.set(entry.id, 'altered');
    else integrity.set(entry.id, isLinked ? 'verified' : 'unlinked');
  }
  return integrity;
}

/** The hash of the last entry, for the next one to link to. */
export function lastHash(entries: readonly Chained[]): string | null {
  return entries.at(-1)?.chain?.hash ?? null;
}

/** A short name for a key that does not reveal it. */
function fingerprint(key: string | undefined): string {
  return key ? createHash('sha256').update('kpc-audit-key:').update(key).digest('hex').slice(0, 12) : 'none';
}

function hashOf(content: string, previous: string | null, key: string | undefined): string {
  const hash = key ? createHmac('sha256', key) : createHash('sha256');
  return hash
    .update(previous ?? '')
    .update('\n')
    .update(content)
    .digest('hex');
}
