import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { PACKAGE_JSON, PROJECT_ROOT } from '../project';

/** The compiled server `npm start` runs; `npm run bench` compiles it first (`npm run build:server`). */
export const COMPILED_SERVER = join(PROJECT_ROOT, 'dist', 'server', 'main.js');

/** How `npm start` launches the compiled console: its environment settings and Node flags. */
export interface ProductionLaunch {
  env: Record<string, string>;
  flags: string[];
}

/**
 * How `npm start` runs the console, read from its script (`VAR=value … node --flag …
 * dist/server/main.js`), so the bench runs exactly what production runs.
 * `KPC_BENCH_NODE_FLAGS` replaces the flags, to compare.
 */
export function productionLaunch(): ProductionLaunch {
  const start = PACKAGE_JSON.scripts['start'] ?? '';
  const launch = /(?:^|&&)\s*((?:[A-Z_]+=\S+\s+)*)node\s+((?:--\S+\s+)*)dist\/server\/main\.js/.exec(start);
  if (!launch) throw new Error(`package.json's start script does not run node dist/server/main.js: ${start}`);
  const env = Object.fromEntries(
    launch[1]!
      .split(/\s+/)
      .filter(Boolean)
      .map((setting) => setting.split('=') as [string, string]),
  );
  const override = process.env['KPC_BENCH_NODE_FLAGS'];
  const flags = (override ?? launch[2]!).split(/\s+/).filter(Boolean);
  return { env, flags };
}

/** Where a started console answers, and what it cost to get there. */
export interface ConsoleProcess {
  baseUrl: string;
  pid: number;
  /** Milliseconds from spawning the process to the first topic-list answer with topics in it. */
  msToFirstTopics: number;
  /** The process's resident memory now, in MiB (`VmRSS` of /proc/<pid>/status). */
  rssMiB(): number;
  /** SIGTERM, as an orchestrator stops it; SIGKILL after 15 s. */
  stop(): Promise<void>;
}

/**
 * Starts the compiled console as production runs it (`node dist/server/main.js`), connected to
 * one cluster through the KAFKA_* variables, and resolves once it lists topics. It runs from
 * `workDir`, so a kpc.config.yaml in the project cannot change what it connects to; its
 * output goes to `<workDir>/console.log`.
 */
export async function startConsole(options: {
  bootstrapServers: string;
  cluster: string;
  port: number;
  workDir: string;
}): Promise<ConsoleProcess> {
  if (!existsSync(COMPILED_SERVER)) throw new Error(`${COMPILED_SERVER} is missing: run npm run build:server first`);
  const logFile = join(options.workDir, 'console.log');
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('KAFKA_') && !name.startsWith('KPC_')));
  const output = openSync(logFile, 'a');
  const started = performance.now();
  let child: ChildProcess;
  try {
    // This Node (the project's pinned one: npm run puts it first on PATH), not a wrapper, so the
    // pid is the console's own and its memory is what /proc reports for it.
    const production = productionLaunch();
    child = spawn(process.execPath, [...production.flags, COMPILED_SERVER], {
      cwd: options.workDir,
      stdio: ['ignore', output, output],
      env: {
        ...env,
        ...production.env,
        KAFKA_BOOTSTRAP_SERVERS: options.bootstrapServers,
        KAFKA_CLUSTER_NAME: options.cluster,
        KPC_AUDIT_KEY: randomBytes(32).toString('hex'),
        HOST: '127.0.0.1',
        PORT: String(options.port),
        LOG_LEVEL: 'warn',
        LOG_FORMAT: 'json',
      },
    });
  } finally {
    closeSync(output);
  }
  const exited = once(child, 'exit');
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  const topicsUrl = `${baseUrl}/api/clusters/${options.cluster}/topics?pageSize=100`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the console exited with ${child.exitCode} before listing topics; its output:\n${tail(logFile)}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the console listed no topics within 120 s; its output:\n${tail(logFile)}`);
    }
    const items = await fetch(topicsUrl)
      .then(async (res) => (res.ok ? ((await res.json()) as { items?: unknown[] }).items : undefined))
      .catch(() => undefined);
    if (items && items.length > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const msToFirstTopics = performance.now() - started;
  const pid = child.pid!;
  return { baseUrl, pid, msToFirstTopics, rssMiB: () => residentMiB(pid), stop };
}

function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kiB = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  return kiB / 1024;
}

function tail(file: string): string {
  return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
}
