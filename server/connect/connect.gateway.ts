import type { ConnectClusterConfig } from '../kafka/clusters-config';
import { Reachability } from '../kafka/reachability';
import { AppError } from '../shared/app-error';
import { connectMessage, describe, REQUEST_TIMEOUT_MS, silent, translateConnectError } from './connect-errors';

export { describe, publicUrl } from './connect-errors';

/** How long the background check of a worker known to be down may take. */
const PROBE_TIMEOUT_MS = 2_000;
const SEND_ATTEMPTS = 4;

/** Connect's status of a connector: `GET /connectors/{name}/status`. */
export interface RawStatus {
  name: string;
  connector: { state: string; worker_id: string; trace?: string };
  tasks: { id: number; state: string; worker_id: string; trace?: string }[];
  type?: string;
}

/** Connect's description of a connector: `GET /connectors/{name}`. */
export interface RawInfo {
  name: string;
  config: Record<string, string>;
  tasks: { connector: string; task: number }[];
  type: string;
}

export interface RawValidation {
  name: string;
  error_count: number;
  groups: string[];
  configs: {
    definition: {
      name: string;
      type: string;
      required: boolean;
      default_value: string | null;
      importance: string;
      documentation: string;
      group: string | null;
      order_in_group: number;
      display_name: string;
      dependents: string[];
    };
    value: { name: string; value: string | null; recommended_values: string[]; errors: string[]; visible: boolean };
  }[];
}

export type RawOffsets = { partition: Record<string, unknown>; offset: Record<string, unknown> | null }[];

/**
 * The only code that speaks Kafka Connect's REST API. Each call has a deadline, sends basic
 * auth when the Connect cluster has a user, and turns Connect's answers into
 * {@link AppError}s with stable codes.
 */
export class ConnectGateway {
  readonly #workers = new Map<string, ConnectClusterConfig>();
  readonly #reachability = new Reachability((url) => this.#probe(url));

  /** Stops the background checks of workers known to be down. */
  close(): void {
    this.#reachability.close();
  }

  /** The worker's version: `GET /`. */
  info(connect: ConnectClusterConfig): Promise<{ version: string; commit: string; kafka_cluster_id: string }> {
    return this.#send(connect, 'GET', '/');
  }

  /** Every connector with its config and status, in one request (`?expand=`). */
  connectors(connect: ConnectClusterConfig): Promise<Record<string, { info: RawInfo; status: RawStatus }>> {
    return this.#send(connect, 'GET', '/connectors?expand=info&expand=status');
  }

  connector(connect: ConnectClusterConfig, name: string): Promise<RawInfo> {
    return this.#send(connect, 'GET', `/connectors/${encode(name)}`);
  }

  status(connect: ConnectClusterConfig, name: string): Promise<RawStatus> {
    return this.#send(connect, 'GET', `/connectors/${encode(name)}/status`);
  }

  /** Topics the connector has used since it was created or its topics were reset (KIP-558). */
  async activeTopics(connect: ConnectClusterConfig, name: string): Promise<string[]> {
    const answer = await this.#send<Record<string, { topics: string[] }>>(connect, 'GET', `/connectors/${encode(name)}/topics`);
    return answer[name]?.topics ?? [];
  }

  plugins(connect: ConnectClusterConfig): Promise<{ class: string; type: string; version: string }[]> {
    return this.#send(connect, 'GET', '/connector-plugins?connectorsOnly=true');
  }

  validate(connect: ConnectClusterConfig, plugin: string, config: Record<string, string>): Promise<RawValidation> {
    return this.#send(connect, 'PUT', `/connector-plugins/${encode(plugin)}/config/validate`, config);
  }

  create(connect: ConnectClusterConfig, name: string, config: Record<string, string>): Promise<RawInfo> {
    return this.#send(connect, 'POST', '/connectors', { name, config });
  }

  updateConfig(connect: ConnectClusterConfig, name: string, config: Record<string, string>): Promise<RawInfo> {
    return this.#send(connect, 'PUT', `/connectors/${encode(name)}/config`, config);
  }

  async delete(connect: ConnectClusterConfig, name: string): Promise<void> {
    await this.#send(connect, 'DELETE', `/connectors/${encode(name)}`);
  }

  /** Pauses, resumes or stops (KIP-875: keeps the config, runs no tasks) a connector. */
  async changeState(connect: ConnectClusterConfig, name: string, to: 'pause' | 'resume' | 'stop'): Promise<void> {
    await this.#send(connect, 'PUT', `/connectors/${encode(name)}/${to}`);
  }

  /** Restarts the connector, and with `includeTasks` its tasks, only failed ones with `onlyFailed` (KIP-745). */
  async restart(connect: ConnectClusterConfig, name: string, includeTasks: boolean, onlyFailed: boolean): Promise<void> {
    await this.#send(connect, 'POST', `/connectors/${encode(name)}/restart?includeTasks=${includeTasks}&onlyFailed=${onlyFailed}`);
  }

  async restartTask(connect: ConnectClusterConfig, name: string, task: number): Promise<void> {
    await this.#send(connect, 'POST', `/connectors/${encode(name)}/tasks/${task}/restart`);
  }

  async offsets(connect: ConnectClusterConfig, name: string): Promise<RawOffsets> {
    return (await this.#send<{ offsets: RawOffsets }>(connect, 'GET', `/connectors/${encode(name)}/offsets`)).offsets;
  }

  /** Alters offsets of a stopped connector. The connector itself may refuse them (KIP-875). */
  async alterOffsets(connect: ConnectClusterConfig, name: string, offsets: RawOffsets): Promise<void> {
    try {
      await this.#send(connect, 'PATCH', `/connectors/${encode(name)}/offsets`, { offsets });
    } catch (err) {
      // Connect answers 500 when the connector's own alterOffsets() rejects the values.
      if (err instanceof AppError && err.code === 'CONNECT_ERROR') {
        throw new AppError('INVALID_OFFSETS', `The connector refused these offsets: ${connectMessage(err.cause)}`, { cause: err });
      }
      throw err;
    }
  }

  /** Deletes every offset of a stopped connector: it starts over as if new. */
  async resetOffsets(connect: ConnectClusterConfig, name: string): Promise<void> {
    await this.#send(connect, 'DELETE', `/connectors/${encode(name)}/offsets`);
  }

  /**
   * Sends one request, again after a moment when the worker answers with what passes: a
   * rebalance or a stale config (409, which means nothing was applied), or an internal error
   * of an idempotent method (a worker busy right after a connector was created).
   */
  async #send<T>(connect: ConnectClusterConfig, method: string, path: string, body?: unknown): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#sendOnce<T>(connect, method, path, body);
      } catch (err) {
        const passing =
          err instanceof AppError &&
          (err.code === 'CONNECT_REBALANCING' || (err.code === 'CONNECT_ERROR' && (method === 'GET' || method === 'PUT')));
        if (!passing || attempt >= SEND_ATTEMPTS) throw err;
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
  }

  /**
   * One request. A worker that does not answer is remembered as down: until a background
   * check reaches it again, requests to it fail at once, sending nothing.
   */
  async #sendOnce<T>(connect: ConnectClusterConfig, method: string, path: string, body?: unknown): Promise<T> {
    this.#workers.set(connect.url, connect);
    this.#reachability.refuseWhileDown(connect.url);
    try {
      return await this.#request<T>(connect, method, path, body);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'CONNECT_UNREACHABLE' || err.code === 'OUTCOME_UNKNOWN')) {
        this.#reachability.markDown(connect.url, err.code === 'CONNECT_UNREACHABLE' ? err : silent(connect));
      }
      throw err;
    }
  }

  async #probe(url: string): Promise<void> {
    const connect = this.#workers.get(url);
    if (connect) await this.#request(connect, 'GET', '/', undefined, PROBE_TIMEOUT_MS);
  }

  async #request<T>(
    connect: ConnectClusterConfig,
    method: string,
    path: string,
    body?: unknown,
    timeoutMs = REQUEST_TIMEOUT_MS,
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    // fetch() refuses URLs with credentials in them: send those, or the configured user, as basic auth.
    const url = new URL(connect.url);
    const username = connect.username ?? decodeURIComponent(url.username);
    const password = connect.password ?? decodeURIComponent(url.password);
    if (username) headers['authorization'] = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    let response: Response;
    let text: string;
    try {
      response = await fetch(new URL(path.replace(/^\//, ''), baseUrl(connect)), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (err) {
      const timedOut = (err as Error).name === 'TimeoutError';
      // A change that went out and got no answer may have been applied: say so, not "unreachable".
      if (timedOut && method !== 'GET') {
        throw new AppError(
          'OUTCOME_UNKNOWN',
          `Kafka Connect cluster ${describe(connect)} did not answer within ${timeoutMs / 1000} s ` +
            'after the change was sent: it may or may not have been applied. Look at the connector before trying again.',
          { cause: err },
        );
      }
      const why = timedOut ? `it did not answer within ${timeoutMs / 1000} s` : 'the worker refused or dropped the connection';
      throw new AppError('CONNECT_UNREACHABLE', `Kafka Connect cluster ${describe(connect)} is unreachable: ${why}`, { cause: err });
    }
    const parsed: unknown = text ? safeJson(text) : undefined;
    if (!response.ok) throw translateConnectError(connect, response.status, parsed);
    return parsed as T;
  }
}

function baseUrl(connect: ConnectClusterConfig): string {
  const url = new URL(connect.url);
  url.username = '';
  url.password = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 500) };
  }
}

function encode(value: string): string {
  return encodeURIComponent(value);
}
