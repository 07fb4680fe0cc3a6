import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runDirOf } from '../local-stack/layout';
import { isAlive, runningPid, spawnDetached, stopPidFiles } from '../local-stack/processes';
import { startDemoStreamsApp, type DemoStreamsApp } from '../local-stack/streams-app';
import { PROJECT_ROOT } from '../project';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { Logger } from '../shared/logger';
import type { StreamsTopologies } from '../streams/streams-topologies';
import { domainEventsExportFile } from './demo-pipeline';
import { DEMO_APPLICATION_IDS, DEMO_STREAMS_TOPICS } from './demo-pipeline';

/** The line the workload logs once the monolith writes and the slow consumer has joined. */
export const WORKLOAD_READY = 'demo workload running';
const WORKLOAD_READY_TIMEOUT_MS = 60_000;

/** The running demo pipeline of an embedded stack. */
export interface RunningDemo {
  streamsApp: DemoStreamsApp;
  /** Whether this call started any of its processes (false when all were running already). */
  started: boolean;
  /** Stops the workload and the Streams app, whoever started them. */
  stop(): Promise<void>;
}

/**
 * Starts what makes the embedded demo move, each detached with its pid file in the data dir's
 * run folder (so `kafka:down` stops them too), or reuses the ones running:
 * - the Kafka Streams app (payment-matcher, order-enricher; server/local-stack/streams-app.ts),
 *   resolved once both are RUNNING;
 * - the demo workload, a Node process: the monolith appending to the `domain_events` export the
 *   source connector publishes, and the slow consumer.
 * Call it after {@link seedDemo}, which makes the topics, the export and the connectors. Never
 * for a configured cluster: it writes into the cluster as the demo's services would.
 */
export async function startDemoPipeline(options: {
  bootstrapServers: string;
  dataDir: string;
  log: (line: string) => void;
}): Promise<RunningDemo> {
  const { bootstrapServers, dataDir, log } = options;
  const streamsApp = await startDemoStreamsApp({
    bootstrapServers,
    dataDir,
    applicationIds: DEMO_APPLICATION_IDS,
    topics: DEMO_STREAMS_TOPICS,
    log,
  });
  const workload = workloadFiles(dataDir);
  const stop = async () => {
    // The monolith first, so the Streams app has everything it wrote before it stops.
    await stopPidFiles([workload.pidFile], `${dataDir}/`, log, 10_000);
    await streamsApp.stop();
  };
  let workloadStarted = false;
  try {
    if ((await runningPid(workload.pidFile, workload.exportFile)) === undefined) {
      await startWorkload(bootstrapServers, workload);
      workloadStarted = true;
      log('Demo workload running: the monolith appends domain events, the slow consumer reads in bursts');
    }
  } catch (error) {
    if (streamsApp.started) await streamsApp.stop();
    throw error;
  }
  return { streamsApp, started: streamsApp.started || workloadStarted, stop };
}

/**
 * Gives the console the demo Streams apps' own `Topology#describe()` (the files they write at
 * start), so their graphs show the topics they write as well as those they read. A failure
 * only leaves the graphs without sinks: it is logged, not thrown.
 */
export async function giveDemoTopologies(
  topologies: StreamsTopologies,
  cluster: ClusterConfig,
  demo: RunningDemo,
  logger: Pick<Logger, 'warn'>,
): Promise<void> {
  const { applicationIds, topologyFiles } = demo.streamsApp;
  for (const app of ['paymentMatcher', 'orderEnricher'] as const) {
    try {
      await topologies.give(cluster, applicationIds[app], await readFile(topologyFiles[app], 'utf8'));
    } catch (err) {
      logger.warn({ err }, `the console does not have ${applicationIds[app]}'s topology description`);
    }
  }
}

function workloadFiles(dataDir: string) {
  return {
    exportFile: domainEventsExportFile(dataDir),
    pidFile: join(runDirOf(dataDir), 'demo-workload.pid'),
    consoleFile: join(dataDir, 'logs', 'demo-workload.log'),
  };
}

async function startWorkload(bootstrapServers: string, files: ReturnType<typeof workloadFiles>): Promise<void> {
  // The compiled module next to this one under `npm start`, the TypeScript source under tsx.
  const isCompiled = __filename.endsWith('.js');
  const entry = join(__dirname, `demo-workload.${isCompiled ? 'js' : 'ts'}`);
  const from = await stat(files.consoleFile).then(
    (stats) => stats.size,
    () => 0,
  );
  const pid = await spawnDetached(
    process.execPath,
    [
      '--max-old-space-size=64',
      ...(isCompiled ? [] : ['--import', 'tsx']),
      entry,
      '--bootstrap',
      bootstrapServers,
      '--export-file',
      files.exportFile,
    ],
    files,
    { cwd: PROJECT_ROOT },
  );
  const deadline = Date.now() + WORKLOAD_READY_TIMEOUT_MS;
  for (;;) {
    const written = (await readFile(files.consoleFile)).subarray(from).toString('utf8');
    if (written.includes(WORKLOAD_READY)) return;
    if (!isAlive(pid) || Date.now() > deadline) {
      await stopPidFiles([files.pidFile], files.exportFile, () => undefined, 5_000);
      throw new Error(`The demo workload did not start: read ${files.consoleFile}`);
    }
    await sleep(250);
  }
}
