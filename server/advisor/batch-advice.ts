import type { MetricsSample } from '../metrics/metrics.model';
import type { Evidence, Finding } from './advisor.model';
import { ownerOf, producerEvidence, type ProducerReading } from './batch-producers';
import type { BatchShape } from './log-sample.gateway';
import { thousands, topicLink } from './advisor-words';

/** Records per batch below which a busy topic's producers batch poorly. */
export const FEW_RECORDS_PER_BATCH = 5;
/** Below this a topic is too quiet for requests per record to matter. */
export const MIN_RECORDS_PER_SECOND = 50;
/** The producer's default `batch.size`. */
export const DEFAULT_BATCH_SIZE = 16 * 1024;
/** What an advised batch should be able to hold. */
const TARGET_RECORDS = 32;
/** The longest `linger.ms` advised: more is latency few pipelines would pay. */
const MAX_LINGER_MS = 20;
const MIN_LINGER_MS = 5;
const MIN_BATCH_SIZE = 64 * 1024;
const MAX_BATCH_SIZE = 1024 * 1024;
const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

/** A topic written now, by the latest metrics sample. */
export interface BusyTopic {
  topic: string;
  partitions: number;
  recordsPerSecond: number;
  /** What a record adds to the log, when the sample knows it. */
  bytesPerRecord?: number;
}

/** What the batches read from a topic's log say of how its producers batch. */
export interface BatchStats {
  batches: number;
  records: number;
  recordsPerBatch: number;
  /** As stored: compressed, with the batch header. */
  bytesPerBatch: number;
  /** Before compression. */
  recordBytesPerBatch: number;
  recordSize: number;
  /** The codec most batches were written with. */
  compression: string;
}

/** What holds batches small: the rate per partition against `linger.ms`, or `batch.size` filled by a few large records. */
export type BatchLimit = 'linger' | 'batch-size';

/** Producer settings for a topic's producers. */
export interface BatchSettings {
  batchSize: number;
  lingerMs: number;
  compression: string;
  /** Records a batch may then hold, at the current rate. */
  recordsPerBatch: number;
}

/**
 * The busiest topics of a sample, most records per second first. Topics named with a leading
 * underscore are left out: Kafka's own (`__consumer_offsets`) and the console's (`_kpc-…`),
 * whose producers no operator tunes.
 */
export function busyTopics(sample: MetricsSample, limit = 20): BusyTopic[] {
  return sample.topics
    .filter((measure) => (measure.recordsPerSecond ?? 0) > 0 && !measure.topic.startsWith('_'))
    .sort((a, b) => b.recordsPerSecond! - a.recordsPerSecond! || a.topic.localeCompare(b.topic))
    .slice(0, limit)
    .map((measure) => ({
      topic: measure.topic,
      partitions: measure.partitions,
      recordsPerSecond: measure.recordsPerSecond!,
      ...(measure.bytesPerSecond && { bytesPerRecord: measure.bytesPerSecond / measure.recordsPerSecond! }),
    }));
}

/** Averages over the batches read; undefined when none was. */
export function batchStats(batches: readonly BatchShape[]): BatchStats | undefined {
  if (batches.length === 0) return undefined;
  const sum = (of: (batch: BatchShape) => number) => batches.reduce((total, batch) => total + of(batch), 0);
  const records = sum((batch) => batch.records);
  const byCodec = new Map<number, number>();
  for (const batch of batches) byCodec.set(batch.compression, (byCodec.get(batch.compression) ?? 0) + 1);
  const codec = [...byCodec].sort((a, b) => b[1] - a[1])[0]![0];
  return {
    batches: batches.length,
    records,
    recordsPerBatch: records / batches.length,
    bytesPerBatch: sum((batch) => batch.bytes) / batches.length,
    recordBytesPerBatch: sum((batch) => batch.recordBytes) / batches.length,
    recordSize: records > 0 ? sum((batch) => batch.recordBytes) / records : 0,
    compression: CODECS[codec] ?? `codec ${codec}`,
  };
}

/**
 * Why a busy topic's batches hold few records, or undefined when they do not or when batching
 * could not help: `batch-size` when a few records fill the default 16 KiB; `linger` when each
 * partition gets records fast enough that waiting {@link MAX_LINGER_MS} would gather at least
 * twice as many as a batch holds now.
 */
export function smallBatchLimit(stats: BatchStats, busy: BusyTopic): BatchLimit | undefined {
  if (stats.recordsPerBatch >= FEW_RECORDS_PER_BATCH || busy.recordsPerSecond < MIN_RECORDS_PER_SECOND) return undefined;
  if (stats.recordBytesPerBatch >= 0.75 * DEFAULT_BATCH_SIZE) return 'batch-size';
  const perPartition = busy.recordsPerSecond / Math.max(1, busy.partitions);
  return (perPartition * MAX_LINGER_MS) / 1000 >= 2 * stats.recordsPerBatch ? 'linger' : undefined;
}

/**
 * `batch.size` room for {@link TARGET_RECORDS} records (a power of two, 64 KiB to 1 MiB);
 * `linger.ms` the time a partition takes to get that many at the current rate (5 to 20 ms);
 * the batches' codec, or lz4 when they are not compressed.
 */
export function advisedSettings(stats: BatchStats, busy: BusyTopic): BatchSettings {
  const wanted = 2 ** Math.ceil(Math.log2(Math.max(1, TARGET_RECORDS * stats.recordSize)));
  const batchSize = Math.min(MAX_BATCH_SIZE, Math.max(MIN_BATCH_SIZE, wanted));
  const perPartition = busy.recordsPerSecond / Math.max(1, busy.partitions);
  const lingerMs = Math.min(MAX_LINGER_MS, Math.max(MIN_LINGER_MS, Math.ceil(((TARGET_RECORDS / perPartition) * 1000) / 5) * 5));
  const fit = Math.floor(batchSize / Math.max(1, stats.recordSize));
  const recordsPerBatch = Math.max(1, Math.min(fit, Math.floor((perPartition * lingerMs) / 1000)));
  return { batchSize, lingerMs, compression: stats.compression === 'none' ? 'lz4' : stats.compression, recordsPerBatch };
}

/** The finding of a busy topic whose batches hold few records: the numbers, the settings, the trade-off. */
export function batchingFinding(
  cluster: string,
  busy: BusyTopic,
  sampled: { stats: BatchStats; partitionsRead: number },
  limit: BatchLimit,
  producers: readonly ProducerReading[],
): Finding {
  const { stats } = sampled;
  const settings = advisedSettings(stats, busy);
  const owner = ownerOf(busy.topic, producers);
  const fromLog = `${stats.batches} record batches read from the newest end of the log (${sampled.partitionsRead} of ${busy.partitions} partitions)`;
  const evidence: Evidence[] = [
    { label: 'Records written', value: `${rate(busy.recordsPerSecond)} records/s`, source: "the console's latest metrics sample" },
    { label: 'Records per batch (average)', value: stats.recordsPerBatch.toFixed(1), source: fromLog },
    { label: 'Bytes per batch (average, as stored)', value: bytes(stats.bytesPerBatch), source: fromLog },
    { label: 'Record size (average, uncompressed)', value: bytes(stats.recordSize), source: fromLog },
    { label: 'Compression', value: stats.compression, source: 'the record batches’ attributes' },
    ...producers.map((reading) => producerEvidence(reading, bytes)),
  ];
  const lines = [`batch.size=${settings.batchSize}`, `linger.ms=${settings.lingerMs}`, `compression.type=${settings.compression}`];
  return {
    id: `batching/topic/${busy.topic}`,
    rule: 'batching',
    severity: 'warning',
    subject: { kind: 'topic', name: busy.topic },
    title: `${busy.topic} is written ${stats.recordsPerBatch.toFixed(1)} records per batch at ${rate(busy.recordsPerSecond)} records/s`,
    evidence,
    fix: {
      target: owner.target,
      summary:
        `Let the producers of ${busy.topic} fill batches of up to ${bytes(settings.batchSize)} and wait up to ` +
        `${settings.lingerMs} ms for them${owner.prefix ? ` (in ${owner.target === 'connector' ? "each connector's config" : "the app's config"})` : ''}.`,
      config: lines.map((line) => owner.prefix + line).join('\n'),
      why: whyText(stats, busy, settings, limit),
    },
    link: topicLink(cluster, busy.topic),
  };
}

function whyText(stats: BatchStats, busy: BusyTopic, settings: BatchSettings, limit: BatchLimit): string {
  const perBatch = stats.recordsPerBatch.toFixed(1);
  const cause =
    limit === 'batch-size'
      ? `Records of ${bytes(stats.recordSize)} fill the default batch.size of 16 KiB after ${perBatch} of them, so a batch is sent ` +
        `every ${perBatch} records however long linger.ms is. A batch.size of ${bytes(settings.batchSize)} holds ` +
        `${Math.floor(settings.batchSize / Math.max(1, stats.recordSize))}; it costs producer memory (per partition, within ` +
        'buffer.memory, 32 MiB by default), not latency: a full batch is sent at once.'
      : `At ${rate(busy.recordsPerSecond)} records/s over ${busy.partitions} partition${busy.partitions === 1 ? '' : 's'}, batches ` +
        `go out holding ${perBatch} records each: a produce request for every ${perBatch} records of a partition. Waiting up to ` +
        `${settings.lingerMs} ms lets about ${settings.recordsPerBatch} records share a batch: about ` +
        `${Math.max(1, Math.round(settings.recordsPerBatch / stats.recordsPerBatch))}× fewer requests for the brokers, and better compression.`;
  return (
    `${cause} The trade-off: linger.ms adds up to ${settings.lingerMs} ms of latency to a record when its partition is quiet ` +
    `(a busy partition fills its batch sooner), for fewer, larger requests. ${settings.compression} compresses a whole batch, ` +
    'so larger batches compress better, for a little producer CPU.'
  );
}

/** A rate as shown: whole records from 10 a second. */
function rate(perSecond: number): string {
  return perSecond >= 10 ? thousands(perSecond) : perSecond.toFixed(1);
}

/** Bytes as shown: B, KiB or MiB. */
export function bytes(value: number): string {
  if (value < 1024) return `${Math.round(value)} B`;
  if (value < 1024 * 1024) return `${Number((value / 1024).toFixed(1))} KiB`;
  return `${Number((value / 1024 / 1024).toFixed(1))} MiB`;
}
