import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runDirOf } from '../local-stack/layout';

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

/**
 * Freezes one process of the test stack (`broker-1`, `connect`) with SIGSTOP, as a hung JVM or
 * a network partition looks from outside: connections stay open and nothing answers. Resolves
 * to the function that resumes it (SIGCONT); call it in a `finally`.
 */
export function freezeTestProcess(name: 'broker-1' | 'connect'): () => void {
  const pid = Number(readFileSync(join(runDirOf(TEST_STACK.dataDir), `${name}.pid`), 'utf8').trim());
  process.kill(pid, 'SIGSTOP');
  return () => process.kill(pid, 'SIGCONT');
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
