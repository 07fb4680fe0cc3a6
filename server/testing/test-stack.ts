import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PrometheusEndpointConfig } from '../kafka/clusters-config';
import { metricsUrl } from '../local-stack/jmx-exporter';
import { resolveLayout, runDirOf } from '../local-stack/layout';

/**
 * The local Kafka + Connect that `npm test` starts for the server specs and the browser
 * tests: its own ports and data, so it never touches the stack `npm start` uses.
 */
export const TEST_STACK = {
  dataDir: resolve(__dirname, '..', '..', process.env['KPC_TEST_DATA_DIR'] ?? '.local-stack-test'),
  kafkaPort: Number(process.env['KPC_TEST_KAFKA_PORT'] ?? 19092),
  connectPort: Number(process.env['KPC_TEST_CONNECT_PORT'] ?? 18083),
  /** Where the browser tests reach the console. */
  consolePort: Number(process.env['KPC_TEST_CONSOLE_PORT'] ?? 18080),
} as const;

/** The Prometheus endpoints (JMX exporter agents) of the test stack's broker and Connect worker. */
export function testStackPrometheus(): PrometheusEndpointConfig[] {
  const layout = resolveLayout({ dataDir: TEST_STACK.dataDir, kafkaPort: TEST_STACK.kafkaPort, connectPort: TEST_STACK.connectPort });
  return [
    { name: 'broker-1', kind: 'broker', url: metricsUrl(layout.nodes[0]!.metricsPort) },
    { name: 'connect', kind: 'connect', url: metricsUrl(layout.connect!.metricsPort) },
  ];
}

/**
 * Freezes one process of the test stack (`broker-1`, `connect`) with SIGSTOP, as a hung JVM or
 * a network partition looks from outside: connections stay open and nothing answers. Resolves,
 * once every thread has stopped, to the function that resumes it (SIGCONT); call it in a `finally`.
 */
export async function freezeTestProcess(name: 'broker-1' | 'connect'): Promise<() => void> {
  const pid = Number(readFileSync(join(runDirOf(TEST_STACK.dataDir), `${name}.pid`), 'utf8').trim());
  const resume = () => process.kill(pid, 'SIGCONT');
  process.kill(pid, 'SIGSTOP');
  // The stop reaches the JVM's threads one by one: a thread still running could answer a
  // request sent now. Wait until every one has stopped.
  for (let attempt = 0; threadStates(pid).some((state) => state !== 'T' && state !== 't'); attempt++) {
    if (attempt > 100) {
      resume();
      throw new Error(`${name} (pid ${pid}) did not stop within a second of SIGSTOP`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return resume;
}

/** The scheduler state of each thread of a process (`T` stopped, `S` sleeping, `R` running). */
function threadStates(pid: number): string[] {
  return readdirSync(`/proc/${pid}/task`).map((task) => {
    const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
    // The state follows the command name, which is in parentheses and may hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  });
}

/** Whether `condition` came true within `timeoutMs`, asked every 250 ms. */
export async function eventually(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** What `request` answered, and how many milliseconds it took. */
export async function timed<T>(request: () => Promise<T>): Promise<{ answer: T; ms: number }> {
  const started = Date.now();
  const answer = await request();
  return { answer, ms: Date.now() - started };
}
