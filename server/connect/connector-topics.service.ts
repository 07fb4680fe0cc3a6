import type { ClusterConfig } from '../kafka/clusters-config';
import type { KafkaClients } from '../kafka/kafka-clients';
import { AppError } from '../shared/app-error';
import type { TopicsService } from '../topics/topics.service';
import type { ConnectorTopicCheck, ConnectorType, TopicCreation } from './connect.model';
import { checkTopics } from './connector-topics';

/**
 * CreateTopics takes -1 for "the broker's default" partition count and replication factor
 * (`num.partitions`, `default.replication.factor`; KIP-464).
 */
const BROKER_DEFAULT = -1;

/**
 * The Kafka side of a connector's topics: which of them exist, and creating the missing
 * ones through the topics feature, so a connector's topic obeys the same rules as one made
 * on the topics page.
 */
export class ConnectorTopicsService {
  constructor(
    private readonly clusters: KafkaClients,
    private readonly topics: TopicsService,
  ) {}

  /** The config's topics checked against the cluster's, from one metadata request. */
  async check(cluster: ClusterConfig, type: ConnectorType, config: Record<string, string>): Promise<ConnectorTopicCheck> {
    const description = await this.clusters.describe(cluster);
    return checkTopics(type, config, new Set(description.topics.map((topic) => topic.name)));
  }

  /**
   * The check, or null when the cluster cannot be asked (down, or no right to describe it):
   * a connector's page and its validation are still worth showing without it.
   */
  async checkIfPossible(cluster: ClusterConfig, type: ConnectorType, config: Record<string, string>): Promise<ConnectorTopicCheck | null> {
    try {
      return await this.check(cluster, type, config);
    } catch (err) {
      if (err instanceof AppError) return null;
      throw err;
    }
  }

  /**
   * Saves a connector, with its missing topics created first when asked. Should the save be
   * refused, the topics made for it are deleted again; when its outcome is unknown, they
   * stay, since the connector may exist and need them.
   */
  async saveWith(
    cluster: ClusterConfig,
    type: ConnectorType,
    config: Record<string, string>,
    creation: TopicCreation | undefined,
    save: () => Promise<unknown>,
  ): Promise<void> {
    const created = creation ? await this.createMissing(cluster, type, config, creation) : [];
    try {
      await save();
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'OUTCOME_UNKNOWN')) await this.remove(cluster, created);
      throw err;
    }
  }

  /**
   * Creates the config's missing topics and answers their names. When one cannot be made,
   * those made before it are deleted again, so a refused request changes nothing.
   */
  async createMissing(
    cluster: ClusterConfig,
    type: ConnectorType,
    config: Record<string, string>,
    creation: TopicCreation,
  ): Promise<string[]> {
    const { missing } = await this.check(cluster, type, config);
    const created: string[] = [];
    try {
      for (const name of missing) {
        await this.topics.create(cluster, {
          name,
          partitions: creation.partitions ?? BROKER_DEFAULT,
          replicationFactor: creation.replicationFactor ?? BROKER_DEFAULT,
          configs: {},
        });
        created.push(name);
      }
    } catch (err) {
      await this.remove(cluster, created);
      throw err;
    }
    return created;
  }

  /**
   * Deletes topics this service just created, when the connector they were made for could
   * not be saved. They are new and nothing was written to them; a failure here leaves them.
   */
  async remove(cluster: ClusterConfig, names: string[]): Promise<void> {
    for (const name of names) await this.topics.delete(cluster, name, name).catch(() => undefined);
  }
}
