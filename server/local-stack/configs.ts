import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { brokerExporterConfig, connectExporterConfig } from './jmx-exporter';
import type { NodeLayout, StackLayout } from './layout';
import { securityProperties } from './security';

/**
 * Writes the broker, Connect, log4j2 and JMX exporter files of a stack. They are regenerated on every
 * start from the options, so they never drift from what the code says; only the storage
 * (formatted once) carries state between runs.
 */
export async function writeStackConfigs(layout: StackLayout): Promise<void> {
  const files = new Map<string, string>([
    [layout.log4jFile, log4j2Properties()],
    [layout.brokerExporterFile, brokerExporterConfig()],
  ]);
  for (const node of layout.nodes) {
    files.set(node.propertiesFile, brokerProperties(layout, node));
  }
  if (layout.connect) {
    files.set(layout.connect.propertiesFile, connectProperties(layout));
    files.set(layout.connectExporterFile, connectExporterConfig());
  }
  await mkdir(layout.pluginDir, { recursive: true });
  for (const [file, content] of files) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}

/** `server.properties` of one combined broker + controller node. */
export function brokerProperties(layout: StackLayout, node: NodeLayout): string {
  const brokers = layout.nodes.length;
  const quorum: Record<string, string> =
    brokers === 1
      ? // A single node is formatted with --standalone (dynamic quorum, KIP-853), which refuses
        // a config that names static voters.
        { 'controller.quorum.bootstrap.servers': `127.0.0.1:${node.controllerPort}` }
      : {
          'controller.quorum.voters': layout.nodes.map((voter) => `${voter.nodeId}@127.0.0.1:${voter.controllerPort}`).join(','),
        };
  const security = layout.security;
  // Named after their protocol, so the map below is the identity and the listener-scoped
  // settings in securityProperties read `listener.name.sasl_plaintext...`, `listener.name.ssl...`.
  const clientListeners = [
    `PLAINTEXT://127.0.0.1:${node.kafkaPort}`,
    ...(security ? [`SASL_PLAINTEXT://127.0.0.1:${security.saslPort}`, `SSL://127.0.0.1:${security.sslPort}`] : []),
  ].join(',');
  return properties({
    'process.roles': 'broker,controller',
    'node.id': node.nodeId,
    ...quorum,
    listeners: `${clientListeners},CONTROLLER://127.0.0.1:${node.controllerPort}`,
    'advertised.listeners': clientListeners,
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map': `CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT${security ? ',SASL_PLAINTEXT:SASL_PLAINTEXT,SSL:SSL' : ''}`,
    'inter.broker.listener.name': 'PLAINTEXT',
    ...(security && securityProperties(security)),
    'log.dirs': node.storageDir,
    // Internal topics default to 3 replicas (min ISR 2) and would fail to be created on one
    // broker; the first consumer group or transaction would then hang.
    'offsets.topic.replication.factor': Math.min(3, brokers),
    'transaction.state.log.replication.factor': Math.min(3, brokers),
    'transaction.state.log.min.isr': Math.min(2, brokers),
    'share.coordinator.state.topic.replication.factor': Math.min(3, brokers),
    'share.coordinator.state.topic.min.isr': Math.min(2, brokers),
    // KIP-1071's streams groups (the demo's Kafka Streams app) besides classic and KIP-848
    // consumer groups: the default since 4.2, written out so the demo never depends on it.
    'group.coordinator.rebalance.protocols': 'classic,consumer,streams',
    // Tests join groups constantly; the default 3 s wait before the first rebalance only slows them.
    'group.initial.rebalance.delay.ms': 0,
    // A typo in a topic name must fail loudly instead of creating a topic.
    'auto.create.topics.enable': false,
  });
}

/** `connect-distributed.properties` of the single Connect worker. */
export function connectProperties(layout: StackLayout): string {
  const connect = layout.connect;
  if (!connect) {
    throw new Error('connectProperties needs a stack with Connect');
  }
  const replicationFactor = Math.min(3, layout.nodes.length);
  return properties({
    'bootstrap.servers': layout.bootstrapServers,
    'group.id': 'connect-cluster',
    'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'offset.storage.topic': 'connect-offsets',
    'config.storage.topic': 'connect-configs',
    'status.storage.topic': 'connect-status',
    'offset.storage.replication.factor': replicationFactor,
    'config.storage.replication.factor': replicationFactor,
    'status.storage.replication.factor': replicationFactor,
    // Source offsets (GET /connectors/{name}/offsets) stay [] until the first flush,
    // which by default comes after 60 s.
    'offset.flush.interval.ms': 5000,
    listeners: connect.url,
    'rest.advertised.host.name': '127.0.0.1',
    'rest.advertised.port': connect.port,
    // The FileStream connectors come from the classpath; an empty plugin path keeps the
    // worker from scanning anything else.
    'plugin.path': layout.pluginDir,
    // Every plugin on the classpath ships a ServiceLoader manifest (the worker says so at
    // startup), so the slow reflective scan can be skipped.
    'plugin.discovery': 'service_load',
  });
}

/**
 * One log4j2 config for every JVM of the stack; each JVM names its file with
 * `-Dkpc.logFile=...`, so nothing reaches the console of whoever started it.
 */
export function log4j2Properties(): string {
  return `# Generated by server/local-stack/configs.ts
status = warn
name = kpc-local-stack

appender.file.type = RollingFile
appender.file.name = file
appender.file.fileName = \${sys:kpc.logFile}
appender.file.filePattern = \${sys:kpc.logFile}.%i
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
appender.file.policies.type = Policies
appender.file.policies.size.type = SizeBasedTriggeringPolicy
appender.file.policies.size.size = 50MB
appender.file.strategy.type = DefaultRolloverStrategy
appender.file.strategy.max = 3

rootLogger.level = INFO
rootLogger.appenderRef.file.ref = file

# One line per request at INFO would bury everything else.
logger.request.name = kafka.request.logger
logger.request.level = WARN
`;
}

function properties(entries: Record<string, string | number | boolean>): string {
  const lines = Object.entries(entries).map(
    // Backslashes are escapes in .properties files; paths must keep theirs.
    ([key, value]) => `${key}=${String(value).replaceAll('\\', '\\\\')}`,
  );
  return `# Generated by server/local-stack/configs.ts; rewritten on every start.\n${lines.join('\n')}\n`;
}
