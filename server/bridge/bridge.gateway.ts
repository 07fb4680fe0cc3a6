import type { ConnectGateway, RawInfo, RawOffsets, RawStatus } from '../connect/connect.gateway';
import { targetTopics } from '../connect/connector-topics';
import type { ClusterConfig, ConnectClusterConfig } from '../kafka/clusters-config';
import type { KafkaClients } from '../kafka/kafka-clients';
import { PartitionReader, type RawRecord } from '../kafka/partition-reader';
import type { BridgeSettings, PartitionSequence } from './bridge.model';
import type { SequencedRecord } from './sequence-check';
import { keyOf, parseJson, sequenceOf } from './sequence-field';

/** How many of a partition's newest records are looked through for the newest sequence. */
export const NEWEST_RECORDS = 50;
/** At most this much per partition per fetch. */
const FETCH_BYTES = 512 * 1024;

/** A partition's log offsets, as the live model keeps them. */
export interface PartitionBounds {
  partition: number;
  start: bigint;
  end: bigint;
}

/** One partition's planned part of a scan: `[from, to)`. */
export interface PlannedRange {
  partition: number;
  from: bigint;
  to: bigint;
}

/** A source connector as the worker describes it. */
export interface SourceConnector {
  connect: ConnectClusterConfig;
  info: RawInfo;
  status: RawStatus;
}

/** Reads what the bridge's health needs: the topic's newest and scanned records, and its source connectors. */
export class BridgeGateway {
  constructor(
    private readonly clusters: KafkaClients,
    private readonly connect: ConnectGateway,
  ) {}

  /**
   * The newest record holding a sequence in each partition, looking through its newest
   * {@link NEWEST_RECORDS} records, read up to the high watermark each fetch answers (so
   * records written since the live model last read the offsets are seen too).
   */
  async newestSequences(
    cluster: ClusterConfig,
    topic: string,
    bounds: PartitionBounds[],
    settings: BridgeSettings,
  ): Promise<PartitionSequence[]> {
    const newest = new Map(
      bounds.map((b) => [b.partition, { endOffset: b.end, offset: null as bigint | null, sequence: null as number | null }]),
    );
    let positions = bounds.map((b) => ({ partition: b.partition, offset: maxOf(b.start, b.end - BigInt(NEWEST_RECORDS)) }));
    for (let round = 0; positions.length && round < 20; round++) {
      const chunks = await this.clusters.call(cluster, (admin) =>
        new PartitionReader(admin).fetch(topic, positions, { maxBytesPerPartition: FETCH_BYTES, refreshMetadata: round > 0 }),
      );
      const open: typeof positions = [];
      for (const chunk of chunks) {
        const found = newest.get(chunk.partition)!;
        for (const record of chunk.records) {
          const sequence = sequenceOf(parseJson(record.value), settings.sequenceField);
          if (sequence !== null) Object.assign(found, { offset: record.offset, sequence });
        }
        if (chunk.highWatermark > found.endOffset) found.endOffset = chunk.highWatermark;
        // Past the records the model knew of, more may have come: keep only the newest window.
        if (!chunk.error && chunk.nextOffset < chunk.highWatermark) {
          open.push({ partition: chunk.partition, offset: maxOf(chunk.nextOffset, chunk.highWatermark - BigInt(NEWEST_RECORDS)) });
        }
      }
      positions = open;
    }
    return [...newest].map(([partition, found]) => ({
      partition,
      endOffset: Number(found.endOffset),
      offset: found.offset === null ? null : Number(found.offset),
      sequence: found.sequence,
    }));
  }

  /** Reads one fetch of each open range; the caller loops, keeping within its budget. */
  async scanStep(cluster: ClusterConfig, topic: string, ranges: PlannedRange[], settings: BridgeSettings): Promise<ScanStep[]> {
    const chunks = await this.clusters.call(cluster, (admin) =>
      new PartitionReader(admin).fetch(
        topic,
        ranges.map((range) => ({ partition: range.partition, offset: range.from })),
        { maxBytesPerPartition: FETCH_BYTES },
      ),
    );
    return chunks.map((chunk) => {
      const to = ranges.find((range) => range.partition === chunk.partition)!.to;
      const records: SequencedRecord[] = [];
      let bytes = 0;
      for (const record of chunk.records) {
        if (record.offset >= to) break;
        bytes += (record.key?.length ?? 0) + (record.value?.length ?? 0);
        records.push(sequenced(record, settings));
      }
      return { partition: chunk.partition, records, bytes, nextOffset: chunk.error ? to : minOf(chunk.nextOffset, to), error: chunk.error };
    });
  }

  /**
   * The source connectors of every Connect cluster of `cluster` that write to `topic`: those
   * whose config names it, and those that cannot be told from their config (a router, a
   * prefix) which Connect has seen writing it (KIP-558). Workers that cannot be asked are named.
   */
  async sourcesOf(cluster: ClusterConfig, topic: string): Promise<{ sources: SourceConnector[]; problems: string[] }> {
    const sources: SourceConnector[] = [];
    const problems: string[] = [];
    await Promise.all(
      cluster.connect.map(async (connect) => {
        try {
          const connectors = await this.connect.connectors(connect);
          for (const { info, status } of Object.values(connectors)) {
            if (info.type !== 'source') continue;
            const { topics, cannotTell } = targetTopics('source', info.config);
            const writes = topics.includes(topic) || (!!cannotTell && (await this.#activeTopics(connect, info.name)).includes(topic));
            if (writes) sources.push({ connect, info, status });
          }
        } catch (error) {
          problems.push(`${connect.name}: ${(error as Error).message}`);
        }
      }),
    );
    sources.sort((a, b) => a.connect.name.localeCompare(b.connect.name) || a.info.name.localeCompare(b.info.name));
    return { sources, problems };
  }

  /** Topics Connect has seen the connector use; none when the worker does not track them (`topic.tracking.enable=false`). */
  async #activeTopics(connect: ConnectClusterConfig, name: string): Promise<string[]> {
    return this.connect.activeTopics(connect, name).catch(() => []);
  }

  /** The connector's committed offsets (KIP-875). */
  offsets(connect: ConnectClusterConfig, name: string): Promise<RawOffsets> {
    return this.connect.offsets(connect, name);
  }
}

/** What one fetch read of one range. */
export interface ScanStep {
  partition: number;
  records: SequencedRecord[];
  bytes: number;
  /** Where the range goes on; at its end when the partition answered an error (say, its records expired). */
  nextOffset: bigint;
  error?: string;
}

function sequenced(record: RawRecord, settings: BridgeSettings): SequencedRecord {
  const json = parseJson(record.value);
  const key = settings.keyField ? keyOf(json, settings.keyField) : (record.key?.toString('utf8') ?? null);
  return { partition: record.partition, offset: Number(record.offset), key, sequence: sequenceOf(json, settings.sequenceField) };
}

const maxOf = (a: bigint, b: bigint) => (a > b ? a : b);
const minOf = (a: bigint, b: bigint) => (a < b ? a : b);
