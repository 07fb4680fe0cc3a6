import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestApi } from './test-api';

/** The real test Connect worker; specs of this folder need it. */
export const TEST_CONNECT_URL = process.env['KPC_TEST_CONNECT_URL'] ?? 'http://127.0.0.1:18083';

/** Where the console's API reaches the test worker. */
export const CONNECT_API = '/api/clusters/local/connect/test-connect';

const STRING_CONVERTER = 'org.apache.kafka.connect.storage.StringConverter';

/** A FileStreamSource connector a spec made: the file it reads and the topic it writes. */
export interface SeededSource {
  name: string;
  file: string;
  topic: string;
}

/**
 * Seeds the real Connect worker for a spec: connectors named `spec.<purpose>.<uuid>` reading
 * files of their own, and asks the worker directly (not through the console) what became of
 * them. {@link cleanUp} deletes the connectors and files it made.
 */
export class TestConnect {
  readonly #connectors: string[] = [];
  readonly #dir = join(tmpdir(), `kpc-spec-connect-${randomUUID()}`);

  constructor(private readonly api: TestApi) {
    mkdirSync(this.#dir, { recursive: true });
  }

  /** A unique connector name, deleted at clean-up even when a spec created it through the API. */
  connectorName(purpose: string): string {
    const name = `spec.${purpose}.${randomUUID()}`;
    this.#connectors.push(name);
    return name;
  }

  /** A file of lines for a source connector to read. */
  file(lines: string[]): string {
    const path = join(this.#dir, `${randomUUID()}.txt`);
    writeFileSync(path, lines.map((line) => `${line}\n`).join(''));
    return path;
  }

  /** The config of a FileStreamSource connector that publishes `file` to `topic` as plain strings. */
  sourceConfig(file: string, topic: string, extra: Record<string, string> = {}): Record<string, string> {
    return {
      'connector.class': 'FileStreamSource',
      file,
      topic,
      'value.converter': STRING_CONVERTER,
      'key.converter': STRING_CONVERTER,
      ...extra,
    };
  }

  /** A running FileStreamSource connector, created on the worker directly. */
  async source(purpose: string, lines: string[], extra: Record<string, string> = {}): Promise<SeededSource> {
    const name = this.connectorName(purpose);
    const topic = await this.api.kafka.createTopic(purpose);
    const file = this.file(lines);
    await this.worker('POST', '/connectors', { name, config: this.sourceConfig(file, topic, extra) });
    await this.until(name, (status) => status.connector.state === 'RUNNING' && status.tasks[0]?.state === 'RUNNING');
    return { name, file, topic };
  }

  /** Asks the worker itself. */
  async worker<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(TEST_CONNECT_URL + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** The worker's status of a connector, or undefined when it does not exist. */
  async status(name: string): Promise<WorkerStatus | undefined> {
    const res = await this.worker<WorkerStatus>('GET', `/connectors/${encodeURIComponent(name)}/status`);
    return res.status === 200 ? res.body : undefined;
  }

  /** Waits until the worker no longer knows the connector (deletion is asynchronous). */
  async untilGone(name: string, timeoutMs = 20_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!(await this.status(name))) return true;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return false;
  }

  /** Waits until the connector's status passes `test`; fails the spec after 20 s. */
  async until(name: string, test: (status: WorkerStatus) => boolean, timeoutMs = 20_000): Promise<WorkerStatus> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = await this.status(name);
      if (status && test(status)) return status;
      if (Date.now() > deadline) throw new Error(`${name} did not reach the expected state: ${JSON.stringify(status)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** How many records the topic's single partition holds. */
  async recordCount(topic: string): Promise<number> {
    const [latest] = await this.api.kafka.admin.listOffsets({
      topics: [{ name: topic, partitions: [{ partitionIndex: 0, timestamp: -1n }] }],
    });
    return Number(latest?.partitions[0]?.offset ?? 0n);
  }

  /** Waits until the topic holds `count` records (the worker flushes every few seconds). */
  async untilRecordCount(topic: string, count: number, timeoutMs = 20_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    let current = await this.recordCount(topic);
    while (current < count && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      current = await this.recordCount(topic);
    }
    return current;
  }

  /** Waits until the worker has committed a source offset for the connector (every 5 s here). */
  async untilOffsets(name: string, timeoutMs = 20_000): Promise<unknown[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await this.worker<{ offsets: unknown[] }>('GET', `/connectors/${encodeURIComponent(name)}/offsets`);
      if (res.body?.offsets?.length) return res.body.offsets;
      if (Date.now() > deadline) throw new Error(`${name} committed no offsets within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** Deletes the connectors and files this instance made. */
  async cleanUp(): Promise<void> {
    for (const name of this.#connectors.splice(0))
      await this.worker('DELETE', `/connectors/${encodeURIComponent(name)}`).catch(() => undefined);
    rmSync(this.#dir, { recursive: true, force: true });
  }
}

/** The worker's own status answer. */
export interface WorkerStatus {
  connector: { state: string; worker_id: string; trace?: string };
  tasks: { id: number; state: string; trace?: string }[];
}
