import type { AppMetrics } from '../metrics/metrics.model';
import type { Evidence, Fix } from './advisor.model';

/** What one producer client reports of its batches (`producer-metrics` over JMX, scraped). */
export interface ProducerReading {
  /** The client id, without the process UUIDs Kafka Streams puts in it. */
  client: string;
  batchSizeAvg: number;
  recordSizeAvg: number;
}

/** Who runs a producer, and so where its settings go. */
export interface ProducerOwner {
  target: Extract<Fix['target'], 'producer' | 'streams-app' | 'connector'>;
  /** Kafka Streams passes `producer.`-prefixed settings to its producers; Connect takes `producer.override.` per connector (KIP-458). */
  prefix: '' | 'producer.' | 'producer.override.';
}

const CHART = 'producer-batch-vs-record-size';
const CONNECT_PRODUCER = /^connector-producer-(.+)-\d+$/;
const STREAMS_PRODUCER = /^(.+?)-(?:Global)?StreamThread-\d+-producer$/;
const STREAMS_INTERNAL = /-(?:changelog|repartition)$/;

/**
 * The latest batch-size-avg and record-size-avg of every producer the Prometheus scrapes saw
 * (the chart "Batch size vs record size" draws them), for producers that reported both.
 */
export function producerReadings(metrics: AppMetrics): ProducerReading[] {
  const series = metrics.charts.find((chart) => chart.id === CHART)?.series ?? [];
  const latest = (label: string) => {
    const values = series.find((line) => line.label === label)?.values ?? [];
    return [...values].reverse().find((value) => value !== null) ?? undefined;
  };
  const clients = new Set(series.map((line) => line.label.replace(/ (?:batch|record)$/, '')));
  return [...clients].flatMap((client) => {
    const batchSizeAvg = latest(`${client} batch`);
    const recordSizeAvg = latest(`${client} record`);
    return batchSizeAvg === undefined || recordSizeAvg === undefined ? [] : [{ client, batchSizeAvg, recordSizeAvg }];
  });
}

/**
 * The producers known to write a topic: a source connector's task producers
 * (`connector-producer-<connector>-<task>`) for the topics the connector names, and a Streams
 * app's thread producers (`<application.id>-StreamThread-<n>-producer`) for its internal topics,
 * which carry the application id as a prefix. Any other producer's id does not say what it writes.
 */
export function producersOf(
  topic: string,
  readings: readonly ProducerReading[],
  connectorTopics: ReadonlyMap<string, readonly string[]>,
): ProducerReading[] {
  return readings.filter(({ client }) => {
    const connector = CONNECT_PRODUCER.exec(client)?.[1];
    if (connector !== undefined) return connectorTopics.get(connector)?.includes(topic) ?? false;
    const application = STREAMS_PRODUCER.exec(client)?.[1];
    return application !== undefined && topic.startsWith(`${application}-`);
  });
}

/** Where the producer settings of a topic go: its connectors', its Streams app's, or a plain producer's. */
export function ownerOf(topic: string, producers: readonly ProducerReading[]): ProducerOwner {
  const isConnector = (reading: ProducerReading) => CONNECT_PRODUCER.test(reading.client);
  if (producers.length > 0 && producers.every(isConnector)) return { target: 'connector', prefix: 'producer.override.' };
  if (STREAMS_INTERNAL.test(topic) || (producers.length > 0 && producers.every((reading) => STREAMS_PRODUCER.test(reading.client)))) {
    return { target: 'streams-app', prefix: 'producer.' };
  }
  return { target: 'producer', prefix: '' };
}

/** A producer's own averages as evidence: its batch size over its record size is its records per batch. */
export function producerEvidence(reading: ProducerReading, bytes: (value: number) => string): Evidence {
  const perBatch = reading.recordSizeAvg > 0 ? reading.batchSizeAvg / reading.recordSizeAvg : 0;
  return {
    label: `Producer ${reading.client}`,
    value: `batch-size-avg ${bytes(reading.batchSizeAvg)}, record-size-avg ${bytes(reading.recordSizeAvg)} (about ${perBatch.toFixed(1)} records a batch)`,
    source: "the producer's JMX metrics, scraped from its Prometheus endpoint",
  };
}
