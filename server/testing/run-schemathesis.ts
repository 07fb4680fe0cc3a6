import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from '../app';
import { allowedHostsFor } from '../shared/browser-safety';
import { createLogger } from '../shared/logger';
import { GroupFixtures } from './consumer-groups.fixtures';
import { TestKafka } from './test-kafka';
import { runCommand, say } from './run-command';
import { testStackPrometheus } from './test-stack';

/**
 * The `schemathesis` suite of `npm test`: Schemathesis (PyPI) fuzzes the live API from its own
 * `/api/openapi.json`, bounded in examples and time, and checks that no answer is a server
 * error (5xx) and every answer is one the document describes (status and body). It installs
 * a pinned Schemathesis into a virtual environment under `.cache/` on first run, starts the
 * API on a free port against the test stack (`KPC_TEST_BOOTSTRAP`, `KPC_TEST_CONNECT_URL`),
 * and writes `.test-results/schemathesis.json` (one test per API operation) for the runner.
 */
const SCHEMATHESIS_VERSION = '4.32.5';
const VENV = resolve('.cache', `schemathesis-${SCHEMATHESIS_VERSION}`);
const RESULTS = resolve('.test-results');
const HERE = resolve(__dirname);
/** Bounds of the run: examples per operation and seconds in all (fuzzing repeats until then). */
const MAX_EXAMPLES = 25;
const MAX_SECONDS = 60;

async function main(): Promise<number> {
  const bootstrap = (process.env['KPC_TEST_BOOTSTRAP'] ?? '127.0.0.1:19092').split(',');
  const connectUrl = process.env['KPC_TEST_CONNECT_URL'] ?? 'http://127.0.0.1:18083';
  const st = await installSchemathesis();
  const seeded = await seed(bootstrap, connectUrl);

  // The port comes first: the app answers only to the host and port it is served on.
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise<void>((ready) => server.once('listening', ready));
  const { port } = server.address() as AddressInfo;
  const consoleApp = createApp({
    clusters: [
      {
        name: 'local',
        bootstrapServers: bootstrap,
        connect: [{ name: 'test-connect', url: connectUrl }],
        // The app metrics route answers real charts, checked against the document too.
        prometheus: testStackPrometheus(),
      },
    ],
    logger: createLogger(process.env['LOG_LEVEL'] ?? 'silent'),
    allowedHosts: allowedHostsFor('127.0.0.1', port),
  });
  server.on('request', consoleApp.app);
  const url = `http://127.0.0.1:${port}`;
  const junit = join(RESULTS, 'schemathesis.xml');
  try {
    mkdirSync(RESULTS, { recursive: true });
    rmSync(junit, { force: true });
    const exitCode = await runCommand(
      st,
      [
        '--config-file',
        join(HERE, 'schemathesis.toml'),
        'run',
        `${url}/api/openapi.json`,
        '--checks',
        'not_a_server_error,response_schema_conformance,status_code_conformance',
        // Stateful chains take names from answers (Connect's internal topics among them);
        // the other phases keep to the seeded names of schemathesis.toml.
        '--phases',
        'examples,coverage,fuzzing',
        '--max-examples',
        String(MAX_EXAMPLES),
        '--max-time',
        String(MAX_SECONDS),
        '--request-timeout',
        '15',
        '--no-shrink',
        '--report',
        'junit',
        '--report-junit-path',
        junit,
      ],
      {
        KPC_FUZZ_TOPIC: seeded.topic,
        KPC_FUZZ_GROUP: seeded.group,
        KPC_FUZZ_CONNECTOR: seeded.connector,
        SCHEMATHESIS_HOOKS: join(HERE, 'schemathesis_hooks.py'),
      },
    );
    const counts = readJunit(junit) ?? { passed: 0, failed: 1, skipped: 0 };
    if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
    writeFileSync(join(RESULTS, 'schemathesis.json'), JSON.stringify(counts));
    return exitCode;
  } finally {
    await seeded.remove();
    await consoleApp.close();
    await new Promise((closed) => server.close(closed));
  }
}

/** The `st` of a virtual environment with the pinned Schemathesis, made on first use. */
async function installSchemathesis(): Promise<string> {
  const st = join(VENV, 'bin', 'st');
  if (existsSync(st)) return st;
  say(`Installing Schemathesis ${SCHEMATHESIS_VERSION} into ${VENV}`);
  if ((await runCommand('python3', ['-m', 'venv', VENV])) !== 0) throw new Error('python3 -m venv failed: is python3-venv installed?');
  const pip = join(VENV, 'bin', 'pip');
  if ((await runCommand(pip, ['install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`])) !== 0) {
    rmSync(VENV, { recursive: true, force: true });
    throw new Error(`pip install schemathesis==${SCHEMATHESIS_VERSION} failed`);
  }
  return st;
}

/**
 * A topic with records, a consumer group that committed offsets on it, and a running source
 * connector for the fuzz to work on; removed afterwards.
 */
async function seed(bootstrap: string[], connectUrl: string) {
  const kafka = new TestKafka(bootstrap);
  const groups = new GroupFixtures(kafka);
  const topic = await groups.topic('fuzz', [4, 2, 0]);
  const group = await groups.committedGroup('fuzz', topic, [3, 1, null]);
  const dir = join(tmpdir(), `kpc-fuzz-${randomUUID()}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'lines.txt'), 'one\ntwo\n');
  const connector = `fuzz.${randomUUID()}`;
  const connect = (method: string, path: string, body?: unknown) =>
    fetch(connectUrl + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const created = await connect('POST', '/connectors', {
    name: connector,
    config: { 'connector.class': 'FileStreamSource', file: join(dir, 'lines.txt'), topic, 'tasks.max': '1' },
  });
  if (!created.ok) throw new Error(`Could not create the fuzz connector: ${created.status} ${await created.text()}`);
  return {
    topic,
    group,
    connector,
    async remove() {
      await connect('DELETE', `/connectors/${encodeURIComponent(connector)}`).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
      await groups.cleanUp();
      await kafka.cleanUp();
    },
  };
}

/** Passed, failed and skipped operations from Schemathesis's JUnit report. */
function readJunit(file: string): { passed: number; failed: number; skipped: number } | undefined {
  if (!existsSync(file)) return undefined;
  const suites = /<testsuites\b([^>]*)>/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
  const count = (name: string) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(suites)?.[1] ?? 0);
  const failed = count('failures') + count('errors');
  const skipped = count('skipped');
  return { passed: count('tests') - failed - skipped, failed, skipped };
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'schemathesis.json'), JSON.stringify({ passed: 0, failed: 1, skipped: 0 }));
    process.exit(1);
  },
);
