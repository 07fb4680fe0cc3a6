import type { ClusterConfig } from '../kafka/clusters-config';
import { ownerOf, type ConsumerOwner } from '../metrics/client-ids';
import type { PrometheusSample } from '../metrics/prometheus-text';
import { readEndpoints } from './endpoint-scrape';

/** One consumer's poll and commit figures over its metrics window, as its JMX metrics report them. */
export interface ConsumerTiming {
  endpoint: string;
  clientId: string;
  owner: ConsumerOwner;
  /** `records-consumed-rate`. */
  recordsPerSecond: number | null;
  /** `time-between-poll-avg` and `-max`. */
  timeBetweenPollAvgMs: number | null;
  timeBetweenPollMaxMs: number | null;
  /** `poll-idle-ratio-avg`: the share of time spent waiting in poll(). */
  pollIdleRatio: number | null;
  /** `commit-rate`. */
  commitsPerSecond: number | null;
  /** A Kafka Streams thread's `process-latency-avg`: the time one record takes, measured by the app. */
  processLatencyMs: number | null;
}

/** The samples read, by the names the JMX exporter rules give (server/local-stack/jmx-exporter.ts). */
const FIGURES: Record<string, keyof ConsumerTiming> = {
  kafka_consumer_records_consumed_rate: 'recordsPerSecond',
  kafka_consumer_time_between_poll_avg_ms: 'timeBetweenPollAvgMs',
  kafka_consumer_time_between_poll_max_ms: 'timeBetweenPollMaxMs',
  kafka_consumer_poll_idle_ratio: 'pollIdleRatio',
  kafka_consumer_commit_rate: 'commitsPerSecond',
};
const PROCESS_LATENCY = 'kafka_streams_thread_process_latency_avg_ms';

/** The consumers' timing and the endpoints that could not be read, with why. */
export interface ConsumerTimings {
  consumers: ConsumerTiming[];
  /** Endpoints of kinds that run consumers (Connect, Streams) the cluster lists. */
  endpoints: number;
  unreadable: string[];
}

/** Reads the cluster's Connect and Streams endpoints once, now, for their consumers' poll and commit figures. */
export async function readConsumerTimings(cluster: ClusterConfig): Promise<ConsumerTimings> {
  const kinds = ['connect', 'streams'];
  const endpoints = (cluster.prometheus ?? []).filter((endpoint) => kinds.includes(endpoint.kind)).length;
  const { scraped, unreadable } = await readEndpoints(cluster, kinds, (name) => name in FIGURES || name === PROCESS_LATENCY);
  return { consumers: consumerTimings(scraped), endpoints, unreadable };
}

/** Each consumer whose group its client id names (see {@link ownerOf}); the others are left out. */
export function consumerTimings(scraped: readonly { endpoint: string; samples: readonly PrometheusSample[] }[]): ConsumerTiming[] {
  const consumers = new Map<string, ConsumerTiming>();
  for (const { endpoint, samples } of scraped) {
    const latencies = new Map<string, number>();
    for (const sample of samples) {
      if (sample.name === PROCESS_LATENCY && Number.isFinite(sample.value)) latencies.set(sample.labels['thread_id'] ?? '', sample.value);
    }
    for (const sample of samples) {
      const figure = FIGURES[sample.name];
      const clientId = sample.labels['client_id'];
      const owner = clientId === undefined ? null : ownerOf(clientId);
      if (!figure || !owner || clientId === undefined) continue;
      const key = `${endpoint}\u0000${clientId}`;
      let consumer = consumers.get(key);
      if (!consumer) {
        const thread = owner.kind === 'streams-app' ? clientId.replace(/-consumer$/, '') : undefined;
        consumer = {
          endpoint,
          clientId,
          owner,
          recordsPerSecond: null,
          timeBetweenPollAvgMs: null,
          timeBetweenPollMaxMs: null,
          pollIdleRatio: null,
          commitsPerSecond: null,
          processLatencyMs: thread === undefined ? null : (latencies.get(thread) ?? null),
        };
        consumers.set(key, consumer);
      }
      // NaN is what a metric says before its window saw anything.
      if (Number.isFinite(sample.value)) (consumer[figure] as number | null) = sample.value;
    }
  }
  return [...consumers.values()];
}
