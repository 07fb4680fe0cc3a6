import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../project';
import { ensureStreamsJars } from './jars';
import { kafkaCacheDir } from './layout';
import { javacCommand, requireJavac } from './prerequisites';

const run = promisify(execFile);

/** The demo Kafka Streams app's Java sources. */
export const STREAMS_APP_SOURCES = join(PROJECT_ROOT, 'server', 'local-stack', 'streams-app', 'src');

/**
 * The app's classpath: its classes, compiled into `.cache/kafka-<version>/streams-app/<hash>`
 * where the hash covers the sources and the jars, then the Kafka Streams jars. javac runs only
 * when that folder is missing, so a changed source compiles once and an unchanged one never.
 */
export async function ensureStreamsAppCompiled(log: (line: string) => void): Promise<string> {
  const libsDir = await ensureStreamsJars(log);
  const sources = await javaSources(STREAMS_APP_SOURCES);
  const hash = createHash('sha256');
  for (const source of sources) {
    hash
      .update(source.slice(STREAMS_APP_SOURCES.length))
      .update('\0')
      .update(await readFile(source))
      .update('\0');
  }
  hash.update((await readdir(libsDir)).sort().join('\n'));
  const buildDir = join(kafkaCacheDir(), 'streams-app');
  const classesDir = join(buildDir, hash.digest('hex').slice(0, 16));
  const classpath = `${classesDir}:${join(libsDir, '*')}`;
  if (
    await readdir(classesDir).then(
      () => true,
      () => false,
    )
  ) {
    return classpath;
  }

  await requireJavac();
  log(`Compiling the Kafka Streams app (${sources.length} source files) ...`);
  // Per process, then renamed into place: two worktrees sharing the cache may compile at once.
  const partialDir = `${classesDir}.partial-${process.pid}`;
  await rm(partialDir, { recursive: true, force: true });
  await mkdir(partialDir, { recursive: true });
  try {
    await run(javacCommand(), ['--release', '17', '-encoding', 'UTF-8', '-d', partialDir, '-cp', join(libsDir, '*'), ...sources], {
      maxBuffer: 4 * 1024 * 1024,
    });
    await rename(partialDir, classesDir);
  } catch (error) {
    await rm(partialDir, { recursive: true, force: true });
    const alreadyThere = await readdir(classesDir).then(
      () => true,
      () => false,
    );
    if (alreadyThere) return classpath;
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`javac could not compile the Kafka Streams app:\n${(stdout + stderr).trim()}`, { cause: error });
  }
  return classpath;
}

async function javaSources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.java'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
