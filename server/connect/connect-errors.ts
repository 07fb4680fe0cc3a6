import type { ConnectClusterConfig } from '../kafka/clusters-config';
import { AppError } from '../shared/app-error';

/** How long one request to a Connect worker may take before the API answers (within 5 s in all). */
export const REQUEST_TIMEOUT_MS = 4_500;

/** What a worker that did not answer is remembered by. */
export function silent(connect: ConnectClusterConfig): AppError {
  return new AppError(
    'CONNECT_UNREACHABLE',
    `Kafka Connect cluster ${describe(connect)} is unreachable: it did not answer within ${REQUEST_TIMEOUT_MS / 1000} s`,
  );
}

/** The URL of a Connect cluster without credentials, for the API. */
export function publicUrl(connect: ConnectClusterConfig): string {
  const url = new URL(connect.url);
  return `${url.origin}${url.pathname.replace(/\/$/, '')}`;
}

/** A Connect cluster's name and URL, for messages. */
export function describe(connect: ConnectClusterConfig): string {
  return `${connect.name} (${publicUrl(connect)})`;
}

/** Turns Connect's `{ error_code, message }` into an AppError with a stable code and plain words. */
export function translateConnectError(connect: ConnectClusterConfig, status: number, body: unknown): AppError {
  const message = connectMessage(body) || `HTTP ${status}`;
  const cause = body;
  if (status === 401 || status === 403) {
    return new AppError('CONNECT_AUTHENTICATION_FAILED', `Kafka Connect cluster ${describe(connect)} refused the console's credentials`, {
      cause,
    });
  }
  if (status === 404)
    return new AppError('CONNECTOR_NOT_FOUND', message.replace(/^Unknown connector: (.*)$/, 'There is no connector named $1'), { cause });
  if (status === 409 && /already exists/i.test(message)) return new AppError('CONNECTOR_EXISTS', message, { cause });
  if (status === 409) {
    return new AppError('CONNECT_REBALANCING', `Kafka Connect cluster ${connect.name} is rebalancing; try again in a moment`, { cause });
  }
  if (status === 400 && /must be in the STOPPED state/i.test(message)) {
    return new AppError('CONNECTOR_NOT_STOPPED', 'Offsets can be changed only while the connector is stopped: stop it first', { cause });
  }
  if (status === 400 && /configuration is invalid/i.test(message)) {
    const problems = message
      .split('\n')
      .slice(1)
      .filter((line) => line && !line.startsWith('You can also find'));
    return new AppError('INVALID_CONNECTOR_CONFIG', `The connector config is invalid: ${problems.join(' ')}`, { cause });
  }
  if (status >= 400 && status < 500) return new AppError('CONNECT_BAD_REQUEST', message, { cause, status });
  return new AppError('CONNECT_ERROR', `Kafka Connect cluster ${connect.name} failed: ${firstLine(message)}`, { cause });
}

export function connectMessage(body: unknown): string {
  const message = (body as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message.replace(/^[\w.$]+(Exception|Error): /, '') : '';
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 500);
}
