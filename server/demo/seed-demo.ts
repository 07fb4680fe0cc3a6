import type { ClusterConfig } from '../kafka/clusters-config';
import { KafkaClients } from '../kafka/kafka-clients';
import { resolveDataDir } from '../local-stack/layout';
import type { Logger } from '../shared/logger';
import { seedDemoConnectors } from './demo-connectors';
import { seedDemoConsumerGroups } from './demo-consumer-groups';
import { removeDemoLeftovers } from './demo-leftovers';
import { demoTopics } from './demo-pipeline';
import { DemoGateway } from './demo.gateway';

/**
 * Seeds the demo pipeline into the embedded cluster; safe to run on every start. `dataDir` is
 * the stack's (where the monolith's export lives); default `KPC_DATA_DIR` or `.local-stack`.
 */
export async function seedDemo(
  cluster: ClusterConfig,
  logger: Logger,
  dataDir = resolveDataDir(process.env['KPC_DATA_DIR']),
): Promise<void> {
  const clusters = new KafkaClients();
  try {
    const topics = demoTopics();
    await clusters.call(cluster, async (admin) => {
      const leftovers = await removeDemoLeftovers(admin, logger).catch((err: unknown) => {
        logger.warn({ err }, "cannot check for what an earlier demo seeded under the Kafka Streams apps' names");
        return [];
      });
      if (leftovers.length) logger.info({ removed: leftovers }, "removed what an earlier demo seeded under the Kafka Streams apps' names");
      const demo = new DemoGateway(admin, cluster.bootstrapServers);
      const created = await demo.createMissingTopics(topics);
      if (created.length) logger.info({ topics: created }, 'created demo topics');
      await demo.fillEmptyTopics(topics);
      const groups = await seedDemoConsumerGroups(admin);
      if (groups.length) logger.info({ groups }, 'committed demo consumer group offsets');
    });
    const connect = cluster.connect[0];
    if (connect) await seedDemoConnectors(cluster, connect, clusters, dataDir, logger);
  } finally {
    await clusters.close();
  }
}
