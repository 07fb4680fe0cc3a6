/**
 * The Prometheus JMX exporter (io.prometheus.jmx:jmx_prometheus_javaagent, fetched by jars.ts)
 * that every JVM of the stack runs as a Java agent, so the console can scrape and chart what
 * the broker, Connect and the demo's Streams app measure of themselves (server/metrics).
 *
 * Each kind of JVM gets rules of its own, keeping only the MBeans the console's charts use:
 * `includeObjectNames` limits the MBeans the agent reads on a scrape (a broker has thousands,
 * one per topic and partition), and the rules keep only the attributes charted, under plain
 * names. A scrape is then a few dozen lines besides the agent's own JVM figures.
 */

/** What a Prometheus endpoint belongs to; the same words as the cluster configuration's `kind`. */
export type PrometheusEndpointKind = 'broker' | 'connect' | 'streams';

/** A Prometheus endpoint of the stack, as a cluster's configuration lists it (`prometheus:`). */
export interface PrometheusEndpoint {
  name: string;
  kind: PrometheusEndpointKind;
  url: string;
}

/**
 * The agent's JVM argument in its 1.0.1 syntax, `-javaagent:<jar>=[host:]<port>:<config.yaml>`:
 * bound to loopback, as every other port of the stack.
 */
export function jmxExporterAgent(jarFile: string, port: number, configFile: string): string {
  return `-javaagent:${jarFile}=127.0.0.1:${port}:${configFile}`;
}

/** Where the agent listening on `port` serves its metrics. */
export function metricsUrl(port: number): string {
  return `http://127.0.0.1:${port}/metrics`;
}

/** The rules of a broker: bytes in and out, and the Produce and consumer Fetch request time p99. */
export function brokerExporterConfig(): string {
  return exporterConfig({
    includeObjectNames: [
      // The broker-wide meters only: the per-topic ones carry a `topic` key and are not matched.
      'kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec',
      'kafka.server:type=BrokerTopicMetrics,name=BytesOutPerSec',
      'kafka.network:type=RequestMetrics,name=TotalTimeMs,request=Produce',
      // Fetch requests are measured apart for consumers and for follower replicas.
      'kafka.network:type=RequestMetrics,name=TotalTimeMs,request=FetchConsumer',
    ],
    rules: [
      {
        pattern: 'kafka.server<type=BrokerTopicMetrics, name=BytesInPerSec><>Count',
        name: 'kafka_server_bytes_in_total',
        help: 'Bytes written to the broker by clients (Yammer meter count)',
        type: 'COUNTER',
      },
      {
        pattern: 'kafka.server<type=BrokerTopicMetrics, name=BytesOutPerSec><>Count',
        name: 'kafka_server_bytes_out_total',
        help: 'Bytes read from the broker by clients, replication excluded (Yammer meter count)',
        type: 'COUNTER',
      },
      {
        pattern: 'kafka.network<type=RequestMetrics, name=TotalTimeMs, request=(Produce|FetchConsumer)><>99thPercentile',
        name: 'kafka_network_request_total_time_ms_p99',
        help: "A request's total time in the broker, 99th percentile (ms)",
        labels: { request: '$1' },
        type: 'GAUGE',
      },
    ],
  });
}

/** The rules of a Connect worker: tasks by status per connector, source and sink record counts, its producers and consumers. */
export function connectExporterConfig(): string {
  return exporterConfig({
    includeObjectNames: [
      'kafka.connect:type=connect-worker-metrics,connector=*',
      'kafka.connect:type=source-task-metrics,connector=*,task=*',
      'kafka.connect:type=sink-task-metrics,connector=*,task=*',
      'kafka.producer:type=producer-metrics,client-id=*',
      ...CONSUMER_OBJECT_NAMES,
    ],
    rules: [
      {
        pattern:
          'kafka.connect<type=connect-worker-metrics, connector=(.+)><>connector-(running|paused|failed|unassigned|restarting|destroyed)-task-count',
        name: 'kafka_connect_connector_tasks',
        help: "A connector's tasks on this worker in one status",
        labels: { connector: '$1', status: '$2' },
        type: 'GAUGE',
      },
      {
        pattern: 'kafka.connect<type=source-task-metrics, connector=(.+), task=(.+)><>source-record-write-total',
        name: 'kafka_connect_source_task_records_written_total',
        help: 'Records a source task wrote to Kafka (after transformations)',
        labels: { connector: '$1', task: '$2' },
        type: 'COUNTER',
      },
      {
        pattern: 'kafka.connect<type=sink-task-metrics, connector=(.+), task=(.+)><>sink-record-send-total',
        name: 'kafka_connect_sink_task_records_sent_total',
        help: 'Records a sink task put to its system (after transformations)',
        labels: { connector: '$1', task: '$2' },
        type: 'COUNTER',
      },
      PRODUCER_RULE,
      ...CONSUMER_RULES,
    ],
  });
}

/**
 * The rules of a Kafka Streams app: each stream thread's process count and latency and commit
 * latency, each RocksDB store's block cache and memtables, and its producers and consumers.
 */
export function streamsExporterConfig(): string {
  return exporterConfig({
    includeObjectNames: [
      'kafka.streams:type=stream-thread-metrics,thread-id=*',
      // One MBean per store and task; its keys name the thread, the task and the store.
      'kafka.streams:type=stream-state-metrics,*',
      'kafka.producer:type=producer-metrics,client-id=*',
      ...CONSUMER_OBJECT_NAMES,
    ],
    rules: [
      {
        pattern: 'kafka.streams<type=stream-thread-metrics, thread-id=(.+)><>process-total',
        name: 'kafka_streams_thread_process_total',
        help: 'Records a stream thread processed',
        labels: { thread_id: '$1' },
        type: 'COUNTER',
      },
      {
        pattern: 'kafka.streams<type=stream-thread-metrics, thread-id=(.+)><>(process|commit)-latency-(avg|max)',
        name: 'kafka_streams_thread_$2_latency_$3_ms',
        help: "A stream thread's process or commit latency over the metrics window (ms)",
        labels: { thread_id: '$1' },
        type: 'GAUGE',
      },
      {
        // Key-value, window and session stores name their id key apart.
        pattern:
          'kafka.streams<type=stream-state-metrics, thread-id=(.+), task-id=(.+), rocksdb-(?:window-|session-)?state-id=(.+)><>(block-cache-usage|block-cache-capacity|size-all-mem-tables)',
        name: 'kafka_streams_rocksdb_$4_bytes',
        help: "A RocksDB store's block cache (shared caches are reported by each store) and memtables (bytes)",
        labels: { thread_id: '$1', task_id: '$2', store: '$3' },
        type: 'GAUGE',
      },
      PRODUCER_RULE,
      ...CONSUMER_RULES,
    ],
  });
}

/**
 * A consumer's client-wide MBeans (the fetch manager's per-topic ones carry a `topic` key and are
 * not matched): what the Advisor weighs `max.poll.records` and the commit interval against.
 */
const CONSUMER_OBJECT_NAMES = [
  'kafka.consumer:type=consumer-metrics,client-id=*',
  'kafka.consumer:type=consumer-fetch-manager-metrics,client-id=*',
  'kafka.consumer:type=consumer-coordinator-metrics,client-id=*',
];

const CONSUMER_RULES: ExporterRule[] = [
  {
    pattern: 'kafka.consumer<type=consumer-metrics, client-id=(.+)><>time-between-poll-(avg|max)',
    name: 'kafka_consumer_time_between_poll_$2_ms',
    help: "The time between a consumer's calls to poll() over the metrics window (ms)",
    labels: { client_id: '$1' },
    type: 'GAUGE',
  },
  {
    pattern: 'kafka.consumer<type=consumer-metrics, client-id=(.+)><>poll-idle-ratio-avg',
    name: 'kafka_consumer_poll_idle_ratio',
    help: 'The share of its time a consumer spends waiting in poll() for records, not processing them',
    labels: { client_id: '$1' },
    type: 'GAUGE',
  },
  {
    pattern: 'kafka.consumer<type=consumer-fetch-manager-metrics, client-id=(.+)><>records-consumed-rate',
    name: 'kafka_consumer_records_consumed_rate',
    help: 'Records a consumer returned from poll() per second, over the metrics window',
    labels: { client_id: '$1' },
    type: 'GAUGE',
  },
  {
    pattern: 'kafka.consumer<type=consumer-coordinator-metrics, client-id=(.+)><>commit-rate',
    name: 'kafka_consumer_commit_rate',
    help: 'Offset commits a consumer made per second, over the metrics window',
    labels: { client_id: '$1' },
    type: 'GAUGE',
  },
];

const PRODUCER_RULE: ExporterRule = {
  pattern: 'kafka.producer<type=producer-metrics, client-id=(.+)><>(batch-size-avg|record-size-avg)',
  name: 'kafka_producer_$2_bytes',
  help: "A producer's average batch and record size over the metrics window (bytes)",
  labels: { client_id: '$1' },
  type: 'GAUGE',
};

interface ExporterRule {
  pattern: string;
  name: string;
  help: string;
  labels?: Record<string, string>;
  type: 'COUNTER' | 'GAUGE';
}

/** The agent's YAML. Written as JSON, which YAML reads as it is: nothing needs quoting by hand. */
function exporterConfig(config: { includeObjectNames: string[]; rules: ExporterRule[] }): string {
  return `# Generated by server/local-stack/jmx-exporter.ts; rewritten on every start.\n${JSON.stringify(
    {
      // MBean attributes keep their names; the rules give the metrics theirs.
      lowercaseOutputName: false,
      includeObjectNames: config.includeObjectNames,
      rules: config.rules,
    },
    null,
    2,
  )}\n`;
}
