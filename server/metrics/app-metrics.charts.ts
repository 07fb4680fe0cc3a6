import type { AppChart, EndpointKind } from './metrics.model';
import { applicationOf, ownerOf, withoutIds } from './client-ids';
import type { PrometheusSample } from './prometheus-text';

/**
 * The application and infrastructure charts and what each reads of a scrape. The metric names
 * are those the local stack's JMX exporter rules give (server/local-stack/jmx-exporter.ts);
 * an operator's own agents use the same rules.
 */
export const APP_CHARTS = [
  { id: 'broker-bytes-in', title: 'Bytes in', section: 'Brokers', unit: 'bytes/s', kinds: ['broker'] },
  { id: 'broker-bytes-out', title: 'Bytes out (to clients)', section: 'Brokers', unit: 'bytes/s', kinds: ['broker'] },
  { id: 'broker-produce-p99', title: 'Produce request time, p99', section: 'Brokers', unit: 'ms', kinds: ['broker'] },
  { id: 'broker-fetch-p99', title: 'Fetch request time (consumers), p99', section: 'Brokers', unit: 'ms', kinds: ['broker'] },
  { id: 'connect-tasks', title: 'Tasks by status', section: 'Connect', unit: 'tasks', kinds: ['connect'] },
  { id: 'connect-source-rate', title: 'Source records written to Kafka', section: 'Connect', unit: 'records/s', kinds: ['connect'] },
  { id: 'connect-sink-rate', title: 'Sink records sent', section: 'Connect', unit: 'records/s', kinds: ['connect'] },
  { id: 'streams-process-rate', title: 'Process rate', section: 'Streams', unit: 'records/s', kinds: ['streams'] },
  { id: 'streams-process-latency', title: 'Process latency', section: 'Streams', unit: 'ms', kinds: ['streams'] },
  { id: 'streams-commit-latency', title: 'Commit latency', section: 'Streams', unit: 'ms', kinds: ['streams'] },
  { id: 'streams-rocksdb-block-cache', title: 'RocksDB block cache usage', section: 'Streams', unit: 'bytes', kinds: ['streams'] },
  { id: 'streams-rocksdb-memtables', title: 'RocksDB memtables', section: 'Streams', unit: 'bytes', kinds: ['streams'] },
  { id: 'consumer-records-rate', title: 'Records consumed', section: 'Consumers', unit: 'records/s', kinds: ['connect', 'streams'] },
  { id: 'consumer-poll-gap', title: 'Longest time between polls', section: 'Consumers', unit: 'ms', kinds: ['connect', 'streams'] },
  { id: 'consumer-commit-rate', title: 'Offset commits a second', section: 'Consumers', unit: 'count', kinds: ['connect', 'streams'] },
  {
    id: 'producer-batch-vs-record-size',
    title: 'Batch size vs record size (averages)',
    section: 'Producers',
    unit: 'bytes',
    kinds: ['connect', 'streams'],
  },
] as const satisfies readonly (Omit<AppChart, 'series'> & { kinds: readonly EndpointKind[] })[];

export type AppChartId = (typeof APP_CHARTS)[number]['id'];

/** One number a scrape gave for one line of one chart. */
export interface Reading {
  chart: AppChartId;
  /** The line's label: a broker, a connector, an application, a status... */
  line: string;
  value: number;
  /** How several readings of one line (tasks, threads, workers, instances) make its one value. */
  combine: 'sum' | 'mean' | 'max';
  /**
   * Set for a counter, naming it within its endpoint: the line then charts its rate per second
   * since the previous scrape, not the count.
   */
  counter?: string;
}

/** The task statuses charted, in Kafka Connect's words (`destroyed` is a moment in a shutdown). */
const TASK_STATUSES = ['running', 'paused', 'failed', 'unassigned', 'restarting'];

/** What a scrape of an endpoint gives the charts; samples of other names are ignored. */
export function readingsOf(kind: EndpointKind, endpoint: string, samples: readonly PrometheusSample[]): Reading[] {
  const readings: Reading[] = [];
  const add = (reading: Reading) => {
    if (Number.isFinite(reading.value)) readings.push(reading);
  };
  const label = (sample: PrometheusSample, name: string) => sample.labels[name] ?? '';

  if (kind === 'broker') {
    for (const sample of samples) {
      const { value } = sample;
      if (sample.name === 'kafka_server_bytes_in_total') {
        add({ chart: 'broker-bytes-in', line: endpoint, value, combine: 'sum', counter: 'bytes-in' });
      } else if (sample.name === 'kafka_server_bytes_out_total') {
        add({ chart: 'broker-bytes-out', line: endpoint, value, combine: 'sum', counter: 'bytes-out' });
      } else if (sample.name === 'kafka_network_request_total_time_ms_p99') {
        const request = label(sample, 'request');
        if (request === 'Produce') add({ chart: 'broker-produce-p99', line: endpoint, value, combine: 'max' });
        if (request === 'FetchConsumer') add({ chart: 'broker-fetch-p99', line: endpoint, value, combine: 'max' });
      }
    }
  }

  if (kind === 'connect') {
    // A worker without connectors has no per-connector metrics: it still runs 0 tasks of each status.
    for (const status of TASK_STATUSES) add({ chart: 'connect-tasks', line: status, value: 0, combine: 'sum' });
    for (const sample of samples) {
      const { value } = sample;
      const connector = label(sample, 'connector');
      const task = `${connector}\u0000${label(sample, 'task')}`;
      if (sample.name === 'kafka_connect_connector_tasks') {
        const status = label(sample, 'status');
        if (TASK_STATUSES.includes(status)) add({ chart: 'connect-tasks', line: status, value, combine: 'sum' });
      } else if (sample.name === 'kafka_connect_source_task_records_written_total') {
        add({ chart: 'connect-source-rate', line: connector, value, combine: 'sum', counter: `source\u0000${task}` });
      } else if (sample.name === 'kafka_connect_sink_task_records_sent_total') {
        add({ chart: 'connect-sink-rate', line: connector, value, combine: 'sum', counter: `sink\u0000${task}` });
      }
    }
  }

  if (kind === 'streams') {
    for (const sample of samples) {
      const { value } = sample;
      const thread = label(sample, 'thread_id');
      const app = applicationOf(thread);
      switch (sample.name) {
        case 'kafka_streams_thread_process_total':
          add({ chart: 'streams-process-rate', line: app, value, combine: 'sum', counter: `process\u0000${thread}` });
          break;
        case 'kafka_streams_thread_process_latency_avg_ms':
          add({ chart: 'streams-process-latency', line: `${app} avg`, value, combine: 'mean' });
          break;
        case 'kafka_streams_thread_process_latency_max_ms':
          add({ chart: 'streams-process-latency', line: `${app} max`, value, combine: 'max' });
          break;
        case 'kafka_streams_thread_commit_latency_avg_ms':
          add({ chart: 'streams-commit-latency', line: `${app} avg`, value, combine: 'mean' });
          break;
        case 'kafka_streams_thread_commit_latency_max_ms':
          add({ chart: 'streams-commit-latency', line: `${app} max`, value, combine: 'max' });
          break;
        case 'kafka_streams_rocksdb_size_all_mem_tables_bytes':
          add({ chart: 'streams-rocksdb-memtables', line: endpoint, value, combine: 'sum' });
          break;
      }
    }
    const blockCache = blockCacheBytes(samples);
    if (blockCache !== undefined) add({ chart: 'streams-rocksdb-block-cache', line: endpoint, value: blockCache, combine: 'sum' });
  }

  if (kind === 'connect' || kind === 'streams') {
    for (const sample of samples) {
      // The consumers of a group are one line, named as people name the group (see ownerOf).
      const owner = sample.name.startsWith('kafka_consumer_') ? ownerOf(label(sample, 'client_id')) : null;
      if (owner && sample.name === 'kafka_consumer_records_consumed_rate') {
        add({ chart: 'consumer-records-rate', line: owner.name, value: sample.value, combine: 'sum' });
      } else if (owner && sample.name === 'kafka_consumer_time_between_poll_max_ms') {
        add({ chart: 'consumer-poll-gap', line: owner.name, value: sample.value, combine: 'max' });
      } else if (owner && sample.name === 'kafka_consumer_commit_rate') {
        add({ chart: 'consumer-commit-rate', line: owner.name, value: sample.value, combine: 'sum' });
      }
      const client = withoutIds(label(sample, 'client_id'));
      if (sample.name === 'kafka_producer_batch_size_avg_bytes') {
        add({ chart: 'producer-batch-vs-record-size', line: `${client} batch`, value: sample.value, combine: 'mean' });
      } else if (sample.name === 'kafka_producer_record_size_avg_bytes') {
        add({ chart: 'producer-batch-vs-record-size', line: `${client} record`, value: sample.value, combine: 'mean' });
      }
    }
  }
  return readings;
}

/**
 * The block cache bytes of one Streams JVM. Kafka Streams reports a cache shared by several
 * stores (as the demo's BoundedRocksDbMemory, the advised bounded setup, shares one) under every
 * one of them, so stores reporting the very same usage and capacity are counted as one cache;
 * stores without a cache (a window store before its first segment) report capacity 0.
 */
function blockCacheBytes(samples: readonly PrometheusSample[]): number | undefined {
  const capacities = new Map<string, number>();
  for (const sample of samples) {
    if (sample.name === 'kafka_streams_rocksdb_block_cache_capacity_bytes') capacities.set(storeKey(sample), sample.value);
  }
  const caches = new Set<string>();
  let total: number | undefined;
  for (const sample of samples) {
    if (sample.name !== 'kafka_streams_rocksdb_block_cache_usage_bytes' || !Number.isFinite(sample.value)) continue;
    const capacity = capacities.get(storeKey(sample));
    total ??= 0;
    if (capacity === 0) continue;
    const cache = capacity === undefined ? storeKey(sample) : `${sample.value}/${capacity}`;
    if (caches.has(cache)) continue;
    caches.add(cache);
    total += sample.value;
  }
  return total;
}

function storeKey(sample: PrometheusSample): string {
  return `${sample.labels['thread_id']}\u0000${sample.labels['task_id']}\u0000${sample.labels['store']}`;
}
