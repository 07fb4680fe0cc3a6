import {
  createAPI,
  fetchV17,
  IS_CONTROL,
  protocolErrorsCodesById,
  readKnownTaggedFields,
  type Admin,
  type Reader,
} from '@platformatic/kafka';
import { connectionTo, partialResponse, protocolApi } from './kafka-protocol';
import { scanBatches, type BatchScan, type RawRecord } from './record-batches';

export type { RawRecord };

type FetchRequest = fetchV17.FetchRequest;
type FetchResponse = fetchV17.FetchResponse;

/** What one fetch returned for one partition. */
export interface PartitionChunk {
  partition: number;
  records: RawRecord[];
  /** The offset to ask for next: after the last record returned, or where the fetch began. */
  nextOffset: bigint;
  highWatermark: bigint;
  logStartOffset: bigint;
  /** Kafka's error name for this partition (e.g. `OFFSET_OUT_OF_RANGE`), when it had one. */
  error?: string;
}

export interface FetchStart {
  partition: number;
  offset: bigint;
}

/** One partition's range to search: from `offset` up to `end` (exclusive). */
export interface ScanStart extends FetchStart {
  end: bigint;
}

/** What one fetch of a search found in one partition; see {@link PartitionReader.search}. */
export interface ScanChunk extends BatchScan {
  partition: number;
  highWatermark: bigint;
  logStartOffset: bigint;
  /** Kafka's error name for this partition (e.g. `OFFSET_OUT_OF_RANGE`), when it had one. */
  error?: string;
}

/**
 * Reads records from partitions at given offsets without joining a consumer group, so
 * browsing a topic or reading the console's own state never shows up as a group, commits
 * nothing, and rebalances nobody. The client's consumer keeps incremental fetch sessions
 * (KIP-227) between calls, which would leave out partitions it thinks unchanged; this sends
 * session-less full fetches straight to each partition's leader instead.
 */
export class PartitionReader {
  constructor(private readonly admin: Admin) {}

  /**
   * One fetch per leader for the given starts. Each partition returns at most
   * `maxBytesPerPartition` (but always at least one whole batch, KIP-74).
   */
  async fetch(
    topic: string,
    starts: FetchStart[],
    {
      maxBytesPerPartition = 256 * 1024,
      isolation = 'read_uncommitted' as 'read_uncommitted' | 'read_committed',
      /** Ask the brokers for leaders again instead of trusting the client's cache (after a leader error). */
      refreshMetadata = false,
    } = {},
  ): Promise<PartitionChunk[]> {
    if (starts.length === 0) return [];
    const metadata = await this.admin.metadata({ topics: [topic], forceUpdate: refreshMetadata });
    const topicMetadata = metadata.topics.get(topic);
    if (!topicMetadata) throw new Error(`Topic ${topic} has no metadata`);
    const byLeader = new Map<number, FetchStart[]>();
    for (const start of starts) {
      const leader = topicMetadata.partitions[start.partition]?.leader ?? -1;
      byLeader.set(leader, [...(byLeader.get(leader) ?? []), start]);
    }
    const chunks = await Promise.all(
      [...byLeader].map(async ([leader, leaderStarts]) => {
        const broker = metadata.brokers.get(leader);
        if (!broker) return leaderStarts.map((start) => emptyChunk(start, 'LEADER_NOT_AVAILABLE'));
        const fetchFromLeader = async (some: FetchStart[]) => {
          const response = await this.#fetchFrom(broker, topicMetadata.id, some, maxBytesPerPartition, isolation);
          return some.map((start) => toChunk(start, response));
        };
        const first = await fetchFromLeader(leaderStarts);
        // A batch larger than the per-partition budget comes back only when it is the first
        // data of the response (KIP-74); ask again for such a partition on its own, so every
        // call makes progress wherever there are records.
        return Promise.all(
          first.map(async (chunk) =>
            isStalled(chunk) ? (await fetchFromLeader([{ partition: chunk.partition, offset: chunk.nextOffset }]))[0]! : chunk,
          ),
        );
      }),
    );
    return chunks.flat().sort((a, b) => a.partition - b.partition);
  }

  /**
   * One fetch of up to `maxBytes` from one partition that keeps only the records holding
   * `needle`. The response's record bytes are searched as they come off the socket, before
   * any record is decoded (see {@link scanBatches}), so a search passes over a batch without
   * a match at the cost of one `indexOf`, and memory holds one response at a time.
   */
  async search(topic: string, start: ScanStart, needle: Buffer, maxBytes: number, { refreshMetadata = false } = {}): Promise<ScanChunk> {
    const metadata = await this.admin.metadata({ topics: [topic], forceUpdate: refreshMetadata });
    const topicMetadata = metadata.topics.get(topic);
    if (!topicMetadata) throw new Error(`Topic ${topic} has no metadata`);
    const broker = metadata.brokers.get(topicMetadata.partitions[start.partition]?.leader ?? -1);
    const failed = (error: string): ScanChunk => ({
      partition: start.partition,
      matches: [],
      records: 0,
      bytes: 0,
      nextOffset: start.offset,
      highWatermark: -1n,
      logStartOffset: -1n,
      error,
    });
    if (!broker) return failed('LEADER_NOT_AVAILABLE');
    const connection = await connectionTo(this.admin, broker);
    const partitions = [
      { partition: start.partition, currentLeaderEpoch: -1, fetchOffset: start.offset, lastFetchedEpoch: -1, partitionMaxBytes: maxBytes },
    ];
    // The client's own Fetch parser decodes every record into objects; this one is the
    // client's Fetch v17 request with a parser that searches the bytes instead.
    const fetch = createAPI<fetchV17.FetchRequest, ScanChunk>(1, 17, fetchV17.createRequest, (_id, _key, _version, reader) =>
      parseSearchResponse(reader, start, needle),
    );
    // As in fetch(): answer at once, no session.
    const chunk = await fetch.async(connection, 0, 0, maxBytes, 0, 0, -1, [{ topicId: topicMetadata.id, partitions }], [], '');
    return chunk ?? failed('NO_RESPONSE');
  }

  async #fetchFrom(
    broker: { host: string; port: number },
    topicId: string,
    starts: FetchStart[],
    maxBytesPerPartition: number,
    isolation: 'read_uncommitted' | 'read_committed',
  ): Promise<FetchResponse> {
    const connection = await connectionTo(this.admin, broker);
    const fetch = await protocolApi<FetchRequest, FetchResponse>(this.admin, 'Fetch');
    const partitions = starts.map((start) => ({
      partition: start.partition,
      currentLeaderEpoch: -1,
      fetchOffset: start.offset,
      lastFetchedEpoch: -1,
      partitionMaxBytes: maxBytesPerPartition,
    }));
    // maxWait 0 and minBytes 0: answer at once with what is there; a browse never waits for data.
    // Session id 0 with epoch -1 asks for a full fetch that opens no session.
    try {
      return await fetch.async(
        connection,
        0,
        0,
        maxBytesPerPartition * starts.length,
        isolation === 'read_committed' ? 1 : 0,
        0,
        -1,
        [{ topicId, partitions }],
        [],
        '',
      );
    } catch (error) {
      // A partition error (say OFFSET_OUT_OF_RANGE) fails the whole response in the client;
      // the other partitions' data is still good, and the error is reported per partition.
      const response = partialResponse<FetchResponse>(error);
      if (response?.responses) return response;
      throw error;
    }
  }
}

function toChunk(start: FetchStart, response: FetchResponse): PartitionChunk {
  const partition = response.responses.flatMap((topic) => topic.partitions).find((p) => p.partitionIndex === start.partition);
  if (!partition) return emptyChunk(start, 'NO_RESPONSE');
  const base = {
    partition: start.partition,
    highWatermark: partition.highWatermark,
    logStartOffset: partition.logStartOffset,
  };
  if (partition.errorCode !== 0) {
    return {
      ...base,
      records: [],
      nextOffset: start.offset,
      error: protocolErrorsCodesById[partition.errorCode] ?? `ERROR_${partition.errorCode}`,
    };
  }
  const records: RawRecord[] = [];
  let nextOffset = start.offset;
  for (const batch of partition.records ?? []) {
    const batchEnd = batch.firstOffset + BigInt(batch.lastOffsetDelta) + 1n;
    if (batchEnd > nextOffset) nextOffset = batchEnd;
    // Transaction markers are batches of their own; they hold no data.
    if (batch.attributes & IS_CONTROL) continue;
    for (const record of batch.records) {
      const offset = batch.firstOffset + BigInt(record.offsetDelta);
      // A fetch answers with whole batches, so the first may begin before the offset asked for.
      if (offset < start.offset) continue;
      records.push({
        partition: start.partition,
        offset,
        timestamp: batch.firstTimestamp + record.timestampDelta,
        key: record.key,
        value: record.value,
        headers: record.headers,
      });
    }
  }
  return { ...base, records, nextOffset };
}

function isStalled(chunk: PartitionChunk): boolean {
  return !chunk.error && chunk.records.length === 0 && chunk.nextOffset < chunk.highWatermark;
}

function emptyChunk(start: FetchStart, error: string): PartitionChunk {
  return { partition: start.partition, records: [], nextOffset: start.offset, highWatermark: -1n, logStartOffset: -1n, error };
}

/** The one partition of a Fetch v17 response (see the client's `fetch-v17.js`), its records searched. */
function parseSearchResponse(reader: Reader, start: ScanStart, needle: Buffer): ScanChunk {
  reader.readInt32(); // throttle time
  const errorCode = reader.readInt16();
  reader.readInt32(); // session id
  let found: ScanChunk | undefined;
  reader.readArray((topic) => {
    topic.readUUID();
    topic.readArray(
      (r) => {
        const partition = r.readInt32();
        const partitionError = r.readInt16();
        const highWatermark = r.readInt64();
        r.readInt64(); // last stable offset
        const logStartOffset = r.readInt64();
        r.readNullableArray((aborted) => [aborted.readInt64(), aborted.readInt64()]);
        r.readInt32(); // preferred read replica
        // COMPACT_RECORDS: the length plus one, 0 for null.
        const size = Math.max(0, r.readUnsignedVarInt() - 1);
        // One contiguous copy of the records (the socket delivered them in pieces), searched in place.
        const records = r.buffer.slice(r.position, r.position + size);
        r.skip(size);
        readKnownTaggedFields(r, {});
        if (partition !== start.partition) return;
        const base = { partition, highWatermark, logStartOffset };
        found =
          partitionError !== 0
            ? { ...base, matches: [], records: 0, bytes: 0, nextOffset: start.offset, error: errorName(partitionError) }
            : { ...base, ...scanBatches(records, partition, needle, start.offset, start.end) };
      },
      true,
      false,
    );
  });
  if (errorCode !== 0) throw new Error(`Fetch failed: ${errorName(errorCode)}`);
  return found!;
}

function errorName(code: number): string {
  return protocolErrorsCodesById[code] ?? `ERROR_${code}`;
}
