import type { ClusterConfig } from './clusters-config';
import type { ClusterDescription, KafkaClients } from './kafka-clients';
import { LiveValue, type LiveValueOptions, type ReadOptions, type Snapshot } from './live-value';
import { EARLIEST, LATEST, listLogOffsets, partitionKey, type OffsetTable } from './log-offsets';
import { hasStreamsGroups } from './streams-group-describe';

/** Every partition's log start and log end offset. */
export interface LogOffsets {
  starts: OffsetTable;
  ends: OffsetTable;
}

/** A group as ListGroups names it. */
export interface GroupListing {
  groupId: string;
  state: string;
  /** `classic`, `consumer` (KIP-848) or `streams` (KIP-1071). */
  type: string;
  protocolType: string;
}

/** A committed offset of a group. */
export interface CommittedOffset {
  topic: string;
  partition: number;
  offset: bigint;
}

/**
 * One group's committed offsets, kept compactly: parallel arrays rather than an object and a
 * bigint per partition (hundreds of groups on dozens of partitions each add up).
 */
export class CommittedOffsets {
  private constructor(
    /** Each entry's topic; one string per topic name, shared by every group read together. */
    private readonly topics: readonly string[],
    private readonly partitions: Int32Array,
    private readonly offsets: BigInt64Array,
  ) {}

  static of(entries: readonly CommittedOffset[]): CommittedOffsets {
    const topics = new Array<string>(entries.length);
    const partitions = new Int32Array(entries.length);
    const offsets = new BigInt64Array(entries.length);
    entries.forEach((entry, index) => {
      topics[index] = entry.topic;
      partitions[index] = entry.partition;
      offsets[index] = entry.offset;
    });
    return new CommittedOffsets(topics, partitions, offsets);
  }

  get length(): number {
    return this.topics.length;
  }

  /** Every committed offset, as objects. */
  list(): CommittedOffset[] {
    return this.topics.map((topic, index) => this.#at(index));
  }

  /** The committed offsets on one topic. */
  onTopic(topic: string): CommittedOffset[] {
    const found: CommittedOffset[] = [];
    for (let index = 0; index < this.topics.length; index++) if (this.topics[index] === topic) found.push(this.#at(index));
    return found;
  }

  #at(index: number): CommittedOffset {
    return { topic: this.topics[index]!, partition: this.partitions[index]!, offset: this.offsets[index]! };
  }
}

/** Every group of both protocols, and each one's committed offsets. */
export interface ConsumerGroupsState {
  listings: GroupListing[];
  committed: Map<string, CommittedOffsets>;
}

/** How fresh each part is kept while pages use it. */
export type ModelTiming = Record<'metadata' | 'offsets' | 'groups' | 'sizes' | 'details' | 'measurements', LiveValueOptions>;

/** How fresh each part is kept while pages use it. */
export const MODEL_TIMING: ModelTiming = {
  /** Topics, partitions, leaders, ISR, brokers: one Metadata request. */
  metadata: { refreshMs: 5_000, staleMs: 30_000, idleMs: 120_000 },
  /** Log start and end offsets: two ListOffsets per leader. */
  offsets: { refreshMs: 5_000, staleMs: 30_000, idleMs: 120_000 },
  /** Groups and committed offsets: ListGroups per broker, OffsetFetch per coordinator. */
  groups: { refreshMs: 5_000, staleMs: 30_000, idleMs: 120_000 },
  /** Bytes on disk: one DescribeLogDirs per broker, heavier and slower to change. */
  sizes: { refreshMs: 30_000, staleMs: 120_000, idleMs: 120_000 },
  /** What one page shows of one thing (a topic's configs, a group's members): read on demand, kept briefly. */
  details: { refreshMs: 5_000, staleMs: 10_000, idleMs: 30_000 },
  /** What the console measures by reading data (a changelog's restore rate): rarely, it costs reads. */
  measurements: { refreshMs: 600_000, staleMs: 1_800_000, idleMs: 120_000 },
};

/** Samples further apart than this give no rate: it would not say how fast things move now. */
const RATE_WINDOW_S = 300;

/** Every caller reads the cluster anew: for specs of features other than the model itself. */
export const READ_THROUGH: ModelTiming = Object.fromEntries(
  Object.keys(MODEL_TIMING).map((part) => [part, { refreshMs: 60_000, staleMs: 0, idleMs: 0 }]),
) as ModelTiming;

/**
 * A live model of each cluster, kept in memory and read again in the background while it is
 * used, so a page answers from memory instead of asking Kafka everything again: the metadata,
 * every partition's log offsets, topic sizes, and any part a feature adds with {@link live}
 * (consumer groups and their committed offsets). Every part says when it was read (`asOf`), a
 * caller may ask for a fresh read, and every change the console makes through
 * {@link KafkaClients.change} marks the cluster's parts out of date, so the next answer shows it.
 * The offsets sampled here are the same the metric history samples.
 */
export class ClusterModel {
  readonly #parts = new Map<string, Map<string, LiveValue<unknown>>>();
  /** Per cluster, the offsets sampled before the ones kept: rates are measured between the two. */
  readonly #previousOffsets = new Map<string, Snapshot<LogOffsets>>();

  constructor(
    private readonly kafka: KafkaClients,
    private readonly timing: ModelTiming = MODEL_TIMING,
  ) {
    kafka.onChange((cluster) => {
      for (const part of this.#parts.get(cluster)?.values() ?? []) part.invalidate();
    });
  }

  /** Brokers, controller, and every topic's partitions with leader, replicas and ISR. */
  metadata(cluster: ClusterConfig, options: ReadOptions = {}): Promise<Snapshot<ClusterDescription>> {
    return this.live(cluster, 'metadata', () => this.kafka.describe(cluster), 'metadata').get(options);
  }

  /**
   * Every partition's log start and end offset, read with the metadata's leaders. With
   * `unlessFirst`, the very first call answers undefined at once while the read starts.
   */
  logOffsets(cluster: ClusterConfig, options: ReadOptions & { unlessFirst: true }): Promise<Snapshot<LogOffsets> | undefined>;
  logOffsets(cluster: ClusterConfig, options?: ReadOptions): Promise<Snapshot<LogOffsets>>;
  logOffsets(cluster: ClusterConfig, options: ReadOptions & { unlessFirst?: boolean } = {}): Promise<Snapshot<LogOffsets> | undefined> {
    const read = async (): Promise<LogOffsets> => {
      // What was kept becomes the sample the next rates are measured against.
      const before = part.peek();
      if (before) this.#previousOffsets.set(cluster.name, before);
      const { value: description } = await this.metadata(cluster, { maxAgeMs: this.timing.metadata.staleMs });
      return this.kafka.call(cluster, async (admin) => {
        const [starts, ends] = await Promise.all([
          listLogOffsets(admin, description, EARLIEST),
          listLogOffsets(admin, description, LATEST),
        ]);
        return { starts, ends };
      });
    };
    const part: LiveValue<LogOffsets> = this.live(cluster, 'offsets', read, 'offsets');
    return options.unlessFirst ? part.getOnceKept(options) : part.get(options);
  }

  /**
   * Records per second written to each topic, between the last two samples of the log end
   * offsets (a few seconds apart while pages are open); null for a topic not in both samples,
   * or when the samples are missing or too far apart to call the result current.
   */
  produceRates(cluster: ClusterConfig, latest: Snapshot<LogOffsets>): (topic: string, partitions: number) => number | null {
    const previous = this.#previousOffsets.get(cluster.name);
    const seconds = previous ? (latest.asOf - previous.asOf) / 1000 : 0;
    if (!previous || seconds <= 0 || seconds > RATE_WINDOW_S) return () => null;
    return (topic, partitions) => {
      let written = 0;
      for (let partition = 0; partition < partitions; partition++) {
        const now = latest.value.ends.get(topic, partition);
        const then = previous.value.ends.get(topic, partition);
        if (now === undefined || then === undefined) return null;
        written += Number(now - then);
      }
      return Math.max(0, written) / seconds;
    };
  }

  /** Bytes on disk per topic, counting one replica of each partition (the largest); undefined until first read. */
  topicSizes(cluster: ClusterConfig, options: ReadOptions = {}): Promise<Snapshot<Map<string, number>> | undefined> {
    const read = async () => {
      const { value: description } = await this.metadata(cluster, { maxAgeMs: this.timing.metadata.staleMs });
      const topics = description.topics
        .filter((topic) => topic.partitions.length > 0)
        .map((topic) => ({ name: topic.name, partitions: topic.partitions.map((_partition, index) => index) }));
      if (!topics.length) return new Map<string, number>();
      return this.kafka.call(cluster, async (admin) => {
        const brokers = await admin.describeLogDirs({ topics });
        const largest = new Map<string, { topic: string; size: number }>();
        for (const broker of brokers) {
          for (const dir of broker.results) {
            for (const topic of dir.topics) {
              for (const partition of topic.partitions) {
                const key = partitionKey(topic.name, partition.partitionIndex);
                const size = Number(partition.partitionSize);
                if ((largest.get(key)?.size ?? -1) < size) largest.set(key, { topic: topic.name, size });
              }
            }
          }
        }
        const sizes = new Map<string, number>();
        for (const { topic, size } of largest.values()) sizes.set(topic, (sizes.get(topic) ?? 0) + size);
        return sizes;
      });
    };
    return this.live(cluster, 'sizes', read, 'sizes').getOnceKept(options);
  }

  /** Every consumer group (both protocols) with its committed offsets. */
  consumerGroups(cluster: ClusterConfig, options: ReadOptions = {}): Promise<Snapshot<ConsumerGroupsState>> {
    const read = () =>
      this.kafka.call(cluster, async (admin): Promise<ConsumerGroupsState> => {
        // Without explicit types the client asks for classic groups only and misses KIP-848
        // groups and Kafka Streams apps on the streams protocol (KIP-1071).
        const types = ['classic', 'consumer', ...((await hasStreamsGroups(admin)) ? ['streams'] : [])];
        const groups = await admin.listGroups({ types });
        const listings = [...groups.values()].map((group) => ({
          groupId: group.id,
          state: group.state,
          type: group.groupType ?? 'classic',
          protocolType: group.protocolType,
        }));
        const committed = new Map<string, CommittedOffsets>();
        if (!listings.length) return { listings, committed };
        // Each group's answer spells the topic names anew: keep one string per name.
        const names = new Map<string, string>();
        const name = (topic: string) => names.get(topic) ?? (names.set(topic, topic), topic);
        for (const group of await admin.listConsumerGroupOffsets({ groups: listings.map((listing) => listing.groupId) })) {
          const entries = group.topics.flatMap((topic) =>
            topic.partitions
              // -1 means nothing committed for that partition.
              .filter((p) => p.committedOffset >= 0n)
              .map((p) => ({ topic: name(topic.name), partition: p.partitionIndex, offset: p.committedOffset })),
          );
          committed.set(group.groupId, CommittedOffsets.of(entries));
        }
        return { listings, committed };
      });
    return this.live(cluster, 'groups', read, 'groups').get(options);
  }

  /**
   * A part of the model a feature keeps (by `name`, one per cluster): read by `read`, kept,
   * refreshed and marked out of date after changes like the rest.
   */
  live<T>(cluster: ClusterConfig, name: string, read: () => Promise<T>, timing: keyof ModelTiming): LiveValue<T> {
    let parts = this.#parts.get(cluster.name);
    if (!parts) {
      parts = new Map();
      this.#parts.set(cluster.name, parts);
    }
    let part = parts.get(name) as LiveValue<T> | undefined;
    if (!part) {
      // What one page shows of one thing is forgotten once no page asks for it, so visiting
      // thousands of topics or groups does not keep thousands of values.
      const forget = () => {
        if (parts.get(name) === made) parts.delete(name);
      };
      const perPage = timing === 'details' || timing === 'measurements';
      const made: LiveValue<T> = new LiveValue(read, { ...this.timing[timing], ...(perPage && { onIdle: forget }) });
      part = made;
      parts.set(name, part as LiveValue<unknown>);
    }
    return part;
  }

  /** Stops every background read. */
  close(): void {
    for (const parts of this.#parts.values()) for (const part of parts.values()) part.close();
    this.#parts.clear();
  }
}
