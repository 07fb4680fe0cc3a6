import { randomInt } from 'node:crypto';
import type { AuditService } from '../audit/audit.service';
import type { ClusterConfig } from '../kafka/clusters-config';
import { AppError } from '../shared/app-error';
import { toOffset } from '../shared/offset';
import { javaDefaultPartition } from '../kafka/java-partitioner';
import type {
  MessageDirection,
  MessagePage,
  MessageQuery,
  ProducedMessage,
  ProduceRequest,
  StopReason,
  TopicMessage,
} from './message.model';
import { decodeCursor, encodeCursor, matches, pageOrder, takeRound, toMessage, type Positions } from './message-scan';
import { refuseConsoleTopicChange } from './console-topics';
import type { MessagesGateway } from './messages.gateway';
import type { TopicsGateway } from './topics.gateway';

/** What one page may cost at most; the page says which budget stopped it. */
export const SCAN_BUDGET = { bytes: 32 * 1024 * 1024, milliseconds: 4_000 };
const FETCH_BYTES_PER_PARTITION = 256 * 1024;

/** Browsing a topic's records, bounded, and producing one record as a Java producer would. */
export class MessagesService {
  constructor(
    private readonly topics: TopicsGateway,
    private readonly messages: MessagesGateway,
    private readonly audit: AuditService,
    private readonly budget = SCAN_BUDGET,
  ) {}

  /**
   * One page of records. A scan never reads unbounded: it stops at `limit` matching records,
   * at the byte budget or at the time budget, and its cursor continues exactly there.
   */
  async browse(cluster: ClusterConfig, topic: string, query: MessageQuery): Promise<MessagePage> {
    const partitionCount = await this.#partitionCount(cluster, topic);
    const partitions = query.partition === undefined ? range(partitionCount) : [checkPartition(topic, query.partition, partitionCount)];
    const ref = [{ name: topic, partitions: partitionCount }];
    const earliest = (await this.topics.offsets(cluster, ref, 'earliest')).get(topic) ?? [];
    const latest = (await this.topics.offsets(cluster, ref, 'latest')).get(topic) ?? [];
    const positions = query.cursor
      ? decodeCursor(query.cursor, query.direction, partitionCount)
      : await this.#startPositions(cluster, topic, partitions, query, earliest, latest);

    const started = Date.now();
    const scanned = { records: 0, bytes: 0 };
    const page: TopicMessage[] = [];
    const windows = new Map(partitions.map((partition) => [partition, BigInt(Math.max(query.limit, 20))]));
    let stoppedBy: StopReason;
    for (;;) {
      const open = [...positions].filter(([p, offset]) =>
        query.direction === 'forward' ? offset < (latest[p] ?? 0n) : offset > (earliest[p] ?? 0n),
      );
      if (page.length >= query.limit) stoppedBy = 'limit';
      else if (open.length === 0) stoppedBy = 'end';
      else if (scanned.bytes >= this.budget.bytes) stoppedBy = 'scan-budget';
      else if (Date.now() - started >= this.budget.milliseconds) stoppedBy = 'time-budget';
      else {
        const bytesPerPartition = Math.max(
          1,
          Math.min(FETCH_BYTES_PER_PARTITION, Math.floor((this.budget.bytes - scanned.bytes) / open.length)),
        );
        const round = await this.#readRound(cluster, topic, query.direction, open, earliest, windows, bytesPerPartition, scanned);
        const matching = round.messages.filter((message) => matches(message, query));
        page.push(...takeRound(query.direction, matching, query.limit - page.length, round.readUpTo, positions));
        continue;
      }
      break;
    }
    return {
      messages: page.sort(pageOrder(query.direction)),
      stoppedBy,
      nextCursor: stoppedBy === 'end' ? null : encodeCursor(query.direction, positions),
      positions: [...positions].sort(([a], [b]) => a - b).map(([partition, offset]) => ({ partition, offset: toOffset(offset) })),
      scanned,
    };
  }

  /** Writes one record; without a partition the key picks it as in the Java client. */
  async produce(cluster: ClusterConfig, topic: string, request: ProduceRequest): Promise<ProducedMessage> {
    refuseConsoleTopicChange(topic, 'producing to it');
    const partitionCount = await this.#partitionCount(cluster, topic);
    const partition =
      request.partition !== undefined
        ? checkPartition(topic, request.partition, partitionCount)
        : request.key !== null
          ? javaDefaultPartition(Buffer.from(request.key), partitionCount)
          : randomInt(partitionCount);
    const { result } = await this.audit.track(
      cluster,
      {
        action: 'topic.message.produce',
        subject: { kind: 'topic', name: topic },
        // What identifies the record; its value may hold anything, so only its size is kept.
        parameters: {
          key: request.key,
          partition,
          headers: Object.keys(request.headers ?? {}),
          valueBytes: request.value === null ? null : Buffer.byteLength(request.value),
        },
        before: null,
      },
      async (): Promise<ProducedMessage> => ({
        partition,
        offset: toOffset(await this.messages.produce(cluster, topic, partition, request)),
      }),
      { after: (written) => ({ written }) },
    );
    return result;
  }

  /**
   * One fetch over the open partitions. Going backward each partition reads the window of
   * offsets that ends at its position, newest records being what a page wants; a window that
   * does not fit in one fetch is narrowed and read again, never half used.
   */
  async #readRound(
    cluster: ClusterConfig,
    topic: string,
    direction: MessageDirection,
    open: [number, bigint][],
    earliest: bigint[],
    windows: Map<number, bigint>,
    bytesPerPartition: number,
    scanned: { records: number; bytes: number },
  ): Promise<{ messages: TopicMessage[]; readUpTo: Positions }> {
    const starts = open.map(([partition, offset]) => ({
      partition,
      offset: direction === 'forward' ? offset : maxOf(earliest[partition] ?? 0n, offset - windows.get(partition)!),
    }));
    const chunks = await this.messages.fetch(cluster, topic, starts, bytesPerPartition);
    const ends = new Map(open);
    const readUpTo: Positions = new Map();
    const messages: TopicMessage[] = [];
    for (const chunk of chunks) {
      const start = starts.find((s) => s.partition === chunk.partition)!.offset;
      const end = ends.get(chunk.partition)!;
      if (chunk.error === 'OFFSET_OUT_OF_RANGE') {
        // Retention removed the records since the scan began: go on from the log start.
        readUpTo.set(chunk.partition, direction === 'forward' ? maxOf(chunk.logStartOffset, start) : chunk.logStartOffset);
        continue;
      }
      if (chunk.error) throw new AppError('KAFKA_UNAVAILABLE', `Partition ${chunk.partition} of ${topic} cannot be read: ${chunk.error}`);
      const inRange = chunk.records.filter((record) => direction === 'forward' || record.offset < end);
      for (const record of inRange) {
        scanned.records++;
        scanned.bytes += (record.key?.length ?? 0) + (record.value?.length ?? 0);
      }
      if (direction === 'backward' && chunk.nextOffset < end) {
        // Only the older part of the window fitted: narrow it to what fitted and read again.
        windows.set(chunk.partition, maxOf(1n, chunk.nextOffset - start));
        readUpTo.set(chunk.partition, end);
        continue;
      }
      messages.push(...inRange.map(toMessage));
      readUpTo.set(chunk.partition, direction === 'forward' ? chunk.nextOffset : start);
    }
    return { messages, readUpTo };
  }

  async #startPositions(
    cluster: ClusterConfig,
    topic: string,
    partitions: number[],
    query: MessageQuery,
    earliest: bigint[],
    latest: bigint[],
  ): Promise<Positions> {
    const clamp = (partition: number, offset: bigint) => minOf(maxOf(offset, earliest[partition] ?? 0n), latest[partition] ?? 0n);
    let atTime: bigint[] | undefined;
    if (query.timestamp !== undefined) {
      atTime = await this.topics.offsetsForTime(cluster, { name: topic, partitions: earliest.length }, query.timestamp);
    }
    return new Map(
      partitions.map((partition): [number, bigint] => {
        const end = latest[partition] ?? 0n;
        if (atTime) {
          const first = atTime[partition] ?? -1n;
          return [partition, first < 0n ? end : clamp(partition, first)];
        }
        if (query.offset !== undefined) {
          const offset = BigInt(query.offset);
          return [partition, clamp(partition, query.direction === 'forward' ? offset : offset + 1n)];
        }
        return [partition, query.direction === 'forward' ? (earliest[partition] ?? 0n) : end];
      }),
    );
  }

  async #partitionCount(cluster: ClusterConfig, topic: string): Promise<number> {
    return (await this.topics.partitionCounts(cluster, [topic])).get(topic)!;
  }
}

function checkPartition(topic: string, partition: number, count: number): number {
  if (partition < 0 || partition >= count) {
    throw new AppError('PARTITION_NOT_FOUND', `${topic} has no partition ${partition}: it has partitions 0 to ${count - 1}`);
  }
  return partition;
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}

const maxOf = (a: bigint, b: bigint) => (a > b ? a : b);
const minOf = (a: bigint, b: bigint) => (a < b ? a : b);
