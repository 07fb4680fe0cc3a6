import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { javaCommand } from './prerequisites';

/** What a JVM of the stack needs besides its main class and arguments. */
export interface JvmOptions {
  libsDir: string;
  log4jFile: string;
  /** The file log4j writes to, through `${sys:kpc.logFile}` in the shared config. */
  logFile: string;
  /** A `-javaagent:...` argument, e.g. the Prometheus JMX exporter's (see jmx-exporter.ts). */
  javaAgent?: string;
}

/** The `java` arguments running `mainClass` on the cached Kafka classpath. */
export function jvmArgs(options: JvmOptions, mainClass: string, args: string[]): string[] {
  return [
    ...(options.javaAgent ? [options.javaAgent] : []),
    '-Xmx512m',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${options.log4jFile}`,
    `-Dkpc.logFile=${options.logFile}`,
    '-cp',
    join(options.libsDir, '*'),
    mainClass,
    ...args,
  ];
}

/**
 * Starts a JVM in its own process group with stdout/stderr appended to `consoleFile`, writes
 * its pid file and lets the caller exit without waiting for it, so `kafka:up` can return and
 * `kafka:down` (another process) can stop it later.
 */
export function spawnDetachedJvm(args: string[], files: { pidFile: string; consoleFile: string }): Promise<number> {
  return spawnDetached(javaCommand(), args, files);
}

/** {@link spawnDetachedJvm} for any command, e.g. the demo's Node workload. */
export async function spawnDetached(
  command: string,
  args: string[],
  files: { pidFile: string; consoleFile: string },
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<number> {
  await mkdir(dirname(files.pidFile), { recursive: true });
  await mkdir(dirname(files.consoleFile), { recursive: true });
  const consoleFd = openSync(files.consoleFile, 'a');
  try {
    const child = spawn(command, args, {
      detached: true,
      stdio: ['ignore', consoleFd, consoleFd],
      cwd: options.cwd,
      env: options.env,
    });
    const pid = await new Promise<number>((resolve, reject) => {
      child.once('spawn', () => resolve(child.pid as number));
      child.once('error', reject);
    });
    child.unref();
    await writeFile(files.pidFile, `${pid}\n`);
    return pid;
  } finally {
    closeSync(consoleFd);
  }
}

/**
 * Whether the process runs. A zombie counts as gone: a JVM that exited stays one until its
 * parent reaps it, and that parent may be the very process waiting for it to exit.
 */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return false;
    }
  }
  // No /proc (not Linux): signal 0 tells at least whether the pid exists.
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The pid from `pidFile` when that process still runs and is ours: its command line must
 * contain `marker` (a path of the stack), since after a reboot the pid may belong to anything.
 */
export async function runningPid(pidFile: string, marker: string): Promise<number | undefined> {
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim());
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    return undefined;
  }
  const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  if (commandLine !== undefined && !commandLine.includes(marker)) {
    return undefined;
  }
  return pid;
}

/**
 * Stops the processes of the given pid files together: SIGTERM, then SIGKILL for whatever
 * still runs after `graceMs`. Pid files are removed either way.
 */
export async function stopPidFiles(pidFiles: string[], marker: string, log: (line: string) => void, graceMs = 20_000): Promise<void> {
  const targets: { pidFile: string; pid: number | undefined }[] = [];
  for (const pidFile of pidFiles) {
    targets.push({ pidFile, pid: await runningPid(pidFile, marker) });
  }
  await Promise.all(
    targets.map(async ({ pidFile, pid }) => {
      if (pid !== undefined) {
        await stopProcess(pid, pidFile, log, graceMs);
      }
      await rm(pidFile, { force: true });
    }),
  );
}

/** The pid files present in a stack's run folder. */
export async function pidFilesIn(runDir: string): Promise<string[]> {
  const names = await readdir(runDir).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith('.pid')).map((name) => join(runDir, name));
}

async function stopProcess(pid: number, pidFile: string, log: (line: string) => void, graceMs: number): Promise<void> {
  const name = pidFile.slice(pidFile.lastIndexOf('/') + 1, -'.pid'.length);
  signal(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) {
    await sleep(200);
  }
  if (isAlive(pid)) {
    log(`${name} (pid ${pid}) still runs after ${graceMs / 1000} s: sending SIGKILL`);
    signal(pid, 'SIGKILL');
    while (isAlive(pid)) {
      await sleep(100);
    }
  }
  log(`Stopped ${name} (pid ${pid})`);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    // ESRCH: it exited between the check and the signal, which is what we wanted.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') {
      throw error;
    }
  }
}
