import { execFile } from 'node:child_process';
import { access, mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import type { SecurityLayout, StackLayout } from './layout';
import { keytoolCommand } from './prerequisites';

const run = promisify(execFile);

/**
 * The broker properties a secured node adds: a SASL_PLAINTEXT listener offering PLAIN and
 * SCRAM-SHA-512, and an SSL listener, both advertised next to PLAINTEXT so a client keeps
 * talking to the listener it bootstrapped from.
 */
export function securityProperties(security: SecurityLayout): Record<string, string> {
  const { username, password } = security;
  return {
    'sasl.enabled.mechanisms': 'PLAIN,SCRAM-SHA-512',
    // PLAIN checks passwords against the user_<name> entries of its JAAS config; SCRAM
    // against the credentials in the metadata log, written by `StorageTool format --add-scram`.
    'listener.name.sasl_plaintext.plain.sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required user_${username}="${password}";`,
    'listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config': 'org.apache.kafka.common.security.scram.ScramLoginModule required;',
    'listener.name.ssl.ssl.keystore.type': 'PKCS12',
    'listener.name.ssl.ssl.keystore.location': security.keystoreFile,
    'listener.name.ssl.ssl.keystore.password': security.keystorePassword,
    'listener.name.ssl.ssl.key.password': security.keystorePassword,
  };
}

/** The `--add-scram` argument of `StorageTool format` creating the SCRAM user. */
export function scramCredential(security: SecurityLayout): string {
  return `SCRAM-SHA-512=[name=${security.username},password=${security.password}]`;
}

/**
 * Generates the broker's self-signed certificate once (PKCS12 keystore, valid for 127.0.0.1
 * and localhost) and exports it as PEM for clients to trust. Kept across restarts, so a
 * client that saved the PEM keeps trusting the broker.
 */
export async function ensureCertificate(layout: StackLayout, log: (line: string) => void): Promise<void> {
  const security = layout.security;
  if (!security) {
    return;
  }
  const common = ['-alias', 'broker', '-keystore', security.keystoreFile, '-storetype', 'PKCS12', '-storepass', security.keystorePassword];
  if (!(await exists(security.keystoreFile))) {
    await mkdir(dirname(security.keystoreFile), { recursive: true });
    // A stale PEM would no longer match the new key.
    await rm(security.caFile, { force: true });
    log(`Generating a self-signed certificate for 127.0.0.1 into ${security.keystoreFile}`);
    await keytool([
      '-genkeypair',
      ...common,
      '-keypass',
      security.keystorePassword,
      '-keyalg',
      'RSA',
      '-keysize',
      '2048',
      '-validity',
      '3650',
      '-dname',
      'CN=localhost, OU=Kafka Pipeline Console local stack',
      '-ext',
      'SAN=ip:127.0.0.1,dns:localhost',
    ]);
  }
  if (!(await exists(security.caFile))) {
    await keytool(['-exportcert', '-rfc', ...common, '-file', security.caFile]);
  }
}

async function keytool(args: string[]): Promise<void> {
  try {
    await run(keytoolCommand(), ['-noprompt', ...args]);
  } catch (error) {
    const { code, stdout = '', stderr = '' } = error as { code?: unknown; stdout?: string; stderr?: string };
    const why = code === 'ENOENT' ? `${keytoolCommand()} was not found (it comes with the JDK)` : (stdout + stderr).trim();
    throw new Error(`keytool ${args[0]} failed: ${why}`, { cause: error });
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
