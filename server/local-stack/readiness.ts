import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fetchClusterMetadata } from './kafka-probe';
import type { ConnectLayout, StackLayout } from './layout';
import { isAlive } from './processes';

/** How long a broker or the Connect worker may take to answer before start gives up. */
export const READY_TIMEOUT_MS = 90_000;

/** Pids of the processes being waited for, keyed by what the error message calls them. */
export type Watched = Map<string, { pid: number; logFile: string; consoleFile: string }>;

/**
 * Waits until every node answers a metadata request listing all nodes as brokers, which is
 * when a topic with replication factor `brokers` can be created, and a secured node also
 * accepts connections on its SASL and SSL ports.
 */
export async function waitForBrokers(layout: StackLayout, watched: Watched): Promise<void> {
  const expected = layout.nodes.map((node) => node.nodeId).join(',');
  const securedPorts = layout.security ? [layout.security.saslPort, layout.security.sslPort] : [];
  await waitUntil(`Kafka (${layout.bootstrapServers})`, watched, layout.nodes[0]!.logFile, async () => {
    for (const node of layout.nodes) {
      const metadata = await fetchClusterMetadata(node.kafkaPort).catch(() => undefined);
      if (metadata?.brokerIds.join(',') !== expected) {
        return false;
      }
    }
    for (const port of securedPorts) {
      if (!(await isPortOpen(port))) {
        return false;
      }
    }
    return true;
  });
}

/**
 * Waits until the Connect REST API is really up: Jetty answers 404 for 20-30 s before the
 * resources are registered, and plugins are listed only after the classpath scan.
 */
export async function waitForConnect(connect: ConnectLayout, watched: Watched): Promise<void> {
  await waitUntil(`Kafka Connect (${connect.url})`, watched, connect.logFile, async () => {
    const root = await getJson(`${connect.url}/`);
    if (typeof (root as { version?: unknown } | undefined)?.version !== 'string') {
      return false;
    }
    const plugins = await getJson(`${connect.url}/connector-plugins`);
    return Array.isArray(plugins) && plugins.some((plugin: { class?: string }) => plugin.class?.endsWith('.FileStreamSourceConnector'));
  });
}

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
export function isPortOpen(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitUntil(what: string, watched: Watched, logFile: string, isReady: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    for (const [name, process] of watched) {
      // Fail at once when the JVM died (port taken, bad config) instead of after the timeout.
      if (!isAlive(process.pid)) {
        throw new Error(`${name} exited during startup: read ${process.logFile} and ${process.consoleFile}`);
      }
    }
    if (await isReady()) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what} did not become ready within ${READY_TIMEOUT_MS / 1000} s: read ${logFile}`);
    }
    await sleep(500);
  }
}

async function getJson(url: string): Promise<unknown> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.ok ? await response.json() : undefined;
  } catch {
    return undefined;
  }
}
