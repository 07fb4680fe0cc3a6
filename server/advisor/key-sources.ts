import type { ConnectGateway } from '../connect/connect.gateway';
import { targetTopics } from '../connect/connector-topics';
import type { ClusterConfig } from '../kafka/clusters-config';

/** The source connectors of a cluster and the topics each writes, and the Connect clusters that did not answer. */
export interface SourceConnectors {
  /** Connector name → the topics it writes. */
  topicsByConnector: Map<string, string[]>;
  unreachable: { connect: string; reason: string }[];
}

/**
 * Which topics each source connector writes: event topics fed from databases and files, whose
 * keys the Advisor checks even when they are quiet now, and whose producers' metrics it can
 * name. The topics its config names (`topic`, `kafka.topic`), or where the config cannot tell
 * (a prefix, a router), those Connect has seen it write (KIP-558), as the durability lesson reads them.
 */
export async function sourceConnectors(
  connect: Pick<ConnectGateway, 'connectors' | 'activeTopics'>,
  cluster: ClusterConfig,
): Promise<SourceConnectors> {
  const answer: SourceConnectors = { topicsByConnector: new Map(), unreachable: [] };
  await Promise.all(
    cluster.connect.map(async (connectCluster) => {
      try {
        for (const { info } of Object.values(await connect.connectors(connectCluster))) {
          if (info.type !== 'source') continue;
          const targets = targetTopics('source', info.config);
          const seen = targets.cannotTell ? await connect.activeTopics(connectCluster, info.name).catch(() => []) : [];
          answer.topicsByConnector.set(info.name, [...new Set([...targets.topics, ...seen])]);
        }
      } catch (err) {
        answer.unreachable.push({ connect: connectCluster.name, reason: (err as Error).message });
      }
    }),
  );
  return answer;
}
