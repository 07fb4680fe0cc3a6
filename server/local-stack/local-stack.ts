import { ensureJmxExporterJar, ensureKafkaJars } from './jars';
import { writeStackConfigs } from './configs';
import { jmxExporterAgent, metricsUrl, type PrometheusEndpoint } from './jmx-exporter';
import { type StackLayout, resolveDataDir, resolveLayout, runDirOf } from './layout';
import { requireJava } from './prerequisites';
import { jvmArgs, pidFilesIn, runningPid, spawnDetachedJvm, stopPidFiles } from './processes';
import { type Watched, isPortOpen, waitForBrokers, waitForConnect } from './readiness';
import { ensureCertificate } from './security';
import { assertSameStack, ensureFormatted } from './storage';

/** Options of {@link startLocalStack}; every field has a default. */
export interface LocalStackOptions {
  /** Project-relative or absolute; default '<projectRoot>/.local-stack' (git-ignored). */
  dataDir?: string;
  /** Combined broker + controller nodes; default 1. Two is the fewest that spread a scale test's files (see server/bench). */
  brokers?: 1 | 2 | 3;
  /** PLAINTEXT port of node 1; default 9092. See `resolveLayout` for the other ports. */
  kafkaPort?: number;
  /** Connect REST port; default 8083. */
  connectPort?: number;
  /** Whether to run a Kafka Connect worker; default true. */
  withConnect?: boolean;
  /**
   * Whether the broker also listens with SASL (PLAIN, SCRAM-SHA-512) on `kafkaPort + 10` and
   * TLS on `kafkaPort + 11`; default false. One broker only. A data dir formatted without it
   * cannot be started with it, since SCRAM users are created when formatting.
   */
  secured?: boolean;
  /** Progress lines; default console.log. */
  log?: (line: string) => void;
}

/** A running local stack. */
export interface LocalStack {
  /** e.g. '127.0.0.1:9092' (comma-separated for several brokers). */
  bootstrapServers: string;
  /** e.g. 'http://127.0.0.1:8083'; undefined without Connect. */
  connectUrl: string | undefined;
  /** How to reach the secured listeners; undefined unless started with `secured`. */
  security?: LocalStackSecurity;
  /** The Prometheus endpoints of its brokers (`broker-<id>`) and Connect worker (`connect`). */
  prometheus: PrometheusEndpoint[];
  /** Whether this call started the processes (false when it reused running ones). */
  started: boolean;
  /** Stops the whole stack, reused or not; check `started` to leave someone else's running. */
  stop(): Promise<void>;
}

/** The secured listeners of a local stack and the one user both SASL mechanisms know. */
export interface LocalStackSecurity {
  /** SASL_PLAINTEXT, mechanisms PLAIN and SCRAM-SHA-512, e.g. '127.0.0.1:9102'. */
  saslBootstrapServers: string;
  /** SSL with a self-signed certificate for 127.0.0.1 and localhost, e.g. '127.0.0.1:9103'. */
  tlsBootstrapServers: string;
  /** That certificate as PEM: the CA a client must trust. */
  caFile: string;
  username: string;
  password: string;
}

/**
 * Starts Apache Kafka (KRaft, 1 to 3 combined nodes) and a Kafka Connect worker from the
 * official jars, or reuses the ones already running from the same data dir, and resolves
 * once both answer. The processes outlive the caller; stop them with {@link stopLocalStack}.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const log = options.log ?? console.log;
  const layout = resolveLayout(options);
  await requireJava();
  const libsDir = await ensureKafkaJars(log);
  const exporterJar = await ensureJmxExporterJar(log);
  await assertSameStack(layout);
  const brokerPids = await Promise.all(layout.nodes.map((node) => runningPid(node.pidFile, node.propertiesFile)));
  const connectPid = layout.connect && (await runningPid(layout.connect.pidFile, layout.connect.propertiesFile));
  // Checked before formatting, which pins the data dir to these ports: a start refused for a
  // taken port must leave the data dir free for other ones.
  const securedPorts = layout.security ? [layout.security.saslPort, layout.security.sslPort] : [];
  for (const [index, node] of layout.nodes.entries()) {
    if (brokerPids[index] === undefined) {
      await requireFreePorts(layout, [node.kafkaPort, node.controllerPort, node.metricsPort, ...securedPorts], '--kafka-port');
    } else if (securedPorts.length > 0 && !(await isPortOpen(securedPorts[0]!))) {
      // Reusing it would hand out listeners that do not exist.
      throw new Error(
        `The Kafka of ${layout.dataDir} runs without --secured: stop it first (npm run kafka:down -- --data-dir ${layout.dataDir})`,
      );
    }
  }
  if (layout.connect && connectPid === undefined) {
    await requireFreePorts(layout, [layout.connect.port], '--connect-port');
    await requireFreePorts(layout, [layout.connect.metricsPort], '--kafka-port');
  }
  await ensureCertificate(layout, log);
  await writeStackConfigs(layout);
  await ensureFormatted(layout, libsDir, log);

  const spawnedPidFiles: string[] = [];
  try {
    await startBrokers(layout, libsDir, exporterJar, brokerPids, log, spawnedPidFiles);
    if (layout.connect) {
      await startConnect(layout, libsDir, exporterJar, connectPid, log, spawnedPidFiles);
    }
  } catch (error) {
    // Leave no half-started JVM holding ports; the logs named in the error stay.
    await stopPidFiles(spawnedPidFiles, `${layout.dataDir}/`, log);
    throw error;
  }
  return {
    bootstrapServers: layout.bootstrapServers,
    connectUrl: layout.connect?.url,
    security: layout.security && {
      saslBootstrapServers: `127.0.0.1:${layout.security.saslPort}`,
      tlsBootstrapServers: `127.0.0.1:${layout.security.sslPort}`,
      caFile: layout.security.caFile,
      username: layout.security.username,
      password: layout.security.password,
    },
    prometheus: [
      ...layout.nodes.map((node) => ({ name: `broker-${node.nodeId}`, kind: 'broker' as const, url: metricsUrl(node.metricsPort) })),
      ...(layout.connect ? [{ name: 'connect', kind: 'connect' as const, url: metricsUrl(layout.connect.metricsPort) }] : []),
    ],
    started: spawnedPidFiles.length > 0,
    stop: () => stopLocalStack({ dataDir: layout.dataDir, log }),
  };
}

/**
 * Stops the stack whose pid files are in the data dir: the demo's processes first (the Kafka
 * Streams app leaves its groups while the broker is up), then Connect, while it can still
 * leave its group cleanly, then every broker together (SIGTERM, SIGKILL after 20 s).
 */
export async function stopLocalStack(options: Pick<LocalStackOptions, 'dataDir' | 'log'> = {}): Promise<void> {
  const log = options.log ?? console.log;
  const dataDir = resolveDataDir(options.dataDir);
  const pidFiles = await pidFilesIn(runDirOf(dataDir));
  if (pidFiles.length === 0) {
    log(`No local stack runs from ${dataDir}`);
    return;
  }
  const isConnect = (file: string) => file.endsWith('/connect.pid');
  const isBroker = (file: string) => /\/broker-\d+\.pid$/.test(file);
  for (const stage of [
    pidFiles.filter((file) => !isConnect(file) && !isBroker(file)),
    pidFiles.filter(isConnect),
    pidFiles.filter(isBroker),
  ]) {
    await stopPidFiles(stage, `${dataDir}/`, log);
  }
}

async function startBrokers(
  layout: StackLayout,
  libsDir: string,
  exporterJar: string,
  existingPids: (number | undefined)[],
  log: (line: string) => void,
  spawnedPidFiles: string[],
): Promise<void> {
  const watched: Watched = new Map();
  const startedAt = Date.now();
  let spawned = 0;
  for (const [index, node] of layout.nodes.entries()) {
    const name = `Kafka broker ${node.nodeId}`;
    let pid = existingPids[index];
    if (pid === undefined) {
      const javaAgent = jmxExporterAgent(exporterJar, node.metricsPort, layout.brokerExporterFile);
      const options = { libsDir, log4jFile: layout.log4jFile, logFile: node.logFile, javaAgent };
      pid = await spawnDetachedJvm(jvmArgs(options, 'kafka.Kafka', [node.propertiesFile]), node);
      spawnedPidFiles.push(node.pidFile);
      spawned++;
    }
    watched.set(name, { pid, logFile: node.logFile, consoleFile: node.consoleFile });
  }
  log(
    spawned > 0
      ? `Starting Kafka on ${layout.bootstrapServers} (logs in ${layout.dataDir}/logs) ...`
      : `Reusing the Kafka already running on ${layout.bootstrapServers}`,
  );
  await waitForBrokers(layout, watched);
  if (spawned > 0) {
    log(`Kafka ready on ${layout.bootstrapServers} in ${seconds(startedAt)}`);
  }
}

async function startConnect(
  layout: StackLayout,
  libsDir: string,
  exporterJar: string,
  existingPid: number | undefined,
  log: (line: string) => void,
  spawnedPidFiles: string[],
): Promise<void> {
  const connect = layout.connect!;
  const startedAt = Date.now();
  let pid = existingPid;
  if (pid === undefined) {
    const javaAgent = jmxExporterAgent(exporterJar, connect.metricsPort, layout.connectExporterFile);
    const options = { libsDir, log4jFile: layout.log4jFile, logFile: connect.logFile, javaAgent };
    const main = 'org.apache.kafka.connect.cli.ConnectDistributed';
    pid = await spawnDetachedJvm(jvmArgs(options, main, [connect.propertiesFile]), connect);
    spawnedPidFiles.push(connect.pidFile);
    log(`Starting Kafka Connect on ${connect.url} ...`);
  } else {
    log(`Reusing the Kafka Connect already running on ${connect.url}`);
  }
  await waitForConnect(connect, new Map([['Kafka Connect', { pid, ...connect }]]));
  if (spawnedPidFiles.includes(connect.pidFile)) {
    log(`Kafka Connect ready on ${connect.url} in ${seconds(startedAt)}`);
  }
}

/** Fails early and clearly where the JVM would only log a bind error and exit. */
async function requireFreePorts(layout: StackLayout, ports: number[], option: string): Promise<void> {
  for (const port of ports) {
    if (await isPortOpen(port)) {
      throw new Error(`Port ${port} is taken by a process that is not the stack of ${layout.dataDir}: stop it or choose another ${option}`);
    }
  }
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
