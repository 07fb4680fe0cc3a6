import type { ClusterModel } from '../kafka/cluster-model';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { StreamsGateway } from '../streams/streams.gateway';
import type { StreamsService } from '../streams/streams.service';
import type { StreamsProtocol, StreamsStore } from '../streams/streams.model';

/** A state store as the Advisor weighs it: what the Streams page shows, and what sizes it. */
export interface StoreFacts extends StreamsStore {
  /** Partitions of its changelog, so instances of the store across the app; null before the changelog exists. */
  partitions: number | null;
  /**
   * The `retention.ms` the app asks its changelog to have, from the topology it gave the broker
   * (KIP-1071): Kafka Streams computes it as the window's size + grace + `changelog.additional.retention.ms`.
   * Null for a classic app, whose topology the broker does not know, and for a store without windows.
   */
  requestedRetentionMs: number | null;
}

/** One Streams app as the Advisor's checks need it. */
export interface StreamsAppFacts {
  applicationId: string;
  protocol: StreamsProtocol;
  /** Running instances (processes) of the app; 0 when none runs. */
  instances: number;
  stores: StoreFacts[];
}

/** How many apps are asked for at once: the whole list, a page the size of any real cluster's. */
const ALL_APPS = 10_000;

/**
 * Reads every Streams app of a cluster through the Streams feature (its stores, changelogs,
 * retention and measured restore rate), with what the Advisor needs besides: the changelogs'
 * partitions and the retention the app itself asks for. Checks asking at once share one read.
 */
export class StreamsFacts {
  readonly #reading = new Map<string, Promise<{ apps: StreamsAppFacts[]; unread: string[] }>>();

  constructor(
    private readonly streams: StreamsService,
    private readonly gateway: StreamsGateway,
    private readonly model: ClusterModel,
  ) {}

  /** Every app, and the apps that could not be read with the reason (one gone since it was listed, say). */
  read(cluster: ClusterConfig): Promise<{ apps: StreamsAppFacts[]; unread: string[] }> {
    let reading = this.#reading.get(cluster.name);
    if (!reading) {
      reading = this.#read(cluster).finally(() => this.#reading.delete(cluster.name));
      this.#reading.set(cluster.name, reading);
    }
    return reading;
  }

  async #read(cluster: ClusterConfig): Promise<{ apps: StreamsAppFacts[]; unread: string[] }> {
    const page = await this.streams.list(cluster, { sort: 'applicationId', order: 'asc', page: 0, pageSize: ALL_APPS });
    if (!page.items.length) return { apps: [], unread: [] };
    const [metadata, groups] = await Promise.all([this.model.metadata(cluster), this.gateway.streamsGroups(cluster)]);
    const partitions = new Map(metadata.value.topics.map((topic) => [topic.name, topic.partitions.length]));
    const requested = new Map<string, number>();
    for (const group of groups) {
      for (const subtopology of group.topology ?? []) {
        for (const changelog of subtopology.changelogTopics) {
          const retention = Number(changelog.configs['retention.ms']);
          if (changelog.configs['retention.ms'] !== undefined && Number.isFinite(retention) && retention >= 0)
            requested.set(changelog.name, retention);
        }
      }
    }
    const unread: string[] = [];
    const apps = await Promise.all(
      page.items.map(async (summary): Promise<StreamsAppFacts | undefined> => {
        try {
          const detail = await this.streams.detail(cluster, summary.applicationId);
          const processes = new Set(detail.members.map((member) => member.processId || member.memberId));
          return {
            applicationId: detail.applicationId,
            protocol: detail.protocol,
            instances: processes.size,
            stores: detail.stores.map((store) => ({
              ...store,
              partitions: partitions.get(store.changelogTopic) ?? null,
              requestedRetentionMs: requested.get(store.changelogTopic) ?? null,
            })),
          };
        } catch (err) {
          unread.push(`${summary.applicationId}: ${(err as Error).message}`);
          return undefined;
        }
      }),
    );
    return { apps: apps.filter((app) => app !== undefined), unread };
  }
}
