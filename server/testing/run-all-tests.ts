import { existsSync, readFileSync, rmSync } from 'node:fs';
import { startLocalStack, stopLocalStack, type LocalStack } from '../local-stack/local-stack';
import { TEST_STACK } from './test-stack';
import { runCommand, say } from './run-command';

/**
 * `npm test`: lint (ESLint, Prettier), the Angular specs (Karma), the server specs against a
 * real Kafka + Connect, the browser tests (Playwright), and a bounded Schemathesis fuzz of the
 * live API against its OpenAPI document, then the bench at a small scale (`npm run bench --
 * --quick`), and one closing line `N passed, N failed` that CI reads. The test stack starts
 * while lint and Karma run and is stopped before the bench, whatever failed.
 */
interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const RESULTS = '.test-results';
const suites: { name: string; counts: Counts }[] = [];

async function main(): Promise<number> {
  rmSync(RESULTS, { recursive: true, force: true });
  await stopLocalStack({ dataDir: TEST_STACK.dataDir, log: say });
  rmSync(TEST_STACK.dataDir, { recursive: true, force: true });

  const stackStarting = startLocalStack({
    dataDir: TEST_STACK.dataDir,
    kafkaPort: TEST_STACK.kafkaPort,
    connectPort: TEST_STACK.connectPort,
    log: (line) => say(`[stack] ${line}`),
  });
  stackStarting.catch(() => undefined); // awaited below; keep Node from reporting it early
  let stack: LocalStack | undefined;
  try {
    await runLint();
    await runSuite('karma', 'ng', ['test', '--watch=false']);
    stack = await stackStarting;
    const bootstrap = { KPC_TEST_BOOTSTRAP: stack.bootstrapServers, KPC_TEST_CONNECT_URL: stack.connectUrl ?? '' };
    await runSuite('server', 'node', ['--import', 'tsx', 'node_modules/jasmine/bin/jasmine.js', '--config=server/jasmine.json'], bootstrap);
    if ((await runCommand('ng', ['build'])) === 0) {
      await runSuite('e2e', 'playwright', ['test', '-c', 'e2e/playwright.config.ts'], bootstrap);
    } else {
      suites.push({ name: 'e2e (not run: ng build failed)', counts: { passed: 0, failed: 1, skipped: 0 } });
    }
    // Last: the fuzz leaves topics of its own on the throwaway stack.
    await runSuite('schemathesis', 'node', ['--import', 'tsx', 'server/testing/run-schemathesis.ts'], bootstrap);
  } catch (err) {
    say(`npm test could not finish: ${(err as Error).message}`);
    suites.push({ name: 'set-up', counts: { passed: 0, failed: 1, skipped: 0 } });
  } finally {
    await (stack ?? (await stackStarting.catch(() => undefined)))?.stop();
  }
  // After the test stack has stopped: the bench starts a two-broker Kafka of its own.
  await runBench();

  const total = suites.reduce(
    (sum, { counts }) => ({
      passed: sum.passed + counts.passed,
      failed: sum.failed + counts.failed,
      skipped: sum.skipped + counts.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  for (const { name, counts } of suites) say(`  ${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  console.log(`${total.passed} passed, ${total.failed} failed` + (total.skipped ? `, ${total.skipped} skipped` : ''));
  return total.failed > 0 ? 1 : 0;
}

/** Runs one test tool and reads the counts it wrote to `.test-results/<name>.json`. */
async function runSuite(name: string, command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  say(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const exitCode = await runCommand(command, args, env);
  const counts = readCounts(name);
  if (!counts) {
    suites.push({ name: `${name} (reported nothing, exit ${exitCode})`, counts: { passed: 0, failed: 1, skipped: 0 } });
  } else {
    // A tool that fails outside any spec (a compile error, a crashed hook) still fails the run.
    if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
    suites.push({ name, counts });
  }
}

/** `npm run lint`'s two checks, both run so one log shows every problem; together they count as one test. */
async function runLint(): Promise<void> {
  say('\n=== lint: eslint, prettier --check');
  const exitCodes = [await runCommand('eslint', ['.', '--max-warnings=0']), await runCommand('prettier', ['--check', '.'])];
  const isClean = exitCodes.every((code) => code === 0);
  suites.push({ name: 'lint', counts: { passed: isClean ? 1 : 0, failed: isClean ? 0 : 1, skipped: 0 } });
}

/**
 * `npm run bench -- --quick`: the bench at a small scale, so a change that breaks it is seen.
 * It counts as one test that passes when the bench measured everything; no timing is asserted
 * (this machine is shared with the rest of the run). Its report goes to .test-results/bench/,
 * leaving the committed bench/results/ alone.
 */
async function runBench(): Promise<void> {
  say('\n=== bench: npm run bench -- --quick');
  const exitCode = await runCommand('npm', ['run', 'bench', '--', '--quick', '--out', `${RESULTS}/bench`]);
  suites.push({ name: 'bench --quick', counts: { passed: exitCode === 0 ? 1 : 0, failed: exitCode === 0 ? 0 : 1, skipped: 0 } });
}

function readCounts(name: string): Counts | undefined {
  const file = `${RESULTS}/${name === 'e2e' ? 'playwright' : name}.json`;
  if (!existsSync(file)) return undefined;
  const data = JSON.parse(readFileSync(file, 'utf8'));
  if (name !== 'e2e') return data as Counts;
  // Playwright's JSON report: expected = passed, unexpected = failed, flaky passed on retry.
  const stats = data.stats as { expected: number; unexpected: number; flaky: number; skipped: number };
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
