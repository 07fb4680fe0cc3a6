import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { BROWSER_DIST, createApp, type AppAccessOptions } from './app';
import { accessFrom, bindProblem, isLoopback, type ConsoleAccess } from './access/access-config';
import type { Logger } from './shared/logger';
import { ConfigError, loadClustersSource, type ClusterConfig } from './kafka/clusters-config';
import { giveDemoTopologies, startDemoPipeline, type RunningDemo } from './demo/demo-runtime';
import { seedDemo } from './demo/seed-demo';
import { resolveDataDir } from './local-stack/layout';
import { startLocalStack, type LocalStack } from './local-stack/local-stack';
import { nodeVersionProblem } from './node-version';
import { allowedHostsFor, allowedHostsFromEnv } from './shared/browser-safety';
import { createLogger } from './shared/logger';
import { MemoryRelease } from './shared/memory-release';
import { metricsSettings } from './metrics/metrics-settings';

/**
 * `npm start`: with clusters configured (YAML file or KAFKA_* variables) the console connects
 * to them; with none it starts the embedded local Kafka + Connect, seeds the demo pipeline,
 * runs it (monolith, Kafka Streams apps, slow consumer) and serves the console on it.
 */
async function main(): Promise<void> {
  const nodeProblem = nodeVersionProblem();
  if (nodeProblem) {
    console.error(nodeProblem);
    process.exit(1);
  }
  const logger = createLogger();
  const source = loadClustersSource();
  const access = accessFrom(source);
  // Before anything starts: an open console on a reachable address is refused outright.
  const bindRefusal = bindProblem(process.env['HOST'] ?? '127.0.0.1', access);
  if (bindRefusal) throw new ConfigError(bindRefusal);
  let stack: LocalStack | undefined;
  let demo: RunningDemo | undefined;
  let clusters: ClusterConfig[];
  if (source.kind === 'embedded') {
    logger.info('no cluster configured: starting the embedded local Kafka and Kafka Connect');
    stack = await startLocalStack({
      kafkaPort: numberFromEnv('KPC_KAFKA_PORT'),
      connectPort: numberFromEnv('KPC_CONNECT_PORT'),
      dataDir: process.env['KPC_DATA_DIR'],
      log: (line) => logger.info(line),
    });
    clusters = [embeddedCluster(stack)];
    const dataDir = resolveDataDir(process.env['KPC_DATA_DIR']);
    await seedDemo(clusters[0]!, logger, dataDir);
    // The demo moving: the monolith, the Kafka Streams apps, the slow consumer. Without them
    // (no JDK, say) the console still serves the seeded demo.
    demo = await startDemoPipeline({ bootstrapServers: stack.bootstrapServers, dataDir, log: (line) => logger.info(line) }).catch(
      (err: unknown) => {
        logger.error(`the demo pipeline is not running: ${(err as Error).message}`);
        return undefined;
      },
    );
    // The Prometheus endpoints of the brokers, Connect and, when it runs, the demo's Streams app.
    clusters = [embeddedCluster(stack, demo)];
  } else {
    clusters = source.clusters;
    logger.info(
      { from: source.kind === 'file' ? source.path : 'environment', clusters: clusters.map((c) => c.name) },
      'clusters configured',
    );
  }

  const auditKey = process.env['KPC_AUDIT_KEY'] || (source.kind === 'embedded' ? embeddedAuditKey() : undefined);
  if (!auditKey) logger.warn('KPC_AUDIT_KEY is not set: the audit log shows changed or removed records, but cannot tell a forged one');
  const host = process.env['HOST'] ?? '127.0.0.1';
  const port = numberFromEnv('PORT') ?? 8080;
  const allowedHosts = allowedHostsFor(host, port, allowedHostsFromEnv(process.env['KPC_ALLOWED_HOSTS']));
  // `npm start` runs Node with --expose-gc: then an idle console hands back what it no longer uses.
  const collect = MemoryRelease.collectorOfThisProcess();
  const memoryRelease = collect && new MemoryRelease({ collect });
  const consoleApp = createApp({
    clusters,
    logger,
    browserDist: BROWSER_DIST,
    auditKey,
    allowedHosts,
    access: await accessOptions(access, host, logger),
    // A metrics sample counts as work: what it allocated is handed back once it ends.
    metrics: { ...metricsSettings(), ...(memoryRelease && { activity: memoryRelease }) },
  });
  // The demo's Streams apps tell the console their own topologies: their sinks join the graph.
  if (demo) void giveDemoTopologies(consoleApp.streamsTopologies, clusters[0]!, demo, logger);
  const server: Server = consoleApp.app.listen(port, host, () => {
    // A plain line, not JSON: this is the one line a person starting the console looks for.
    console.log(`\nKafka Pipeline Console is ready: http://${host}:${port}\n`);
  });
  memoryRelease?.watch(server);
  server.on('error', (err) => {
    logger.fatal({ err }, `cannot listen on ${host}:${port}`);
    process.exit(1);
  });

  const shutdown = async (signal: string) => {
    logger.info(`${signal}: stopping; answering the requests in flight first`);
    memoryRelease?.stop();
    const drained = await drain(server, DRAIN_MS);
    if (!drained) logger.warn(`requests still in flight after ${DRAIN_MS / 1000} s were cut off`);
    // Closing the clients of a cluster that does not answer must not hold the exit.
    await Promise.race([consoleApp.close(), new Promise((resolve) => setTimeout(resolve, CLOSE_MS).unref())]);
    // Leave a stack someone else started (npm run kafka:up) running for them.
    if (demo?.started) await demo.stop();
    if (stack?.started) await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * Sign-in as configured: the session key (`KPC_SESSION_KEY`, shared by every instance; made
 * up for this run when unset, so sessions then end with a restart) and the OpenID provider,
 * whose discovery document is read now so a wrong issuer stops the start with its reason.
 */
async function accessOptions(config: ConsoleAccess | undefined, host: string, logger: Logger): Promise<AppAccessOptions | undefined> {
  if (!config) {
    logger.warn('local mode: no sign-in configured; the console is open to anyone who reaches it on loopback');
    return undefined;
  }
  let sessionKey = process.env['KPC_SESSION_KEY'];
  if (!sessionKey) {
    sessionKey = randomBytes(32).toString('hex');
    logger.warn('KPC_SESSION_KEY is not set: sessions end when this console stops, and other instances do not accept them');
  }
  const secureCookies = config.session.secureCookies ?? !isLoopback(host);
  // Loaded only where it is configured: the OpenID client is a sizeable library.
  const oidc = config.oidc && (await (await import('./access/oidc')).discoverOidc(config.oidc, { sessionKey, secureCookies }));
  return { config, sessionKey, secureCookies, oidc };
}

/** How long a stopping console waits for the requests in flight, then for its Kafka clients to close. */
const DRAIN_MS = 10_000;
const CLOSE_MS = 3_000;

/**
 * Stops accepting connections, lets the requests in flight finish (each is bounded by the
 * Kafka and Connect deadlines), and closes idle keep-alive connections so they do not hold
 * the process. Whether everything finished within `timeoutMs`; what did not is cut off.
 */
function drain(server: Server, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.closeAllConnections();
      resolve(false);
    }, timeoutMs);
    server.close(() => {
      clearTimeout(timer);
      resolve(true);
    });
    server.closeIdleConnections();
  });
}

/**
 * The embedded cluster's audit key, made once and kept beside its data (git-ignored), so the
 * records of a newcomer's first start are sealed too.
 */
function embeddedAuditKey(): string {
  const file = join(resolveDataDir(process.env['KPC_DATA_DIR']), 'audit.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function embeddedCluster(stack: LocalStack, demo?: RunningDemo): ClusterConfig {
  return {
    name: 'local',
    bootstrapServers: stack.bootstrapServers.split(','),
    connect: stack.connectUrl ? [{ name: 'local-connect', url: stack.connectUrl }] : [],
    prometheus: [...stack.prometheus, ...(demo ? [demo.streamsApp.prometheus] : [])],
    embedded: true,
  };
}

function numberFromEnv(name: string): number | undefined {
  const value = process.env[name];
  return value ? Number(value) : undefined;
}

main().catch((err: unknown) => {
  // Configuration and set-up problems are the operator's to fix: one clear line, no stack.
  console.error(err instanceof ConfigError ? err.message : `Cannot start the console: ${(err as Error).message}`);
  process.exit(1);
});
