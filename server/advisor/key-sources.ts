import type { ConnectService } from '../connect/connect.service';
import type { ClusterConfig } from '../kafka/clusters-config';

/** The source connectors of a cluster and the topics each writes, and the Connect clusters that did not answer. */
export interface SourceConnectors {
  /** Connector name → the topics its config names (`topic`, `topics`; a `topics.regex` names none). */
  topicsByConnector: Map<string, string[]>;
  unreachable: { connect: string; reason: string }[];
}

/**
 * Which topics source connectors write: event topics fed from databases and files, whose keys
 * and batches the Advisor checks even when they are quiet now. One request per Connect cluster.
 */
export async function sourceConnectors(connect: Pick<ConnectService, 'list'>, cluster: ClusterConfig): Promise<SourceConnectors> {
  const answer: SourceConnectors = { topicsByConnector: new Map(), unreachable: [] };
  await Promise.all(
    cluster.connect.map(async (connectCluster) => {
      try {
        for (const connector of await connect.list(connectCluster)) {
          if (connector.type !== 'source') continue;
          const named = connector.topics.filter((topic) => !(topic.startsWith('/') && topic.endsWith('/')));
          answer.topicsByConnector.set(connector.name, named);
        }
      } catch (err) {
        answer.unreachable.push({ connect: connectCluster.name, reason: (err as Error).message });
      }
    }),
  );
  return answer;
}
