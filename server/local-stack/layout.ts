import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../project';

/** The Kafka release the local stack runs; `connect-file` is not served for 4.4.0 yet. */
export const KAFKA_VERSION = '4.3.1';

/** One combined broker + controller node and the files that belong to it. */
export interface NodeLayout {
  nodeId: number;
  kafkaPort: number;
  controllerPort: number;
  /** Kafka's `log.dirs`: the partitions and `meta.properties`. */
  storageDir: string;
  propertiesFile: string;
  logFile: string;
  /** JVM stdout/stderr: what happens before log4j is up (bind errors, crashes). */
  consoleFile: string;
  pidFile: string;
  /** Where its Prometheus JMX exporter agent serves `/metrics` (see {@link resolveLayout}). */
  metricsPort: number;
}

/**
 * The extra listeners of a secured single node (see {@link resolveLayout}) and what a client
 * needs to use them. Inter-broker and controller traffic stay on PLAINTEXT.
 */
export interface SecurityLayout {
  /** SASL_PLAINTEXT listener: PLAIN and SCRAM-SHA-512. */
  saslPort: number;
  /** SSL listener, with a self-signed certificate for 127.0.0.1 and localhost. */
  sslPort: number;
  /** PKCS12 keystore of the broker, generated once with `keytool`. */
  keystoreFile: string;
  /** Not a secret: the keystore only ever serves this throwaway local broker. */
  keystorePassword: string;
  /** The broker's certificate as PEM, for a client to trust as its CA. */
  caFile: string;
  /** The one user, known to both mechanisms (PLAIN from the JAAS config, SCRAM from format). */
  username: string;
  password: string;
}

/** The Connect worker's files. */
export interface ConnectLayout {
  port: number;
  url: string;
  /** Where its Prometheus JMX exporter agent serves `/metrics`. */
  metricsPort: number;
  propertiesFile: string;
  logFile: string;
  consoleFile: string;
  pidFile: string;
}

/** Every path and port of one local stack, derived from its options only. */
export interface StackLayout {
  dataDir: string;
  libsDir: string;
  pluginDir: string;
  log4jFile: string;
  /** The JMX exporter agent's rules for the brokers and for Connect (see jmx-exporter.ts). */
  brokerExporterFile: string;
  connectExporterFile: string;
  /** Remembers brokers, ports and cluster id so a restart reuses the formatted storage. */
  stackFile: string;
  nodes: NodeLayout[];
  connect: ConnectLayout | undefined;
  bootstrapServers: string;
  /** Undefined unless the stack was asked to be secured. */
  security: SecurityLayout | undefined;
}

/** What the layout depends on; `dataDir` may be project-relative. */
export interface LayoutOptions {
  dataDir?: string;
  brokers?: 1 | 2 | 3;
  kafkaPort?: number;
  connectPort?: number;
  withConnect?: boolean;
  secured?: boolean;
}

/** The folder holding the downloaded jars, shared by every data dir. */
export function kafkaCacheDir(): string {
  return join(PROJECT_ROOT, '.cache', `kafka-${KAFKA_VERSION}`);
}

/** Resolves a data dir option against the project root (default `.local-stack`). */
export function resolveDataDir(dataDir: string | undefined): string {
  return resolve(PROJECT_ROOT, dataDir ?? '.local-stack');
}

/**
 * Derives ports and paths. One node: PLAINTEXT on `kafkaPort`, controller on `kafkaPort + 1`.
 * Two or three nodes: node i listens on `kafkaPort + 2 * (i - 1)` and its controller on
 * `kafkaPort + 100 + i`, so 9092 gives 9092/9094/9096 and controllers 9193/9194/9195;
 * the gaps keep one stack's ports clear of another started at `kafkaPort + 1`.
 * Secured (one node only): SASL_PLAINTEXT on `kafkaPort + 10`, SSL on `kafkaPort + 11`.
 * Prometheus metrics (the JMX exporter agent, see jmx-exporter.ts): node i on
 * `kafkaPort + 20 + 2 * (i - 1)`, Connect on `kafkaPort + 30`, the demo's Streams app on
 * `kafkaPort + 32` ({@link streamsAppMetricsPort}); even offsets, so a stack started at
 * `kafkaPort + 1` gets the odd ones.
 */
export function resolveLayout(options: LayoutOptions = {}): StackLayout {
  const dataDir = resolveDataDir(options.dataDir);
  const brokers = options.brokers ?? 1;
  if (options.secured && brokers !== 1) {
    // One node is enough to prove a client's SASL and TLS settings; several would each need
    // listeners of their own, which nothing asks for yet.
    throw new Error('A secured stack (--secured) has a single broker: drop --brokers or --secured');
  }
  const kafkaPort = options.kafkaPort ?? 9092;
  const connectPort = options.connectPort ?? 8083;
  const cacheDir = kafkaCacheDir();
  const nodes: NodeLayout[] = [];
  for (let nodeId = 1; nodeId <= brokers; nodeId++) {
    nodes.push({
      nodeId,
      kafkaPort: kafkaPort + 2 * (nodeId - 1),
      controllerPort: brokers === 1 ? kafkaPort + 1 : kafkaPort + 100 + nodeId,
      storageDir: join(dataDir, 'kraft', `broker-${nodeId}`),
      propertiesFile: join(dataDir, 'config', `broker-${nodeId}.properties`),
      logFile: join(dataDir, 'logs', `broker-${nodeId}.log`),
      consoleFile: join(dataDir, 'logs', `broker-${nodeId}.out`),
      pidFile: join(runDirOf(dataDir), `broker-${nodeId}.pid`),
      metricsPort: kafkaPort + 20 + 2 * (nodeId - 1),
    });
  }
  const connect: ConnectLayout | undefined =
    options.withConnect === false
      ? undefined
      : {
          port: connectPort,
          url: `http://127.0.0.1:${connectPort}`,
          metricsPort: kafkaPort + 30,
          propertiesFile: join(dataDir, 'config', 'connect.properties'),
          logFile: join(dataDir, 'logs', 'connect.log'),
          consoleFile: join(dataDir, 'logs', 'connect.out'),
          pidFile: join(runDirOf(dataDir), 'connect.pid'),
        };
  return {
    dataDir,
    libsDir: join(cacheDir, 'libs'),
    pluginDir: join(cacheDir, 'plugins'),
    log4jFile: join(dataDir, 'config', 'log4j2.properties'),
    brokerExporterFile: join(dataDir, 'config', 'jmx-exporter-broker.yaml'),
    connectExporterFile: join(dataDir, 'config', 'jmx-exporter-connect.yaml'),
    stackFile: join(dataDir, 'stack.json'),
    nodes,
    connect,
    bootstrapServers: nodes.map((node) => `127.0.0.1:${node.kafkaPort}`).join(','),
    security: options.secured ? securityLayout(dataDir, kafkaPort) : undefined,
  };
}

/** The demo Streams app's metrics port on the stack of `kafkaPort` (see {@link resolveLayout}). */
export function streamsAppMetricsPort(kafkaPort: number): number {
  return kafkaPort + 32;
}

function securityLayout(dataDir: string, kafkaPort: number): SecurityLayout {
  return {
    saslPort: kafkaPort + 10,
    sslPort: kafkaPort + 11,
    keystoreFile: join(dataDir, 'tls', 'broker.p12'),
    keystorePassword: 'kpc-local-stack',
    caFile: join(dataDir, 'tls', 'broker-ca.pem'),
    username: 'console',
    password: 'console-secret',
  };
}

/** The folder of pid files, read by `stop` without knowing the options `start` had. */
export function runDirOf(dataDir: string): string {
  return join(dataDir, 'run');
}
