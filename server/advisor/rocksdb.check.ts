import { ConfigError, type ClusterConfig } from '../kafka/clusters-config';
import { ROCKSDB_DEFAULTS, rocksDbStoreBytes, type Evidence, type Finding } from './advisor.model';
import type { AdvisorCheck, CheckResult } from './advisor.service';
import { boundedConfigSetter } from './rocksdb-config-setter';
import { readReportedRocksDb, type ReportedRocksDb, type ReportedRocksDbs } from './rocksdb-metrics';
import { MiB, mib, streamsAppLink, thousands } from './advisor-words';
import type { StoreFacts, StreamsAppFacts, StreamsFacts } from './streams-facts';

/** Off-heap memory RocksDB may take per app instance when `KPC_ROCKSDB_BUDGET_MB` is unset. */
export const DEFAULT_ROCKSDB_BUDGET_MB = 512;

/**
 * Segments of a windowed store: Kafka Streams' default (retention ÷ segment interval + 1, the
 * interval half the retention, at least a minute), since no app reports its own.
 */
export const WINDOWED_SEGMENTS = 3;

/** One store's share of the estimate, as the page's calculator takes it. */
export interface StoreEstimate {
  store: string;
  windowed: boolean;
  partitions: number;
  segments: number;
  bytes: number;
}

/**
 * `KPC_ROCKSDB_BUDGET_MB`: the off-heap memory an operator allows RocksDB per instance of a
 * Streams app, in MiB (16 to 1,048,576); 512 unset. A value out of range stops the console
 * with one line saying what it takes.
 */
export function rocksDbBudgetBytes(env: NodeJS.ProcessEnv = process.env): number {
  const text = env['KPC_ROCKSDB_BUDGET_MB']?.trim();
  if (!text) return DEFAULT_ROCKSDB_BUDGET_MB * MiB;
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= 16 && value <= 1_048_576))
    throw new ConfigError(`KPC_ROCKSDB_BUDGET_MB must be a whole number of MiB from 16 to 1048576, not "${text}"`);
  return value * MiB;
}

/**
 * The RocksDB lesson: per Streams app, the off-heap memory its stores may take with Kafka
 * Streams' defaults (see {@link rocksDbStoreBytes}), against what its JMX metrics report and
 * the budget per instance; over the budget, a bounded `rocksdb.config.setter` as the fix.
 */
export class RocksDbCheck implements AdvisorCheck {
  readonly rule = 'rocksdb' as const;

  constructor(
    private readonly streams: StreamsFacts,
    private readonly budgetBytes: number = rocksDbBudgetBytes(),
  ) {}

  async check(cluster: ClusterConfig): Promise<CheckResult> {
    const [{ apps, unread }, reported] = await Promise.all([this.streams.read(cluster), readReportedRocksDb(cluster)]);
    const findings = apps.map((app) => rocksDbFinding(cluster.name, app, reported, this.budgetBytes));
    return {
      findings: findings.filter((finding) => finding !== undefined),
      skipped: unread.map((reason) => ({ rule: this.rule, reason })),
    };
  }
}

/** Each store with a changelog, sized; a store whose changelog does not exist yet has no partitions to count and is left out. */
export function storeEstimates(stores: readonly StoreFacts[]): StoreEstimate[] {
  return stores
    .filter((store) => store.partitions !== null && store.partitions > 0)
    .map((store) => {
      const segments = store.windowed ? WINDOWED_SEGMENTS : 1;
      const partitions = store.partitions!;
      return {
        store: store.name,
        windowed: store.windowed,
        partitions,
        segments,
        bytes: rocksDbStoreBytes({ ...ROCKSDB_DEFAULTS, partitions, segments }),
      };
    });
}

/**
 * A warning when the app's stores may take more than the budget per instance with the
 * defaults; only worth knowing (info) when its metrics show every store sharing one cache
 * within the budget, as a bounded config setter makes them. Undefined within the budget.
 */
export function rocksDbFinding(
  cluster: string,
  app: StreamsAppFacts,
  reported: ReportedRocksDbs,
  budgetBytes: number,
): Finding | undefined {
  const estimates = storeEstimates(app.stores);
  const total = estimates.reduce((sum, estimate) => sum + estimate.bytes, 0);
  const instances = Math.max(1, app.instances);
  const perInstance = total / instances;
  if (perInstance <= budgetBytes) return undefined;
  const own = reported.byApp.get(app.applicationId);
  const bounded = own?.sharedCacheBytes != null && own.sharedCacheBytes <= budgetBytes;
  const perInstanceText = instances > 1 ? `${mib(perInstance)} per instance (${mib(total)} over ${instances})` : mib(total);
  return {
    id: `rocksdb:${app.applicationId}`,
    rule: 'rocksdb',
    severity: bounded ? 'info' : 'warning',
    subject: { kind: 'streams-app', name: app.applicationId },
    title: bounded
      ? `${app.applicationId}: RocksDB would take ${perInstanceText} off-heap with Kafka Streams' defaults; the app bounds it with one shared ${mib(own.sharedCacheBytes!)} cache`
      : `${app.applicationId}: RocksDB may take ${perInstanceText} off-heap with Kafka Streams' defaults, over the ${mib(budgetBytes)} budget`,
    evidence: [
      {
        label: "estimate with Kafka Streams' defaults",
        value: mib(total),
        source: `${estimates.length} stores: (write_buffer_size ${mib(ROCKSDB_DEFAULTS.writeBufferSizeBytes)} × max_write_buffer_number ${ROCKSDB_DEFAULTS.maxWriteBufferNumber} + block_cache_size ${mib(ROCKSDB_DEFAULTS.blockCacheSizeBytes)}) per store instance × partitions × segments`,
      },
      ...estimates.map(storeEvidence),
      { label: 'instances', value: String(app.instances), source: "the app's group: its members, by process (none running counts as one)" },
      { label: 'budget per instance', value: mib(budgetBytes), source: `KPC_ROCKSDB_BUDGET_MB (default ${DEFAULT_ROCKSDB_BUDGET_MB})` },
      ...reportedEvidence(own, reported.unreadable, estimates),
    ],
    fix: {
      target: 'streams-app',
      summary: `Bound RocksDB with one block cache and one write-buffer manager shared by every store: ${mib(budgetBytes)} per instance, a quarter of it for memtables`,
      config: boundedConfigSetter(budgetBytes),
      why:
        "RocksDB's memory is off the JVM heap: -Xmx does not bound it, so it grows with every store, partition and segment " +
        'until the container goes over its memory limit and is killed, with no Java error to say why. A shared cache caps it at ' +
        'the budget; the cost is that stores compete for that cache, so more reads go to disk, and memtables flush sooner.',
    },
    link: streamsAppLink(cluster, app.applicationId),
  };
}

/**
 * `store <name>`: `882 MiB (windowed: 3 partitions × 3 segments × 98 MiB)` or
 * `294 MiB (key-value: 3 partitions × 1 segment × 98 MiB)`; the page's calculator reads these.
 */
function storeEvidence(estimate: StoreEstimate): Evidence {
  const perInstance = mib(estimate.bytes / estimate.partitions / estimate.segments);
  const segments = `${estimate.segments} segment${estimate.segments === 1 ? '' : 's'}`;
  return {
    label: `store ${estimate.store}`,
    value: `${mib(estimate.bytes)} (${estimate.windowed ? 'windowed' : 'key-value'}: ${estimate.partitions} partitions × ${segments} × ${perInstance})`,
    source: estimate.windowed
      ? `partitions of its changelog; segments: Kafka Streams' default for windowed stores (${WINDOWED_SEGMENTS}), as no app reports its own`
      : 'partitions of its changelog',
  };
}

/** What the app's JMX metrics say of RocksDB's memory, and the estimate with the app's own block cache. */
function reportedEvidence(own: ReportedRocksDb | undefined, unreadable: string[], estimates: StoreEstimate[]): Evidence[] {
  if (!own) {
    return [
      {
        label: 'reported by the app',
        value: 'not reported',
        source: unreadable.length
          ? `no Prometheus endpoint of kind streams reported its stores; unread: ${unreadable.join('; ')}`
          : 'no Prometheus endpoint of kind streams in the cluster configuration reports its stores',
      },
    ];
  }
  const from = `the app's JMX metrics from ${own.endpoints.join(', ')}, read now`;
  const reported: Evidence = {
    label: 'reported by the app',
    value: `${mib(own.blockCacheUsageBytes + own.memtableBytes)} (block cache ${mib(own.blockCacheUsageBytes)} + memtables ${mib(own.memtableBytes)})`,
    source: `block-cache-usage and size-all-mem-tables: ${from}`,
  };
  if (own.sharedCacheBytes !== null) {
    return [
      reported,
      {
        label: "the app's own block cache",
        value: `one ${mib(own.sharedCacheBytes)} cache shared by its ${thousands(own.storeInstances)} store instances`,
        source: `block-cache-capacity: ${from}`,
      },
    ];
  }
  if (!own.largestCacheBytes || own.largestCacheBytes === ROCKSDB_DEFAULTS.blockCacheSizeBytes) return [reported];
  const withOwnCache = estimates.reduce(
    (sum, estimate) =>
      sum +
      rocksDbStoreBytes({
        ...ROCKSDB_DEFAULTS,
        blockCacheSizeBytes: own.largestCacheBytes,
        partitions: estimate.partitions,
        segments: estimate.segments,
      }),
    0,
  );
  return [
    reported,
    {
      label: "estimate with the app's own block cache",
      value: `${mib(withOwnCache)} (${mib(own.largestCacheBytes)} per store instance)`,
      source: `block-cache-capacity: ${from}; write buffers at the defaults, which the metrics do not report`,
    },
  ];
}
