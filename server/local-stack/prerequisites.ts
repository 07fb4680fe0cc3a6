import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The `java` to run: `$JAVA_HOME/bin/java` when set, as Maven does, else the one on PATH. */
export function javaCommand(): string {
  const javaHome = process.env['JAVA_HOME'];
  return javaHome ? join(javaHome, 'bin', 'java') : 'java';
}

/** The JDK's `keytool`, from the same place as {@link javaCommand}. */
export function keytoolCommand(): string {
  const javaHome = process.env['JAVA_HOME'];
  return javaHome ? join(javaHome, 'bin', 'keytool') : 'keytool';
}

/**
 * Fails with a one-line message unless Java 17 or newer runs; Kafka 4 brokers need 17.
 * `java -version` writes to stderr, and old releases say "1.8.0" for Java 8.
 */
export async function requireJava(): Promise<void> {
  let output: string;
  try {
    const { stdout, stderr } = await run(javaCommand(), ['-version']);
    output = stderr + stdout;
  } catch {
    throw new Error(
      'Java 17 or newer is needed for the local Kafka stack: install a JDK (e.g. apt-get install openjdk-17-jdk-headless) or set JAVA_HOME',
    );
  }
  const version = /version "(\d+)(?:\.(\d+))?/.exec(output);
  const major = version ? Number(version[1] === '1' ? version[2] : version[1]) : 0;
  if (major < 17) {
    throw new Error(
      `Java 17 or newer is needed for the local Kafka stack, found ${version ? major : 'an unknown version'}: install a JDK 17+ (e.g. openjdk-17-jdk-headless) or point JAVA_HOME at one`,
    );
  }
}

/** Fails with a one-line message unless `mvn` runs; only needed to fill the jar cache. */
export async function requireMaven(): Promise<void> {
  try {
    await run('mvn', ['-version']);
  } catch {
    throw new Error(
      'Maven is needed once to download the Kafka jars: install it (e.g. apt-get install maven) and make sure `mvn` is on PATH',
    );
  }
}

/** The JDK's `javac`, from the same place as {@link javaCommand}. */
export function javacCommand(): string {
  const javaHome = process.env['JAVA_HOME'];
  return javaHome ? join(javaHome, 'bin', 'javac') : 'javac';
}

/**
 * Fails with a one-line message unless a JDK 17 or newer compiles: the demo's Kafka Streams
 * app is compiled on first start, which a JRE alone cannot do.
 */
export async function requireJavac(): Promise<void> {
  let output: string;
  try {
    const { stdout, stderr } = await run(javacCommand(), ['-version']);
    output = stdout + stderr;
  } catch {
    throw new Error(
      "A JDK 17 is needed to compile the demo's Kafka Streams app, and `javac` was not found: install one (e.g. apt-get install openjdk-17-jdk-headless) or point JAVA_HOME at a JDK",
    );
  }
  const version = /javac (\d+)/.exec(output);
  const major = version ? Number(version[1]) : 0;
  if (major < 17) {
    throw new Error(
      `A JDK 17 or newer is needed to compile the demo's Kafka Streams app, found javac ${version ? major : 'of an unknown version'}: install openjdk-17-jdk-headless or point JAVA_HOME at a JDK 17+`,
    );
  }
}
