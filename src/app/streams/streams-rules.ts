import { stateTone } from '../consumer-groups/consumer-group-rules';
import { formatCount, formatDuration, formatRate, formatRetention } from './streams-format';
import type { StateTone, StreamsProtocol, StreamsStore } from './streams.model';

/**
 * How a state reads: processing is fine; a streams group that is not ready (its topics are
 * missing) or still assigning needs a look; empty is idle.
 */
export function streamsStateTone(state: string): StateTone {
  return state === 'NotReady' ? 'warn' : stateTone(state);
}

/** Whether records wait to be processed; a lag never measured (nothing committed) is not. */
export function isLagging(lag: number | null): boolean {
  return (lag ?? 0) > 0;
}

/** The protocol in words, for the app's header and the list. */
export function protocolLabel(protocol: StreamsProtocol): string {
  return protocol === 'streams' ? 'streams group' : 'classic';
}

/** What the protocol means for what the console can show, told in the protocol's tooltip. */
export function protocolExplanation(protocol: StreamsProtocol): string {
  return protocol === 'streams'
    ? 'A streams group (KIP-1071): the broker itself describes its sub-topologies, members and task assignment.'
    : 'A classic consumer group, recognised as a Streams app by its internal topic names ' +
        '(<application.id>-…-changelog, -repartition). The broker does not know its topology: ' +
        'sub-topologies and tasks show once the app joins with group.protocol=streams.';
}

/** How a changelog's retention reads against the broker default. */
export interface RetentionVerdict {
  /** The retention in words, e.g. `7 d`, `forever`, `compacted`. */
  label: string;
  /** `infinite`: deleted segments never expire; `longer`: kept longer than the broker default. */
  flag?: 'infinite' | 'longer';
  /** Why, in a sentence for the tooltip. */
  reason: string;
}

/**
 * A compacted changelog keeps the latest record per key whatever its retention, so retention
 * only matters when it also deletes (windowed and session stores, whose old segments must
 * go): there, a retention of forever lets it grow without end, and one longer than the broker
 * default keeps more than the windows need and makes every restore read it.
 */
export function retentionVerdict(
  store: Pick<StreamsStore, 'windowed' | 'cleanupPolicy' | 'retentionMs' | 'brokerDefaultRetentionMs'>,
): RetentionVerdict {
  const deletes =
    store.cleanupPolicy === null
      ? store.windowed
      : store.cleanupPolicy
          .split(',')
          .map((p) => p.trim())
          .includes('delete');
  const brokerDefault = formatRetention(store.brokerDefaultRetentionMs);
  if (!deletes) {
    return { label: 'compacted', reason: 'Compacted only: the latest record of each key stays, whatever the retention.' };
  }
  const label = formatRetention(store.retentionMs);
  if (store.retentionMs === null || store.retentionMs < 0) {
    return {
      label,
      flag: 'infinite',
      reason: `Old segments are never deleted, so the changelog and every restore grow without end (broker default ${brokerDefault}).`,
    };
  }
  const defaultMs = store.brokerDefaultRetentionMs;
  if (defaultMs !== null && defaultMs >= 0 && store.retentionMs > defaultMs) {
    return {
      label,
      flag: 'longer',
      reason: `Kept longer than the broker default of ${brokerDefault}: more than the windows need, and a restore reads all of it.`,
    };
  }
  return { label, reason: `Within the broker default of ${brokerDefault}.` };
}

/** How long a full restore would take, or a dash when it cannot be told. */
export function restoreLabel(store: Pick<StreamsStore, 'restoreSeconds'>): string {
  return store.restoreSeconds === null ? '—' : formatDuration(store.restoreSeconds);
}

/** How the restore time was estimated, for its tooltip. */
export function restoreExplanation(store: Pick<StreamsStore, 'records' | 'restoreRate' | 'restoreSeconds'>): string {
  if (store.restoreSeconds === null || store.restoreRate === null) {
    return 'Unknown until the changelog exists and the console has measured how fast it reads it.';
  }
  return (
    `${formatCount(store.records)} records in the changelog at ${formatRate(store.restoreRate)}, the rate the console read it at: ` +
    'how long an instance that lost its local state would take to rebuild the store from scratch. ' +
    'The app also writes each record to RocksDB, so its own restore can be slower; standby replicas avoid it.'
  );
}
