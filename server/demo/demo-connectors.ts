import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClusterConfig, ConnectClusterConfig } from '../kafka/clusters-config';
import type { KafkaClients } from '../kafka/kafka-clients';
import { ConnectGateway } from '../connect/connect.gateway';
import type { Logger } from '../shared/logger';
import { DemoGateway } from './demo.gateway';

import { DOMAIN_EVENTS_TOPIC, domainEventsExportFile } from './demo-pipeline';

export { DOMAIN_EVENTS_TOPIC };
const STRING_CONVERTER = 'org.apache.kafka.connect.storage.StringConverter';

/**
 * Seeds the Connect part of the demo: an export of the monolith's `domain_events` table as
 * JSON lines, a FileStreamSource connector `domain-events-source` publishing it to
 * {@link DOMAIN_EVENTS_TOPIC}, and a FileStreamSink `domain-events-archive` copying that topic
 * back to a file. Each piece is made only when missing, so restarts change nothing.
 */
export async function seedDemoConnectors(
  cluster: ClusterConfig,
  connect: ConnectClusterConfig,
  clusters: KafkaClients,
  dataDir: string,
  logger: Logger,
): Promise<void> {
  const demoDir = join(dataDir, 'demo');
  mkdirSync(demoDir, { recursive: true });
  const exportFile = domainEventsExportFile(dataDir);
  // Written once: rewriting it would move lines under the source connector's stored position.
  if (!existsSync(exportFile)) writeFileSync(exportFile, domainEventLines().join('\n') + '\n');

  await clusters.call(cluster, (admin) =>
    new DemoGateway(admin, cluster.bootstrapServers).createMissingTopics([
      { name: DOMAIN_EVENTS_TOPIC, partitions: 1, configs: { 'retention.ms': '-1', 'cleanup.policy': 'delete' }, records: [] },
    ]),
  );

  const gateway = new ConnectGateway();
  // The demo's connectors are a nicety: a worker that is slow to come up must not stop the console.
  const existing = await gateway.connectors(connect).catch((err: unknown) => {
    logger.warn({ err }, 'cannot list connectors: the demo connectors are not seeded');
    return undefined;
  });
  if (!existing) return;
  const wanted: Record<string, Record<string, string>> = {
    'domain-events-source': {
      'connector.class': 'FileStreamSource',
      file: exportFile,
      topic: DOMAIN_EVENTS_TOPIC,
      'key.converter': STRING_CONVERTER,
      'value.converter': STRING_CONVERTER,
    },
    'domain-events-archive': {
      'connector.class': 'FileStreamSink',
      topics: DOMAIN_EVENTS_TOPIC,
      file: join(demoDir, 'domain_events.archive.jsonl'),
      'key.converter': STRING_CONVERTER,
      'value.converter': STRING_CONVERTER,
    },
  };
  for (const [name, config] of Object.entries(wanted)) {
    if (existing[name]) continue;
    await gateway.create(connect, name, { name, ...config });
    logger.info({ connector: name }, 'created demo connector');
  }
}

/**
 * Rows of the monolith's `domain_events` table, as its export job writes them: `id` and
 * `aggregateId` name the order, `sequence` rises by one per event (the monolith continues it,
 * see demo-monolith.ts). A data dir seeded before the monolith ran has rows with a numeric
 * `id`, the row's own, and no `sequence`: the monolith continues after them too.
 */
function domainEventLines(): string[] {
  const types = ['OrderPlaced', 'PaymentCaptured', 'OrderShipped', 'CustomerRegistered'];
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: 40 }, (_, i) => {
    const orderId = `order-${1000 + (i % 12)}`;
    return JSON.stringify({
      id: orderId,
      sequence: i + 1,
      type: types[i % types.length],
      aggregateId: orderId,
      occurredAt: new Date(start + i * 90_000).toISOString(),
    });
  });
}
