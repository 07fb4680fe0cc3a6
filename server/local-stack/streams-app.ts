import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { log4j2Properties } from './configs';
import { ensureJmxExporterJar } from './jars';
import { jmxExporterAgent, metricsUrl, streamsExporterConfig, type PrometheusEndpoint } from './jmx-exporter';
import { resolveDataDir, runDirOf, streamsAppMetricsPort } from './layout';
import { requireJava } from './prerequisites';
import { ensureStreamsAppCompiled } from './streams-app-build';
import { isAlive, runningPid, spawnDetachedJvm, stopPidFiles } from './processes';
import { isPortOpen } from './readiness';

/** The Java sources of the demo's Kafka Streams app, compiled on first start. */
const MAIN_CLASS = 'kpc.streams.DemoStreamsApp';

/** How long the apps may take from the JVM's start to RUNNING (a first rebalance, RocksDB opening). */
export const STREAMS_READY_TIMEOUT_MS = 120_000;

/** The application ids of the two apps; a spec may pass its own for isolation. */
export interface StreamsApplicationIds {
  /** Routes the domain events to orders and payments, joins them in a window. */
  paymentMatcher: string;
  /** Re-keys the domain events (repartition topic), keeps `orders-store` (RocksDB, changelog). */
  orderEnricher: string;
}

/** The topics the apps read and write; the app creates the ones missing (not internal ones). */
export interface StreamsAppTopics {
  /** Input of both apps: the monolith's domain events as the source connector publishes them (one partition, no key). */
  domainEvents: string;
  /** payment-matcher's routing writes OrderPlaced here, keyed by order id; its join reads it. */
  orders: string;
  /** payment-matcher's routing writes PaymentCaptured here, keyed by order id; its join reads it. */
  payments: string;
  /** payment-matcher's output: one record per order matched with a payment within the window. */
  matches: string;
  /** order-enricher's output: each update of an order's aggregate. */
  enriched: string;
}

export interface DemoStreamsAppOptions {
  /** e.g. '127.0.0.1:9092'. */
  bootstrapServers: string;
  /** The stack's data dir (project-relative or absolute); default `.local-stack`. */
  dataDir?: string;
  /** The embedded demo's are in server/demo/demo-pipeline.ts; a spec gives its own, for isolation. */
  applicationIds: StreamsApplicationIds;
  topics: StreamsAppTopics;
  /** Partitions of the topics the app creates, and of the enricher's repartition topic; default 6. */
  partitions?: number;
  /** payment-matcher's join window (either side); default 5 minutes. */
  joinWindowMs?: number;
  /** How long order-enricher works on each domain event, a spec's slow consumer; default 0 (no simulated work). */
  processDelayMs?: number;
  /**
   * Names the JVM's files (`run/<instance>.pid`, `logs/<instance>.log`, ...), so a spec's app
   * and the demo's can run from one data dir; default 'streams-app'.
   */
  instance?: string;
  /**
   * Where its Prometheus JMX exporter agent serves `/metrics`; default the stack's
   * (`kafkaPort + 32` of the first bootstrap server, see `resolveLayout`). A spec running an
   * instance of its own beside the demo's gives another.
   */
  metricsPort?: number;
  log?: (line: string) => void;
}

/** A running demo Streams app (one JVM, both applications RUNNING). */
export interface DemoStreamsApp {
  applicationIds: StreamsApplicationIds;
  topics: StreamsAppTopics;
  /** Each app's own `Topology#describe()`, written when it starts. */
  topologyFiles: StreamsApplicationIds;
  /** The JVM's log4j file. */
  logFile: string;
  /** Its Prometheus endpoint (stream threads, RocksDB stores, producers), named after the instance. */
  prometheus: PrometheusEndpoint;
  pid: number;
  /** Whether this call started the JVM (false when it reused a running one with the same settings). */
  started: boolean;
  /** Stops the JVM: SIGTERM, the apps leave their groups, SIGKILL after 20 s. */
  stop(): Promise<void>;
}

/** Where one instance keeps its files. */
export function streamsAppFiles(dataDir: string, instance = 'streams-app') {
  const streamsDir = join(dataDir, 'demo', 'streams');
  return {
    streamsDir,
    configFile: join(dataDir, 'config', `${instance}.properties`),
    log4jFile: join(dataDir, 'config', `${instance}.log4j2.properties`),
    exporterFile: join(dataDir, 'config', `${instance}.jmx-exporter.yaml`),
    logFile: join(dataDir, 'logs', `${instance}.log`),
    consoleFile: join(dataDir, 'logs', `${instance}.out`),
    pidFile: join(runDirOf(dataDir), `${instance}.pid`),
    statusFile: join(streamsDir, `${instance}.status.json`),
    stateDir: join(streamsDir, 'state', instance),
  };
}

/**
 * Compiles the Streams app when its sources changed (fetching Kafka Streams and RocksDB the
 * first time), starts it detached like the stack's other JVMs (its pid file in the data dir's
 * run folder, so `kafka:down` stops it too) and resolves once both applications are RUNNING.
 * A JVM of the same instance already running with the same settings is reused.
 */
export async function startDemoStreamsApp(options: DemoStreamsAppOptions): Promise<DemoStreamsApp> {
  const log = options.log ?? console.log;
  const dataDir = resolveDataDir(options.dataDir);
  const { applicationIds, topics } = options;
  const files = streamsAppFiles(dataDir, options.instance);
  const topologyFiles: StreamsApplicationIds = {
    paymentMatcher: join(files.streamsDir, `${applicationIds.paymentMatcher}.topology.txt`),
    orderEnricher: join(files.streamsDir, `${applicationIds.orderEnricher}.topology.txt`),
  };
  await requireJava();
  const classpath = await ensureStreamsAppCompiled(log);
  const exporterJar = await ensureJmxExporterJar(log);
  const metricsPort = options.metricsPort ?? streamsAppMetricsPort(firstPort(options.bootstrapServers));
  const prometheus: PrometheusEndpoint = { name: options.instance ?? 'streams-app', kind: 'streams', url: metricsUrl(metricsPort) };
  const config = properties({
    'bootstrap.servers': options.bootstrapServers,
    'matcher.application.id': applicationIds.paymentMatcher,
    'enricher.application.id': applicationIds.orderEnricher,
    'topic.domain-events': topics.domainEvents,
    'topic.orders': topics.orders,
    'topic.payments': topics.payments,
    'topic.matches': topics.matches,
    'topic.enriched': topics.enriched,
    'topic.partitions': options.partitions ?? 6,
    'join.window.ms': options.joinWindowMs ?? 300_000,
    'process.delay.ms': options.processDelayMs ?? 0,
    'state.dir': files.stateDir,
    'output.dir': files.streamsDir,
    'status.file': files.statusFile,
    // Not read by the app: a different classpath (sources changed) or metrics port must restart it.
    classpath,
    'metrics.port': metricsPort,
  });
  const stop = () => stopPidFiles([files.pidFile], `${dataDir}/`, log);
  const result = (pid: number, started: boolean): DemoStreamsApp => ({
    applicationIds,
    topics,
    topologyFiles,
    logFile: files.logFile,
    prometheus,
    pid,
    started,
    stop,
  });

  const runningOne = await runningPid(files.pidFile, files.configFile);
  if (runningOne !== undefined) {
    if ((await readFile(files.configFile, 'utf8').catch(() => '')) === config) {
      log(`Reusing the Kafka Streams app already running (pid ${runningOne})`);
      await waitUntilRunning(runningOne, files, applicationIds);
      return result(runningOne, false);
    }
    log('The Kafka Streams app runs with other settings: restarting it');
    await stop();
  }

  if (await isPortOpen(metricsPort)) {
    // The agent would fail to bind and take the JVM down with it.
    throw new Error(
      `Port ${metricsPort} for the Kafka Streams app's metrics is taken: stop what listens there or pass another metricsPort`,
    );
  }
  await mkdir(files.streamsDir, { recursive: true });
  await mkdir(join(dataDir, 'config'), { recursive: true });
  await writeFile(files.configFile, config);
  await writeFile(files.log4jFile, streamsLog4j2Properties());
  await writeFile(files.exporterFile, streamsExporterConfig());
  await rm(files.statusFile, { force: true });
  const startedAt = Date.now();
  const pid = await spawnDetachedJvm(
    [
      jmxExporterAgent(exporterJar, metricsPort, files.exporterFile),
      // Small: this machine kind runs brokers, Connect and this on two cores. RocksDB lives off
      // the heap, bounded by the app's BoundedRocksDbMemory.
      '-Xmx128m',
      '-XX:+UseSerialGC',
      '-XX:TieredStopAtLevel=1',
      '-Djava.awt.headless=true',
      // The app's own shutdown hook closes the apps and logs it; log4j's would stop logging first.
      '-Dlog4j2.shutdownHookEnabled=false',
      `-Dlog4j2.configurationFile=${files.log4jFile}`,
      `-Dkpc.logFile=${files.logFile}`,
      '-cp',
      classpath,
      MAIN_CLASS,
      files.configFile,
    ],
    files,
  );
  log(`Starting the Kafka Streams app (${applicationIds.paymentMatcher}, ${applicationIds.orderEnricher}; log ${files.logFile}) ...`);
  try {
    await waitUntilRunning(pid, files, applicationIds);
  } catch (error) {
    await stop();
    throw error;
  }
  log(`Kafka Streams app running in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  return result(pid, true);
}

/** The port of the first of `host:port,host:port...`. */
function firstPort(bootstrapServers: string): number {
  const port = Number(bootstrapServers.split(',')[0]?.trim().split(':').pop());
  if (!Number.isInteger(port) || port <= 0) throw new Error(`No port in the bootstrap servers "${bootstrapServers}": pass metricsPort`);
  return port;
}

/** The states the app last wrote, by application id; undefined before it wrote any. */
export async function readStreamsAppStatus(statusFile: string): Promise<{ pid: number; apps: Record<string, string> } | undefined> {
  const text = await readFile(statusFile, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as { pid: number; apps: Record<string, string> };
  } catch {
    return undefined;
  }
}

async function waitUntilRunning(pid: number, files: ReturnType<typeof streamsAppFiles>, ids: StreamsApplicationIds): Promise<void> {
  const deadline = Date.now() + STREAMS_READY_TIMEOUT_MS;
  let last = 'no status yet';
  for (;;) {
    if (!isAlive(pid)) {
      throw new Error(`The Kafka Streams app exited during startup: read ${files.logFile} and ${files.consoleFile}`);
    }
    const status = await readStreamsAppStatus(files.statusFile);
    if (status?.pid === pid) {
      const states = [ids.paymentMatcher, ids.orderEnricher].map((id) => status.apps[id]);
      if (states.every((state) => state === 'RUNNING')) return;
      last = JSON.stringify(status.apps);
    }
    if (Date.now() > deadline) {
      throw new Error(`The Kafka Streams app was not RUNNING within ${STREAMS_READY_TIMEOUT_MS / 1000} s (${last}): read ${files.logFile}`);
    }
    await sleep(250);
  }
}

/** The stack's log4j2 config, with the clients' config dumps and chatter left out. */
function streamsLog4j2Properties(): string {
  return `${log4j2Properties()}
# The Streams app: its own state changes at INFO, the clients it runs only when they warn.
logger.clients.name = org.apache.kafka.clients
logger.clients.level = WARN
logger.common.name = org.apache.kafka.common
logger.common.level = WARN
`;
}

function properties(entries: Record<string, string | number>): string {
  const lines = Object.entries(entries).map(([key, value]) => `${key}=${String(value).replaceAll('\\', '\\\\')}`);
  return `# Generated by server/local-stack/streams-app.ts; rewritten on every start.\n${lines.join('\n')}\n`;
}
