import { randomBytes } from 'node:crypto';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { KafkaClients } from '../kafka/kafka-clients';
import { StateTopic } from '../kafka/state-topic';
import type { AuditPage, AuditRecord } from './audit.model';

/** The compacted topic, in each cluster, that holds that cluster's audit log. */
export const AUDIT_TOPIC = '_kpc-audit';

/** A record as a feature hands it in: the log gives it its id and time. */
export type NewAuditRecord = AuditRecord extends infer Record
  ? Record extends AuditRecord
    ? Omit<Record, 'id' | 'at' | 'undoneBy'>
    : never
  : never;

/**
 * The audit log. Each cluster keeps its own in {@link AUDIT_TOPIC}, so every console
 * instance pointed at it sees the same history and a restart loses nothing.
 */
export class AuditService {
  readonly #topic: StateTopic<AuditRecord>;
  #sequence = 0;

  constructor(
    private readonly clusters: readonly ClusterConfig[],
    gateway: KafkaClients,
  ) {
    this.#topic = new StateTopic(gateway, AUDIT_TOPIC, parseAuditRecord);
  }

  /** Appends a record and returns it with its id and time. */
  async record(cluster: ClusterConfig, record: NewAuditRecord): Promise<AuditRecord> {
    const at = new Date();
    // Time first so ids sort by time; the counter orders records of the same millisecond.
    const sequence = String(this.#sequence++ % 1_000_000).padStart(6, '0');
    const stored = {
      id: `${at.toISOString()}-${sequence}-${randomBytes(3).toString('hex')}`,
      at: at.toISOString(),
      ...record,
    } as AuditRecord;
    await this.#topic.put(cluster, stored.id, stored);
    return stored;
  }

  /** One record, or undefined. */
  async find(cluster: ClusterConfig, id: string): Promise<AuditRecord | undefined> {
    return (await this.#topic.entries(cluster)).get(id);
  }

  /** Marks a record as reverted by another. */
  async markUndone(cluster: ClusterConfig, record: AuditRecord, undoneBy: string): Promise<void> {
    await this.#topic.put(cluster, record.id, { ...record, undoneBy });
  }

  /** The newest records first, of one cluster or of all; unreachable clusters are named. */
  async list(filter: { cluster?: ClusterConfig; action?: string; limit: number }): Promise<AuditPage> {
    const clusters = filter.cluster ? [filter.cluster] : this.clusters;
    const unavailableClusters: string[] = [];
    const items: AuditRecord[] = [];
    await Promise.all(
      clusters.map(async (cluster) => {
        try {
          items.push(...(await this.#topic.entries(cluster)).values());
        } catch (error) {
          // With one cluster asked for, its failure is the answer; with all, the others still count.
          if (filter.cluster) throw error;
          unavailableClusters.push(cluster.name);
        }
      }),
    );
    const matching = items
      .filter((record) => !filter.action || record.action === filter.action || record.action.startsWith(`${filter.action}.`))
      .sort((a, b) => (a.id < b.id ? 1 : -1));
    return { items: matching.slice(0, filter.limit), unavailableClusters: unavailableClusters.sort() };
  }
}

function parseAuditRecord(value: unknown): AuditRecord | undefined {
  const record = value as Partial<AuditRecord> | null;
  const isRecord =
    typeof record?.id === 'string' &&
    typeof record.at === 'string' &&
    typeof record.action === 'string' &&
    typeof record.cluster === 'string' &&
    typeof record.subject?.name === 'string';
  return isRecord ? (record as AuditRecord) : undefined;
}
