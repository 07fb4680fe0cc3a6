import { defineConfig } from '@playwright/test';
import { TEST_STACK } from '../server/testing/test-stack';

const baseURL = `http://127.0.0.1:${TEST_STACK.consolePort}`;
/** A second console on the same test stack, with sign-in and roles (e2e/access.config.yaml; e2e/access.spec.ts). */
const SIGNED_IN_CONSOLE_URL = `http://127.0.0.1:${TEST_STACK.consolePort + 1}`;
const browserDist: Record<string, string> = process.env['KPC_BROWSER_DIST'] ? { KPC_BROWSER_DIST: process.env['KPC_BROWSER_DIST'] } : {};

/**
 * Browser tests against the console served by `npm start`'s own code path (server/main.ts),
 * which finds the test stack `npm test` started already running and reuses it. Debian's
 * Chromium drives them: a browser downloaded by a test tool does not work here.
 */
export default defineConfig({
  testDir: '.',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  outputDir: '../test-results/e2e',
  reporter: [['list'], ['json', { outputFile: '../.test-results/playwright.json' }]],
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROME_BIN'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update'],
    },
  },
  // Started in this order: the open console brings the test stack up, the signed-in one joins it.
  webServer: [
    {
      command: 'node_modules/.bin/tsx server/main.ts',
      cwd: '..',
      url: `${baseURL}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(TEST_STACK.consolePort),
        KPC_KAFKA_PORT: String(TEST_STACK.kafkaPort),
        KPC_CONNECT_PORT: String(TEST_STACK.connectPort),
        KPC_DATA_DIR: TEST_STACK.dataDir,
        // Sampled every 2 s rather than 15: charts fill within a test's time.
        KPC_METRICS_INTERVAL_S: '2',
        LOG_LEVEL: 'warn',
        ...browserDist,
      },
    },
    {
      command: 'node_modules/.bin/tsx server/main.ts',
      cwd: '..',
      url: `${SIGNED_IN_CONSOLE_URL}/api/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(TEST_STACK.consolePort + 1),
        KPC_CONFIG: 'e2e/access.config.yaml',
        KPC_E2E_BOOTSTRAP: `127.0.0.1:${TEST_STACK.kafkaPort}`,
        KPC_E2E_CONNECT_URL: `http://127.0.0.1:${TEST_STACK.connectPort}`,
        KPC_SESSION_KEY: 'e2e-session-key',
        KPC_METRICS_INTERVAL_S: '2',
        LOG_LEVEL: 'warn',
        ...browserDist,
      },
    },
  ],
});
