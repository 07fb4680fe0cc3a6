import type { ConnectGateway } from '../connect/connect.gateway';
import { targetTopics } from '../connect/connector-topics';
import { ConfigResourceTypes, ConfigSources } from '../kafka/client';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { KafkaClients } from '../kafka/kafka-clients';

/** The topic configs the durability lesson weighs. */
export const DURABILITY_CONFIGS = [
  'min.insync.replicas',
  'unclean.leader.election.enable',
  'retention.ms',
  'retention.bytes',
  'cleanup.policy',
] as const;
export type DurabilityConfig = (typeof DURABILITY_CONFIGS)[number];

/** One effective topic config: its value (a broker default resolved) and whether the topic overrides it. */
export interface EffectiveConfig {
  value: string | null;
  isOverride: boolean;
}

export type TopicConfigs = Partial<Record<DurabilityConfig, EffectiveConfig>>;

/**
 * Topics per DescribeConfigs request: a few configs each, so a request stays a few kilobytes,
 * and thousands of topics take a few dozen requests instead of one per topic.
 */
export const TOPICS_PER_REQUEST = 250;
/** Requests in flight at once: enough to hide the round trips, few enough not to load the brokers. */
const PARALLEL_REQUESTS = 3;

/** What the source connectors publish to, and the Connect clusters that could not be asked. */
export interface SourceTopics {
  topics: Set<string>;
  problems: string[];
}

/** The Advisor's reads that no other feature makes: effective topic configs in batches, and what source connectors write. */
export class AdvisorGateway {
  constructor(
    private readonly clusters: KafkaClients,
    private readonly connect: ConnectGateway,
  ) {}

  /**
   * The effective {@link DURABILITY_CONFIGS} of every topic named, in batched DescribeConfigs
   * requests. A topic's answer already resolves the broker's defaults (`log.*`, `min.insync.replicas`),
   * so the value is what the broker applies. A batch the brokers refuse (a topic deleted a moment
   * ago fails the whole request) is named in `failed`, and the others are still answered.
   */
  async topicConfigs(cluster: ClusterConfig, topics: readonly string[]): Promise<{ configs: Map<string, TopicConfigs>; failed: string[] }> {
    const configs = new Map<string, TopicConfigs>();
    const failed: string[] = [];
    const batches: string[][] = [];
    for (let first = 0; first < topics.length; first += TOPICS_PER_REQUEST) batches.push(topics.slice(first, first + TOPICS_PER_REQUEST));
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        try {
          for (const [topic, topicConfigs] of await this.#describe(cluster, batch)) configs.set(topic, topicConfigs);
        } catch (error) {
          failed.push(`${batch.length} topic${batch.length === 1 ? '' : 's'} from ${batch[0]}: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_REQUESTS, batches.length) }, worker));
    return { configs, failed };
  }

  /**
   * The topics the source connectors of the cluster's Connect clusters publish to: those their
   * configs name, and, where a config cannot tell (a prefix, a router), those Connect has seen
   * them write (KIP-558).
   */
  async sourceTopics(cluster: ClusterConfig): Promise<SourceTopics> {
    const topics = new Set<string>();
    const problems: string[] = [];
    await Promise.all(
      cluster.connect.map(async (connect) => {
        try {
          for (const { info } of Object.values(await this.connect.connectors(connect))) {
            if (info.type !== 'source') continue;
            const targets = targetTopics('source', info.config);
            for (const topic of targets.topics) topics.add(topic);
            if (targets.cannotTell)
              for (const topic of await this.connect.activeTopics(connect, info.name).catch(() => [])) topics.add(topic);
          }
        } catch (error) {
          problems.push(`${connect.name}: ${(error as Error).message}`);
        }
      }),
    );
    return { topics, problems };
  }

  #describe(cluster: ClusterConfig, topics: string[]): Promise<Map<string, TopicConfigs>> {
    return this.clusters.call(cluster, async (admin) => {
      const described = await admin.describeConfigs({
        resources: topics.map((topic) => ({
          resourceType: ConfigResourceTypes.TOPIC,
          resourceName: topic,
          configurationKeys: [...DURABILITY_CONFIGS],
        })),
      });
      const result = new Map<string, TopicConfigs>();
      for (const resource of described) {
        const topicConfigs: TopicConfigs = {};
        for (const config of resource.configs) {
          if (!(DURABILITY_CONFIGS as readonly string[]).includes(config.name)) continue;
          topicConfigs[config.name as DurabilityConfig] = {
            value: config.value ?? null,
            isOverride: config.configSource === ConfigSources.DYNAMIC_TOPIC_CONFIG,
          };
        }
        result.set(resource.resourceName, topicConfigs);
      }
      return result;
    });
  }
}
