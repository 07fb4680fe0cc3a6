import type { Admin } from '../kafka/client';
import type { ClusterModel } from '../kafka/cluster-model';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { KafkaClients } from '../kafka/kafka-clients';
import { connectionTo, partialResponse, protocolApi } from '../kafka/kafka-protocol';

/** One record batch as stored, from its header: how many records it holds and how big it is. */
export interface BatchShape {
  partition: number;
  records: number;
  /** The batch as stored: header, records, compressed if it is. */
  bytes: number;
  /** Its records before compression (each record's own length). */
  recordBytes: number;
  /** The codec of the batch's `attributes` (0 none, 1 gzip, 2 snappy, 3 lz4, 4 zstd). */
  compression: number;
}

/** One record of a sample; a value larger than {@link MAX_VALUE_BYTES} is left out (null). */
export interface SampledRecord {
  partition: number;
  key: Buffer | null;
  value: Buffer | null;
}

/** The newest record batches of some partitions of a topic. */
export interface LogSample {
  topic: string;
  batches: BatchShape[];
  records: SampledRecord[];
  /** Partitions read, of how many the topic has. */
  partitionsRead: number;
  partitions: number;
}

export interface LogSampleLimits {
  /** Bytes asked of each partition, from the newest records back. */
  bytesPerPartition: number;
  /** Partitions read of each topic: those holding the most records. */
  partitionsPerTopic: number;
  /** Records kept for key analysis, per topic. */
  recordsPerTopic: number;
  /** A sample is reused this long: the checks of one report read each topic once. */
  reuseMs: number;
}

/** Values larger than this are not kept: a key analysis reads ids from small event values. */
export const MAX_VALUE_BYTES = 4 * 1024;

const DEFAULT_LIMITS: LogSampleLimits = { bytesPerPartition: 256 * 1024, partitionsPerTopic: 4, recordsPerTopic: 200, reuseMs: 10_000 };
const CONTROL = 1 << 5;
const COMPRESSION_MASK = 0b111;
/** A batch's offset and length fields, counted in the stored size but not in its `length`. */
const LOG_OVERHEAD = 12;

// The client's Fetch v17 call, as far as this gateway uses it (the client's own types stay in server/kafka/).
interface FetchedBatch {
  length: number;
  attributes: number;
  records: { length: number; key: Buffer | null; value: Buffer | null }[];
}
interface FetchResponse {
  responses: { partitions: { partitionIndex: number; errorCode: number; records?: FetchedBatch[] | null }[] }[];
}
type FetchPartition = {
  partition: number;
  currentLeaderEpoch: number;
  fetchOffset: bigint;
  lastFetchedEpoch: number;
  partitionMaxBytes: number;
};
type FetchRequest = [number, number, number, number, number, number, { topicId: string; partitions: FetchPartition[] }[], never[], string];

/**
 * Reads the newest record batches of a topic for the Advisor, within a byte budget per
 * partition and a few partitions per topic, so a cluster of thousands of topics costs a few
 * fetches per topic checked. Each batch's header gives its record count and stored size, the
 * measure of how well producers batch; the records give keys and small values. Like the
 * console's other reads it sends session-less fetches (no consumer group, no fetch session);
 * unlike them it keeps the batches, which `PartitionReader` flattens into records.
 */
export class LogSampleGateway {
  readonly #limits: LogSampleLimits;
  readonly #kept = new Map<string, Promise<LogSample>>();

  constructor(
    private readonly kafka: KafkaClients,
    private readonly model: ClusterModel,
    limits: Partial<LogSampleLimits> = {},
  ) {
    this.#limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /**
   * The newest batches of the topic's fullest partitions. `bytesPerRecord` (a topic's size on
   * disk over its records) tells how far back from the end the budget reaches; 1 KiB if unknown.
   */
  newest(cluster: ClusterConfig, topic: string, bytesPerRecord?: number): Promise<LogSample> {
    const key = `${cluster.name}\u0000${topic}`;
    const kept = this.#kept.get(key);
    if (kept) return kept;
    const sample = this.#read(cluster, topic, bytesPerRecord ?? 1024);
    this.#kept.set(key, sample);
    // Forgotten after a while (a sample holds a few hundred records), and at once when it failed.
    const forget = () => this.#kept.get(key) === sample && this.#kept.delete(key);
    setTimeout(forget, this.#limits.reuseMs).unref();
    sample.catch(forget);
    return sample;
  }

  /** Records in the log of each partition of the topic (log end minus log start), from the live model. */
  async partitionRecords(cluster: ClusterConfig, topic: string): Promise<number[]> {
    return (await this.#partitions(cluster, topic)).map((partition) => Number(partition.end - partition.start));
  }

  async #partitions(cluster: ClusterConfig, topic: string): Promise<{ partition: number; start: bigint; end: bigint }[]> {
    const [{ value: description }, { value: offsets }] = await Promise.all([this.model.metadata(cluster), this.model.logOffsets(cluster)]);
    const partitions = description.topics.find((described) => described.name === topic)?.partitions.length ?? 0;
    return Array.from({ length: partitions }, (_, partition) => {
      const end = offsets.ends.get(topic, partition) ?? 0n;
      return { partition, start: offsets.starts.get(topic, partition) ?? end, end };
    });
  }

  async #read(cluster: ClusterConfig, topic: string, bytesPerRecord: number): Promise<LogSample> {
    const partitions = await this.#partitions(cluster, topic);
    const back = BigInt(Math.max(1, Math.ceil(this.#limits.bytesPerPartition / Math.max(1, bytesPerRecord))));
    const starts = partitions
      .filter(({ start, end }) => end > start)
      .sort((a, b) => Number(b.end - b.start - (a.end - a.start)) || a.partition - b.partition)
      .slice(0, this.#limits.partitionsPerTopic)
      .map(({ partition, start, end }) => ({ partition, offset: end - back > start ? end - back : start }));
    const sample: LogSample = { topic, batches: [], records: [], partitionsRead: 0, partitions: partitions.length };
    if (starts.length === 0) return sample;
    const fetched = await this.kafka.call(cluster, (admin) => this.#fetch(admin, topic, starts));
    const perPartition = Math.ceil(this.#limits.recordsPerTopic / starts.length);
    for (const { partitionIndex: partition, errorCode, records: batches } of fetched) {
      if (errorCode !== 0) continue;
      sample.partitionsRead++;
      // Transaction markers are batches of their own, with no data.
      const data = (batches ?? []).filter((batch) => !(batch.attributes & CONTROL));
      for (const batch of data) {
        sample.batches.push({
          partition,
          records: batch.records.length,
          bytes: LOG_OVERHEAD + batch.length,
          recordBytes: batch.records.reduce((sum, record) => sum + record.length, 0),
          compression: batch.attributes & COMPRESSION_MASK,
        });
      }
      // The newest records are the last of the response: those are kept.
      const newest = data.flatMap((batch) => batch.records).slice(-perPartition);
      for (const record of newest) {
        // Copies: a subarray would keep the whole fetch response alive as long as the sample.
        sample.records.push({
          partition,
          key: record.key === null ? null : Buffer.from(record.key),
          value: record.value === null || record.value.length > MAX_VALUE_BYTES ? null : Buffer.from(record.value),
        });
      }
    }
    return sample;
  }

  async #fetch(admin: Admin, topic: string, starts: { partition: number; offset: bigint }[]) {
    const metadata = await admin.metadata({ topics: [topic] });
    const described = metadata.topics.get(topic);
    if (!described) throw new Error(`Topic ${topic} has no metadata`);
    const byLeader = new Map<number, FetchPartition[]>();
    for (const { partition, offset } of starts) {
      const leader = described.partitions[partition]?.leader ?? -1;
      const fetchPartition = {
        partition,
        currentLeaderEpoch: -1,
        fetchOffset: offset,
        lastFetchedEpoch: -1,
        partitionMaxBytes: this.#limits.bytesPerPartition,
      };
      byLeader.set(leader, [...(byLeader.get(leader) ?? []), fetchPartition]);
    }
    const fetch = await protocolApi<FetchRequest, FetchResponse>(admin, 'Fetch');
    const responses = await Promise.all(
      [...byLeader].map(async ([leader, partitions]) => {
        const broker = metadata.brokers.get(leader);
        if (!broker) return [];
        const connection = await connectionTo(admin, broker);
        const maxBytes = this.#limits.bytesPerPartition * partitions.length;
        // maxWait 0, minBytes 0: what is there now; session 0 with epoch -1: a full fetch that opens no session.
        const response = await fetch
          .async(connection, 0, 0, maxBytes, 0, 0, -1, [{ topicId: described.id, partitions }], [], '')
          .catch((error: unknown) => {
            // One partition's error fails the whole response in the client; the others' batches are good.
            const partial = partialResponse<FetchResponse>(error);
            if (partial?.responses) return partial;
            throw error;
          });
        return response.responses.flatMap((answer) => answer.partitions);
      }),
    );
    return responses.flat();
  }
}
