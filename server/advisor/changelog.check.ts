import type { ClusterConfig } from '../kafka/clusters-config';
import type { Evidence, Finding } from './advisor.model';
import type { AdvisorCheck, CheckResult } from './advisor.service';
import { duration, mib, streamsAppLink, thousands, topicLink } from './advisor-words';
import type { StoreFacts, StreamsAppFacts, StreamsFacts } from './streams-facts';

/** A restore longer than this keeps the store's partitions from processing long enough to matter. */
export const RESTORE_WARNING_SECONDS = 5 * 60;

/** The restore rate assumed where the console could not measure one: a conservative figure for one stream thread. */
export const DEFAULT_RESTORE_RATE = 10_000;

/** Kafka Streams' `changelog.additional.retention.ms` default: a windowed changelog keeps a day past window + grace. */
export const ADDITIONAL_RETENTION_MS = 86_400_000;

/** A changelog keeping this many times what the app asks for keeps mostly windows the store has dropped. */
const FAR_MORE = 2;

/**
 * The changelog lesson: a windowed store's changelog whose retention falls back to the broker's
 * default or is far from window + grace, and stores whose restore from their changelog would
 * take longer than {@link RESTORE_WARNING_SECONDS}.
 */
export class ChangelogCheck implements AdvisorCheck {
  readonly rule = 'changelog' as const;

  constructor(private readonly streams: StreamsFacts) {}

  async check(cluster: ClusterConfig): Promise<CheckResult> {
    const { apps, unread } = await this.streams.read(cluster);
    const findings = apps.flatMap((app) =>
      app.stores.flatMap((store) => [retentionFinding(cluster.name, app, store), restoreFinding(cluster.name, app, store)]),
    );
    return {
      findings: findings.filter((finding) => finding !== undefined),
      skipped: unread.map((reason) => ({ rule: this.rule, reason })),
    };
  }
}

/**
 * A windowed store's changelog that keeps records for a time unrelated to its window: the
 * broker's default (Kafka Streams sets `retention.ms` only on the changelogs it creates), far
 * more than the app asks for, or less. Undefined when the retention fits or the store has no windows.
 */
export function retentionFinding(cluster: string, app: StreamsAppFacts, store: StoreFacts): Finding | undefined {
  if (!store.windowed) return undefined;
  const verdict = retentionVerdict(store);
  if (verdict === undefined) return undefined;
  const { retentionMs: kept, brokerDefaultRetentionMs: brokerDefault, requestedRetentionMs: requested } = store;
  const keptText = kept === null ? 'forever' : duration(kept);
  const tooShort = requested !== null && kept !== null && kept < requested;
  return {
    id: `changelog:retention:${store.changelogTopic}`,
    rule: 'changelog',
    severity: 'warning',
    subject: { kind: 'topic', name: store.changelogTopic },
    title: `${app.applicationId}: changelog of ${store.name} ${verdict}`,
    evidence: [
      {
        label: 'retention.ms',
        value: kept === null ? '-1 (forever)' : `${kept} (${keptText})`,
        source: `topic config of ${store.changelogTopic}`,
      },
      {
        label: 'broker default',
        value: brokerDefault === null ? 'forever' : `${brokerDefault} (${duration(brokerDefault)})`,
        source: "the broker's log.retention.ms / .minutes / .hours",
      },
      windowEvidence(requested),
      ...restoreEvidence(store),
    ],
    fix: {
      target: 'topic',
      summary:
        requested === null
          ? `Set the changelog's retention to the window's size + grace + 1 day (the window is not known here: put in the app's own)`
          : `Set the changelog's retention to what the app asks for`,
      config: `retention.ms=${requested ?? '<window size + grace + 86400000>'}`,
      why: tooShort
        ? 'A restore rebuilds the store from its changelog: windows the changelog dropped while they were still open come back empty, and their results change.'
        : `Kafka Streams drops windows older than window + grace itself; a changelog that keeps them longer makes every restore read, and the brokers keep, records the store throws away. Kafka Streams sets retention.ms only when it creates the changelog: a topic made beforehand, or changed since, keeps its own.`,
    },
    link: topicLink(cluster, store.changelogTopic),
  };
}

/** What is wrong with a windowed changelog's retention, as the end of a title; undefined when it fits. */
function retentionVerdict({ retentionMs: kept, brokerDefaultRetentionMs: brokerDefault, requestedRetentionMs: requested }: StoreFacts) {
  const fallsBack = kept !== null && kept === brokerDefault;
  if (requested === null) {
    if (fallsBack) return `falls back to the broker default retention of ${duration(kept)}`;
    return kept === null ? 'keeps its windows forever' : undefined;
  }
  if (kept === null) return `keeps its windows forever, where the app asks for ${duration(requested)}`;
  if (kept < requested) return `keeps ${duration(kept)}, less than the ${duration(requested)} the app asks for`;
  if (kept < FAR_MORE * requested) return undefined;
  return `keeps ${duration(kept)}${fallsBack ? ' (the broker default)' : ''}, ${ratio(kept / requested)}× the ${duration(requested)} the app asks for`;
}

/** Undefined below {@link RESTORE_WARNING_SECONDS}, or for a changelog that does not exist yet. */
export function restoreFinding(cluster: string, app: StreamsAppFacts, store: StoreFacts): Finding | undefined {
  const seconds = restoreSecondsOf(store);
  if (seconds === null || seconds <= RESTORE_WARNING_SECONDS) return undefined;
  const compacted = !store.windowed;
  const config = [
    '# the Streams app',
    'num.standby.replicas=1',
    `# the changelog topic ${store.changelogTopic}`,
    ...(compacted
      ? // The active segment is never compacted: smaller segments let the cleaner reach the records sooner.
        ['segment.bytes=104857600', 'min.cleanable.dirty.ratio=0.1']
      : [`retention.ms=${store.requestedRetentionMs ?? '<window size + grace + 86400000>'}`]),
  ];
  return {
    id: `changelog:restore:${app.applicationId}/${store.name}`,
    rule: 'changelog',
    severity: 'warning',
    subject: { kind: 'store', name: `${app.applicationId}/${store.name}` },
    title: `${app.applicationId}: restoring ${store.name} would take about ${duration(seconds * 1000)} (${thousands(store.records ?? 0)} records)`,
    evidence: [
      ...restoreEvidence(store),
      { label: 'warning above', value: duration(RESTORE_WARNING_SECONDS * 1000), source: 'the Advisor' },
    ],
    fix: {
      target: 'streams-app',
      summary: compacted
        ? 'Keep a standby replica of the store, and let the changelog compact sooner'
        : 'Keep a standby replica of the store, and keep the changelog no longer than the window needs',
      config: config.join('\n'),
      why:
        `A standby replica keeps a copy of the store up to date on another instance: a failover resumes from it instead of ` +
        `restoring ${thousands(store.records ?? 0)} records, about ${duration(seconds * 1000)} during which the store's partitions ` +
        `process nothing. It costs a second copy's disk and RocksDB memory, and the standby reads the changelog too; with one ` +
        `instance it has nowhere to run. ${compacted ? 'Compacting sooner costs the brokers more cleaner I/O.' : ''}`.trim(),
    },
    link: streamsAppLink(cluster, app.applicationId),
  };
}

/** Seconds a full restore would take: at the measured rate, else at {@link DEFAULT_RESTORE_RATE}; null without a changelog. */
export function restoreSecondsOf(store: Pick<StoreFacts, 'records' | 'restoreRate'>): number | null {
  if (store.records === null) return null;
  return store.records / (store.restoreRate ?? DEFAULT_RESTORE_RATE);
}

function restoreEvidence(store: StoreFacts): Evidence[] {
  const seconds = restoreSecondsOf(store);
  if (seconds === null) return [];
  return [
    {
      label: 'changelog',
      value: `${thousands(store.records ?? 0)} records${store.sizeBytes === null ? '' : `, ${mib(store.sizeBytes)}`}`,
      source: `${store.changelogTopic}: log end − log start over its ${store.partitions ?? '?'} partitions, size on the brokers' disks`,
    },
    store.restoreRate === null
      ? { label: 'restore rate', value: `${thousands(DEFAULT_RESTORE_RATE)} records/s`, source: 'not measured: a stated default' }
      : {
          label: 'restore rate',
          value: `${thousands(store.restoreRate)} records/s`,
          source: 'measured by the console: the changelog read back from its start, one fetch per partition, timed',
        },
    { label: 'restore time', value: duration(seconds * 1000), source: 'records ÷ restore rate' },
  ];
}

function windowEvidence(requested: number | null): Evidence {
  if (requested === null) {
    return {
      label: 'window + grace',
      value: 'not known',
      source: "the broker does not know a classic app's topology, and no topology names window sizes",
    };
  }
  return {
    label: 'retention the app asks for',
    value: `${requested} (${duration(requested)})`,
    source:
      requested >= ADDITIONAL_RETENTION_MS
        ? `the app's topology on the broker (KIP-1071): window + grace ${duration(requested - ADDITIONAL_RETENTION_MS)} + changelog.additional.retention.ms 1 day`
        : "the app's topology on the broker (KIP-1071): window + grace + changelog.additional.retention.ms",
  };
}

function ratio(value: number): string {
  return value >= 10 ? thousands(value) : value.toFixed(1).replace(/\.0$/, '');
}
