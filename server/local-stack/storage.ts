import { execFile } from 'node:child_process';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NodeLayout, StackLayout } from './layout';
import { javaCommand } from './prerequisites';
import { jvmArgs } from './processes';
import { scramCredential } from './security';

const run = promisify(execFile);

/** What `stack.json` remembers of the first start of a data dir. */
interface StackRecord {
  brokers: number;
  kafkaPort: number;
  clusterId: string;
  /** Whether it was formatted with the SCRAM user of a secured stack; absent in older files. */
  secured?: boolean;
}

/**
 * Fails when the options contradict what the data dir was formatted for: the controller
 * ports are written into the quorum's storage, a node count cannot change in place, and
 * SCRAM users can only be added while formatting.
 */
export async function assertSameStack(layout: StackLayout): Promise<void> {
  const record = await readRecord(layout.stackFile);
  const brokers = layout.nodes.length;
  const kafkaPort = layout.nodes[0]!.kafkaPort;
  if (record && (record.brokers !== brokers || record.kafkaPort !== kafkaPort)) {
    throw new Error(
      `${layout.dataDir} holds a ${record.brokers}-broker stack on port ${record.kafkaPort}, not ${brokers} on ${kafkaPort}: ` +
        'pass the same options, another data dir, or delete that folder',
    );
  }
  if (layout.security && !record?.secured && (await unformattedNodes(layout)).length < brokers) {
    throw new Error(
      `${layout.dataDir} was formatted without --secured, so it has no SCRAM user: ` +
        'start it without --secured, or use another data dir (or delete that folder) for a secured stack',
    );
  }
}

/**
 * Formats the KRaft storage of every node that has no `meta.properties` yet, all with one
 * cluster id, and leaves formatted nodes alone so topics survive restarts.
 */
export async function ensureFormatted(layout: StackLayout, libsDir: string, log: (line: string) => void): Promise<void> {
  await assertSameStack(layout);
  const record = await readRecord(layout.stackFile);
  const brokers = layout.nodes.length;
  const kafkaPort = layout.nodes[0]!.kafkaPort;

  const unformatted = await unformattedNodes(layout);
  if (unformatted.length === 0) {
    return;
  }

  const clusterId = record?.clusterId ?? (await existingClusterId(layout)) ?? (await randomUuid(layout, libsDir));
  // Written before formatting, so a node formatted later joins the same cluster.
  await mkdir(layout.dataDir, { recursive: true });
  const secured = layout.security !== undefined;
  const newRecord: StackRecord = { brokers, kafkaPort, clusterId, secured };
  await writeFile(layout.stackFile, `${JSON.stringify(newRecord, null, 2)}\n`);
  log(`Formatting KRaft storage (cluster ${clusterId}) for node(s) ${unformatted.map((node) => node.nodeId).join(', ')}`);
  await Promise.all(
    unformatted.map((node) =>
      storageTool(layout, libsDir, [
        'format',
        '-t',
        clusterId,
        '-c',
        node.propertiesFile,
        // --standalone makes the single node its own dynamic quorum (KIP-853); several nodes
        // use the static controller.quorum.voters instead, which --standalone refuses.
        ...(brokers === 1 ? ['--standalone'] : []),
        // The Streams rebalance protocol (KIP-1071) for the demo's Kafka Streams app; on by
        // default at 4.3's metadata version, named so. A data dir formatted with it off is
        // upgraded by the app itself (UpdateFeatures, see DemoStreamsApp.java).
        '--feature',
        'streams.version=1',
        // SCRAM credentials live in the metadata log (KIP-900); this writes them into its
        // first records, so the broker knows the user before any listener opens.
        ...(layout.security ? ['--add-scram', scramCredential(layout.security)] : []),
      ]),
    ),
  );
}

async function unformattedNodes(layout: StackLayout): Promise<NodeLayout[]> {
  const unformatted: NodeLayout[] = [];
  for (const node of layout.nodes) {
    if (!(await exists(join(node.storageDir, 'meta.properties')))) {
      unformatted.push(node);
    }
  }
  return unformatted;
}

async function randomUuid(layout: StackLayout, libsDir: string): Promise<string> {
  const output = await storageTool(layout, libsDir, ['random-uuid']);
  const uuid = output.trim().split('\n').pop()?.trim();
  if (!uuid || !/^[\w-]{22}$/.test(uuid)) {
    throw new Error(`StorageTool random-uuid answered something unexpected: ${output}`);
  }
  return uuid;
}

/** The cluster id of a node formatted before `stack.json` existed (or after it was lost). */
async function existingClusterId(layout: StackLayout): Promise<string | undefined> {
  for (const node of layout.nodes) {
    const meta = await readFile(join(node.storageDir, 'meta.properties'), 'utf8').catch(() => '');
    const match = /^cluster\.id=(.+)$/m.exec(meta);
    if (match) {
      return match[1]!.trim();
    }
  }
  return undefined;
}

async function storageTool(layout: StackLayout, libsDir: string, args: string[]): Promise<string> {
  const options = { libsDir, log4jFile: layout.log4jFile, logFile: join(layout.dataDir, 'logs', 'storage-tool.log') };
  try {
    const { stdout } = await run(javaCommand(), jvmArgs(options, 'kafka.tools.StorageTool', args));
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`kafka.tools.StorageTool ${args[0]} failed: ${(stdout + stderr).trim()}`, { cause: error });
  }
}

async function readRecord(stackFile: string): Promise<StackRecord | undefined> {
  const text = await readFile(stackFile, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as StackRecord);
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
