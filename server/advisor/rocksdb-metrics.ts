import type { ClusterConfig } from '../kafka/clusters-config';
import { applicationOf } from '../metrics/client-ids';
import type { PrometheusSample } from '../metrics/prometheus-text';
import { readEndpoints } from './endpoint-scrape';

/** What a Streams app's RocksDB stores report through its JMX metrics, over every endpoint that serves them. */
export interface ReportedRocksDb {
  /** The Prometheus endpoints (instances) its stores were read from. */
  endpoints: string[];
  /** `block-cache-usage`, a cache shared by several stores counted once. */
  blockCacheUsageBytes: number;
  /** `size-all-mem-tables`, summed. */
  memtableBytes: number;
  /** Store instances that report a block cache (a window store before its first segment does not). */
  storeInstances: number;
  /** Each instance's block cache when every store of it shares one (a config setter bounds them); null when each store has its own. */
  sharedCacheBytes: number | null;
  /** The largest `block-cache-capacity` a store reports: its own cache, or the shared one. */
  largestCacheBytes: number;
}

/** The RocksDB memory each app reports, and the endpoints that could not be read with why. */
export interface ReportedRocksDbs {
  byApp: Map<string, ReportedRocksDb>;
  /** `<endpoint>: <why>`. */
  unreadable: string[];
}

/** Reads the cluster's Streams endpoints (`prometheus:` of kind `streams`) once, now, by application. */
export async function readReportedRocksDb(cluster: ClusterConfig): Promise<ReportedRocksDbs> {
  const { scraped, unreadable } = await readEndpoints(cluster, ['streams'], (name) => name.startsWith('kafka_streams_rocksdb_'));
  return { byApp: rocksDbMemoryByApp(scraped), unreadable };
}

/**
 * RocksDB's reported memory by application (the stream thread's id names it). Kafka Streams
 * reports a cache shared by several stores under every one of them, so within an endpoint the
 * stores reporting the very same usage and capacity are one cache (as the charts count them).
 */
export function rocksDbMemoryByApp(
  scraped: readonly { endpoint: string; samples: readonly PrometheusSample[] }[],
): Map<string, ReportedRocksDb> {
  const apps = new Map<string, { endpoints: Set<string>; memtables: number; stores: Map<string, { usage?: number; capacity?: number }> }>();
  for (const { endpoint, samples } of scraped) {
    for (const sample of samples) {
      if (!Number.isFinite(sample.value)) continue;
      const thread = sample.labels['thread_id'] ?? '';
      const applicationId = applicationOf(thread);
      let app = apps.get(applicationId);
      if (!app) apps.set(applicationId, (app = { endpoints: new Set(), memtables: 0, stores: new Map() }));
      app.endpoints.add(endpoint);
      const key = [endpoint, thread, sample.labels['task_id'], sample.labels['store']].join('\u0000');
      const store = app.stores.get(key) ?? {};
      app.stores.set(key, store);
      if (sample.name === 'kafka_streams_rocksdb_size_all_mem_tables_bytes') app.memtables += sample.value;
      if (sample.name === 'kafka_streams_rocksdb_block_cache_usage_bytes') store.usage = sample.value;
      if (sample.name === 'kafka_streams_rocksdb_block_cache_capacity_bytes') store.capacity = sample.value;
    }
  }
  const result = new Map<string, ReportedRocksDb>();
  for (const [applicationId, app] of apps) {
    const caches = new Map<string, { usage: number; capacity: number }>();
    const cachesByEndpoint = new Map<string, Set<string>>();
    let storeInstances = 0;
    for (const [key, store] of app.stores) {
      if (store.usage === undefined || !store.capacity) continue;
      storeInstances += 1;
      const endpoint = key.split('\u0000')[0]!;
      const cache = `${endpoint}\u0000${store.usage}/${store.capacity}`;
      caches.set(cache, { usage: store.usage, capacity: store.capacity });
      cachesByEndpoint.set(endpoint, (cachesByEndpoint.get(endpoint) ?? new Set()).add(cache));
    }
    const capacities = [...caches.values()].map((cache) => cache.capacity);
    const largestCacheBytes = Math.max(0, ...capacities);
    // Stores with caches of their own that were never read all report 0 used: alike, but not shared.
    const shared =
      storeInstances > cachesByEndpoint.size &&
      [...cachesByEndpoint.values()].every((one) => one.size === 1 && caches.get([...one][0]!)!.usage > 0);
    result.set(applicationId, {
      endpoints: [...app.endpoints].sort(),
      blockCacheUsageBytes: [...caches.values()].reduce((total, cache) => total + cache.usage, 0),
      memtableBytes: app.memtables,
      storeInstances,
      sharedCacheBytes: shared ? largestCacheBytes : null,
      largestCacheBytes,
    });
  }
  return result;
}
