import { mkdirSync, writeFileSync } from 'node:fs';

// Specs talk to a real broker: allow for its latency, never for a hang.
jasmine.DEFAULT_TIMEOUT_INTERVAL = 30_000;

// `npm test` adds these counts to Karma's and Playwright's for CI's closing line.
const counts = { passed: 0, failed: 0, skipped: 0 };
jasmine.getEnv().addReporter({
  specDone(result) {
    if (result.status === 'passed') counts.passed++;
    else if (result.status === 'failed') counts.failed++;
    else counts.skipped++;
  },
  jasmineDone(result) {
    if (result.overallStatus === 'failed' && counts.failed === 0) counts.failed = 1;
    mkdirSync('.test-results', { recursive: true });
    writeFileSync('.test-results/server.json', JSON.stringify(counts));
  },
});
