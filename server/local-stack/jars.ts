import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { KAFKA_VERSION, kafkaCacheDir } from './layout';
import { requireMaven } from './prerequisites';

const run = promisify(execFile);

/** groupId:artifactId:version of what the broker, the CLI tools and Connect need. */
const ARTIFACTS = [
  `org.apache.kafka:kafka_2.13:${KAFKA_VERSION}`,
  `org.apache.kafka:kafka-tools:${KAFKA_VERSION}`,
  `org.apache.kafka:connect-runtime:${KAFKA_VERSION}`,
  `org.apache.kafka:connect-file:${KAFKA_VERSION}`,
  `org.apache.kafka:connect-json:${KAFKA_VERSION}`,
  // Kafka's tree brings slf4j-api 1.7, whose binding is log4j-slf4j-impl; the slf4j2 binding
  // would be ignored and every log line silently dropped.
  'org.apache.logging.log4j:log4j-slf4j-impl:2.24.3',
  'org.apache.logging.log4j:log4j-core:2.24.3',
];

/**
 * What the demo's Kafka Streams app runs on (see streams-app.ts): Apache Kafka Streams of the
 * broker's release, RocksDB for its state stores (pinned to the version kafka-streams
 * 4.3.1 itself depends on), and the same log4j binding as the broker. Kept in a folder of its
 * own, so adding it never refetches, nor swaps under a running JVM, the broker's classpath.
 */
const STREAMS_ARTIFACTS = [
  `org.apache.kafka:kafka-streams:${KAFKA_VERSION}`,
  'org.rocksdb:rocksdbjni:10.1.3',
  'org.apache.logging.log4j:log4j-slf4j-impl:2.24.3',
  'org.apache.logging.log4j:log4j-core:2.24.3',
];

/**
 * The Prometheus JMX exporter's Java agent, which every JVM of the stack runs (see
 * jmx-exporter.ts). One shaded jar; a folder and marker of its own, like the Streams jars.
 */
export const JMX_EXPORTER_VERSION = '1.0.1';
const JMX_EXPORTER_ARTIFACTS = [`io.prometheus.jmx:jmx_prometheus_javaagent:${JMX_EXPORTER_VERSION}`];

/**
 * Makes sure the Kafka jars are in `.cache/kafka-<version>/libs` and returns that folder.
 * Maven runs only when the marker written after a complete copy is missing or lists other
 * artifacts, so later starts cost nothing and an interrupted copy is redone, not trusted.
 */
export function ensureKafkaJars(log: (line: string) => void): Promise<string> {
  return ensureJars('libs', ARTIFACTS, `Apache Kafka ${KAFKA_VERSION}`, log);
}

/** Like {@link ensureKafkaJars}, for the Kafka Streams app: `.cache/kafka-<version>/streams-libs`. */
export function ensureStreamsJars(log: (line: string) => void): Promise<string> {
  return ensureJars('streams-libs', STREAMS_ARTIFACTS, `Kafka Streams ${KAFKA_VERSION} and RocksDB`, log);
}

/** Like {@link ensureKafkaJars}, for the JMX exporter agent; resolves to the agent jar itself. */
export async function ensureJmxExporterJar(log: (line: string) => void): Promise<string> {
  const dir = await ensureJars('jmx-exporter', JMX_EXPORTER_ARTIFACTS, `the Prometheus JMX exporter ${JMX_EXPORTER_VERSION}`, log);
  return join(dir, `jmx_prometheus_javaagent-${JMX_EXPORTER_VERSION}.jar`);
}

async function ensureJars(folder: string, artifacts: string[], what: string, log: (line: string) => void): Promise<string> {
  const cacheDir = kafkaCacheDir();
  const libsDir = join(cacheDir, folder);
  const markerFile = join(cacheDir, `${folder}.complete`);
  const fingerprint = artifacts.join('\n');
  const isComplete = async () => (await readFile(markerFile, 'utf8').catch(() => '')) === fingerprint;
  if (await isComplete()) {
    return libsDir;
  }

  await requireMaven();
  log(`Fetching ${what} jars from Maven Central into ${libsDir} ...`);
  const startedAt = Date.now();
  // Per process: two worktrees sharing the cache may fetch at once.
  const partialDir = join(cacheDir, `${folder}.partial-${process.pid}`);
  await rm(partialDir, { recursive: true, force: true });
  await mkdir(cacheDir, { recursive: true });
  const pomFile = join(cacheDir, folder === 'libs' ? 'pom.xml' : `${folder}.pom.xml`);
  await writeFile(pomFile, pom(artifacts));
  try {
    await run('mvn', ['-B', '-q', '-f', pomFile, 'dependency:copy-dependencies', `-DoutputDirectory=${partialDir}`], {
      cwd: cacheDir,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    await rm(partialDir, { recursive: true, force: true });
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    const lastLines = (stdout + stderr).trim().split('\n').slice(-15).join('\n');
    throw new Error(`mvn could not fetch the ${what} jars (network or Maven Central?):\n${lastLines}`, {
      cause: error,
    });
  }

  if (await isComplete()) {
    // Another process finished the same fetch meanwhile: keep its folder, which may be in use.
    await rm(partialDir, { recursive: true, force: true });
    return libsDir;
  }
  // Swap the folder in whole, so a reader never sees half a classpath.
  await rm(libsDir, { recursive: true, force: true });
  await rename(partialDir, libsDir);
  await writeFile(markerFile, fingerprint);
  const jars = (await readdir(libsDir)).filter((name) => name.endsWith('.jar'));
  log(`Fetched ${jars.length} jars in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  return libsDir;
}

function pom(artifacts: string[]): string {
  const dependencies = artifacts
    .map((coordinates) => {
      const [groupId, artifactId, version] = coordinates.split(':');
      return `    <dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId><version>${version}</version></dependency>`;
    })
    .join('\n');
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <!-- Generated by server/local-stack/jars.ts; only used to copy the jars below. -->
  <modelVersion>4.0.0</modelVersion>
  <groupId>kpc</groupId><artifactId>local-stack</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
${dependencies}
  </dependencies>
</project>
`;
}
