import type { Admin } from './client';
import type { ClusterDescription } from './kafka-clients';
import { connectionTo, protocolApi } from './kafka-protocol';
import { ByteWriter, leanApi } from './lean-codec';

/** ListOffsets' special timestamps: the log start and the log end (high watermark). */
export const EARLIEST = -2n;
export const LATEST = -1n;

/** One key per topic-partition, for maps. */
export const partitionKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

/** Marks a partition of an {@link OffsetTable} that has no offset. */
const NONE = -1n;

/**
 * One offset per topic-partition of a whole cluster, kept compactly: a `BigInt64Array` per
 * topic indexed by partition, instead of a map entry, a key string and a bigint per partition
 * (a tenth of the memory at 20,000 partitions, and one object per topic for the collector).
 */
export class OffsetTable {
  readonly #byTopic = new Map<string, BigInt64Array>();

  /** Sets one partition's offset; `partitions` is how many the topic has (the table of a topic is made once). */
  set(topic: string, partition: number, offset: bigint, partitions: number): void {
    let offsets = this.#byTopic.get(topic);
    if (!offsets) {
      offsets = new BigInt64Array(Math.max(partitions, partition + 1)).fill(NONE);
      this.#byTopic.set(topic, offsets);
    }
    if (partition < offsets.length) offsets[partition] = offset;
  }

  /** The partition's offset; undefined when it was not read (no leader, an error, no such partition). */
  get(topic: string, partition: number): bigint | undefined {
    const offset = this.#byTopic.get(topic)?.[partition];
    return offset === undefined || offset === NONE ? undefined : offset;
  }
}

/** One leader's share of a ListOffsets request: its topics, each with the partitions it leads. */
type LeaderShare = Map<ClusterDescription['topics'][number], number[]>;

/**
 * ListOffsets v6 to v9 (flexible versions, the same fields): the request and response written
 * and read directly, one buffer each way, for every partition of a cluster every few seconds.
 * Kafka 4 answers v9; a broker older than v6 (Kafka 2.4) is not one the console supports.
 */
function listOffsetsApi(version: number, described: ReadonlyMap<string, ClusterDescription['topics'][number]>, offsets: OffsetTable) {
  return leanApi<[share: LeaderShare, timestamp: bigint], void>(
    2,
    version,
    (share, timestamp) => {
      let size = 4 + 1 + ByteWriter.varIntSize(share.size + 1) + 1;
      for (const [topic, partitions] of share) {
        size += ByteWriter.stringSize(topic.name) + ByteWriter.varIntSize(partitions.length + 1) + partitions.length * 17 + 1;
      }
      const writer = new ByteWriter(size).int32(-1).int8(0).compactLength(share.size);
      for (const [topic, partitions] of share) {
        writer.compactString(topic.name).compactLength(partitions.length);
        for (const partition of partitions) writer.int32(partition).int32(-1).int64(timestamp).noTaggedFields();
        writer.noTaggedFields();
      }
      return writer.noTaggedFields();
    },
    // Straight into the table: no object per partition.
    (reader) => {
      reader.int32(); // throttle time
      for (let topics = reader.compactLength(); topics > 0; topics--) {
        const topic = described.get(reader.compactString() ?? '');
        for (let partitions = reader.compactLength(); partitions > 0; partitions--) {
          const partition = reader.int32();
          const errorCode = reader.int16();
          reader.int64(); // timestamp
          const offset = reader.int64();
          reader.int32(); // leader epoch
          reader.skipTaggedFields();
          // An error (a leader that moved) leaves the partition out; the rest is good.
          if (topic && errorCode === 0) offsets.set(topic.name, partition, offset, topic.partitions.length);
        }
        reader.skipTaggedFields();
      }
    },
  );
}

/**
 * The offset ListOffsets gives for `timestamp` for every partition of `topics` (all topics
 * when omitted): one request per partition leader, sent to it directly with the leaders the
 * metadata names. The client's own `listOffsets` matches each partition against the list of
 * topics linearly, which at thousands of topics took seconds; this is linear in the
 * partitions. A partition whose leader answers an error is left out.
 */
export async function listLogOffsets(
  admin: Admin,
  description: ClusterDescription,
  timestamp: bigint,
  topics?: ReadonlySet<string>,
): Promise<OffsetTable> {
  const byLeader = new Map<number, LeaderShare>();
  // Answers are matched to the metadata's topics, so the table keys on the metadata's own name strings.
  const described = new Map<string, ClusterDescription['topics'][number]>();
  for (const topic of description.topics) {
    if (topics && !topics.has(topic.name)) continue;
    described.set(topic.name, topic);
    topic.partitions.forEach((partition, index) => {
      if (partition.leader < 0) return;
      let share = byLeader.get(partition.leader);
      if (!share) byLeader.set(partition.leader, (share = new Map()));
      let partitions = share.get(topic);
      if (!partitions) share.set(topic, (partitions = []));
      partitions.push(index);
    });
  }
  const brokers = new Map(description.brokers.map((broker) => [broker.id, broker]));
  const { version } = await protocolApi(admin, 'ListOffsets');
  if (version < 6)
    throw new Error(`The broker speaks ListOffsets up to version ${version}; the console needs 6 or later (Kafka 2.5 and later)`);
  const offsets = new OffsetTable();
  const api = listOffsetsApi(Math.min(version, 9), described, offsets);
  await Promise.all(
    [...byLeader].map(async ([leader, share]) => {
      const broker = brokers.get(leader);
      if (broker) await api.async(await connectionTo(admin, broker), share, timestamp);
    }),
  );
  return offsets;
}
