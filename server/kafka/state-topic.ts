import type { ClusterConfig } from './clusters-config';
import type { KafkaClients } from './kafka-clients';
import { AppError } from '../shared/app-error';
import { PartitionReader } from './partition-reader';

interface Snapshot<T> {
  /** The next offset to read. */
  offset: bigint;
  entries: Map<string, T>;
  changes: EntryChanges;
}

/** Which entries were removed or written again after they were first written, in log order. */
export interface EntryChanges {
  removed: string[];
  rewritten: string[];
}

/** Read at most this much per fetch; state records are small. */
const FETCH_BYTES = 1024 * 1024;
/** Errors a moment of waiting cures: a topic just created, a leader moving. */
const PASSING_ERRORS = new Set([
  'LEADER_NOT_AVAILABLE',
  'NOT_LEADER_OR_FOLLOWER',
  'UNKNOWN_TOPIC_OR_PARTITION',
  'FENCED_LEADER_EPOCH',
  'NO_RESPONSE',
]);
const PASSING_ERROR_RETRIES = 25;

/**
 * State the console keeps (audit records, declared co-partition groups, metric history), held
 * in a compacted topic of the cluster it is about, as Kafka Connect keeps its own: every
 * console instance reads the same topic, so they agree, and a restart loses nothing.
 *
 * One partition keeps writes in order; the key is the entry's id; a null value (tombstone)
 * removes it. Reads catch up from the last offset this instance has seen to the high
 * watermark, so after a write (acks=all) the writer reads its own write.
 */
export class StateTopic<T> {
  readonly #snapshots = new Map<string, Snapshot<T>>();
  readonly #ensured = new Set<string>();

  constructor(
    private readonly clusters: KafkaClients,
    /** e.g. `_kpc-audit`; the leading underscore marks it as the console's own. */
    readonly topic: string,
    /** Validates a stored JSON value; a value it rejects is skipped, not fatal. */
    private readonly parse: (value: unknown) => T | undefined,
    /**
     * Keep entries at most this long (ms): the topic is then compacted *and* deleted by time
     * (`cleanup.policy=compact,delete`), for history that has no use past an age.
     */
    private readonly retentionMs?: number,
  ) {}

  /** Writes (or replaces) one entry. */
  async put(cluster: ClusterConfig, key: string, value: T): Promise<void> {
    await this.#write(cluster, key, Buffer.from(JSON.stringify(value)));
  }

  /** Removes one entry: a tombstone, which compaction later drops. */
  async remove(cluster: ClusterConfig, key: string): Promise<void> {
    await this.#write(cluster, key, null);
  }

  /** Every current entry, in the order they were first written. */
  async entries(cluster: ClusterConfig): Promise<Map<string, T>> {
    await this.#ensureTopic(cluster);
    return this.clusters.call(cluster, async (admin) => {
      const snapshot = this.#snapshots.get(cluster.name) ?? {
        offset: 0n,
        entries: new Map<string, T>(),
        changes: { removed: [], rewritten: [] },
      };
      const reader = new PartitionReader(admin);
      let retries = 0;
      for (;;) {
        const [chunk] = await reader.fetch(this.topic, [{ partition: 0, offset: snapshot.offset }], {
          maxBytesPerPartition: FETCH_BYTES,
          refreshMetadata: retries > 0,
        });
        if (chunk?.error && PASSING_ERRORS.has(chunk.error) && retries++ < PASSING_ERROR_RETRIES) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          continue;
        }
        if (!chunk || chunk.error === 'OFFSET_OUT_OF_RANGE') {
          // Retention or a purge removed what we had read up to: start again from the start.
          snapshot.offset = chunk?.logStartOffset ?? 0n;
          snapshot.entries.clear();
          snapshot.changes = { removed: [], rewritten: [] };
          if (!chunk || chunk.logStartOffset < 0n) break;
          continue;
        }
        if (chunk.error)
          throw new AppError('KAFKA_UNAVAILABLE', `The console's state topic ${this.topic} cannot be read now (${chunk.error}); try again`);
        for (const record of chunk.records) this.#apply(snapshot, record.key, record.value);
        snapshot.offset = chunk.nextOffset;
        if (chunk.nextOffset >= chunk.highWatermark) break;
      }
      this.#snapshots.set(cluster.name, snapshot);
      return new Map(snapshot.entries);
    });
  }

  /**
   * Which entries were removed or written again, as far as this instance has read. For state
   * that is only ever appended (the audit log), either means another client tampered with it.
   */
  changes(cluster: ClusterConfig): EntryChanges {
    const changes = this.#snapshots.get(cluster.name)?.changes;
    return { removed: [...(changes?.removed ?? [])], rewritten: [...(changes?.rewritten ?? [])] };
  }

  #apply({ entries, changes }: Snapshot<T>, key: Buffer | null, value: Buffer | null): void {
    if (!key) return;
    const id = key.toString('utf8');
    if (value === null) {
      if (entries.delete(id)) changes.removed.push(id);
      return;
    }
    if (entries.has(id)) changes.rewritten.push(id);
    let parsed: T | undefined;
    try {
      parsed = this.parse(JSON.parse(value.toString('utf8')));
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined) return;
    entries.delete(id); // a replaced entry moves to the end, where its newest version stands
    entries.set(id, parsed);
  }

  async #write(cluster: ClusterConfig, key: string, value: Buffer | null): Promise<void> {
    await this.#ensureTopic(cluster);
    await this.clusters.change(cluster, () =>
      this.clusters.producer(cluster).send({
        // The client's types want a Buffer, but it writes null as Kafka's null value: a tombstone.
        messages: [{ topic: this.topic, partition: 0, key: Buffer.from(key), value: value as Buffer }],
      }),
    );
  }

  async #ensureTopic(cluster: ClusterConfig): Promise<void> {
    if (this.#ensured.has(cluster.name)) return;
    await this.clusters.call(cluster, async (admin) => {
      const existing = await admin.listTopics({ includeInternals: true });
      if (existing.includes(this.topic)) return;
      const metadata = await admin.metadata({ topics: [] });
      try {
        await admin.createTopics({
          topics: [this.topic],
          partitions: 1,
          replicas: Math.min(3, metadata.brokers.size),
          configs: [
            { name: 'cleanup.policy', value: this.retentionMs === undefined ? 'compact' : 'compact,delete' },
            { name: 'min.insync.replicas', value: String(Math.min(2, metadata.brokers.size)) },
            ...(this.retentionMs === undefined ? [] : [{ name: 'retention.ms', value: String(this.retentionMs) }]),
          ],
        });
      } catch (error) {
        // Another console instance may have created it a moment ago.
        if (!/TOPIC_ALREADY_EXISTS|already exists/i.test(String((error as Error).message) + JSON.stringify(error))) throw error;
      }
    });
    this.#ensured.add(cluster.name);
  }
}
