import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { createGunzip, createInflate } from 'node:zlib';
import { parsePrometheusText, PrometheusTextError, type PrometheusSample } from './prometheus-text';

/** An answer larger than this is refused: the exporter should keep only what is charted. */
export const MAX_SCRAPE_BYTES = 8 * 1024 * 1024;

/** Why a scrape failed, in plain words (no stack, no credential). */
export class ScrapeError extends Error {}

export interface ScrapeOptions {
  /** The whole scrape, connection to last byte. */
  timeoutMs: number;
  /** Only samples whose name this accepts are parsed past their name (see {@link parsePrometheusText}). */
  keep?: (name: string) => boolean;
  /** Ends the scrape early, e.g. when the console stops. */
  signal?: AbortSignal;
  maxBytes?: number;
}

/**
 * Reads a Prometheus endpoint once: GET in the text format, within the timeout, at most
 * `maxBytes`, parsed. A user and password in the URL are sent as basic auth. Every failure is a
 * {@link ScrapeError} whose message says what went wrong as an operator would put it.
 */
export async function scrapePrometheus(url: string, options: ScrapeOptions): Promise<PrometheusSample[]> {
  const target = new URL(url);
  const headers: Record<string, string> = { accept: 'text/plain;version=0.0.4;q=1, */*;q=0.1', 'accept-encoding': 'gzip' };
  if (target.username || target.password) {
    const credentials = `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`;
    headers['authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`;
    target.username = '';
    target.password = '';
  }
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  let text: string;
  try {
    text = await get(target, headers, signal, options.maxBytes ?? MAX_SCRAPE_BYTES);
  } catch (err) {
    if (err instanceof ScrapeError) throw err;
    if (timeout.aborted) throw new ScrapeError(`no answer within ${seconds(options.timeoutMs)}`, { cause: err });
    if (options.signal?.aborted) throw new ScrapeError('the scrape was cancelled (the console is stopping)', { cause: err });
    throw new ScrapeError(networkProblem(err, target), { cause: err });
  }
  try {
    return parsePrometheusText(text, options.keep);
  } catch (err) {
    if (err instanceof PrometheusTextError) {
      throw new ScrapeError(`answered something that is not Prometheus metrics (${err.message})`, { cause: err });
    }
    throw err;
  }
}

/**
 * One GET with Node's own HTTP client (not fetch, which refuses the ports browsers block, 6000
 * or 10080 among them): a fresh connection each time, since scrapes are seconds apart; up to
 * three redirects followed, as Prometheus does; the body refused past `maxBytes`.
 */
function get(url: URL, headers: Record<string, string>, signal: AbortSignal, maxBytes: number, redirects = 3): Promise<string> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(url, { headers, signal, agent: false }, (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location && redirects > 0) {
        response.resume();
        get(new URL(location, url), headers, signal, maxBytes, redirects - 1).then(resolve, reject);
        return;
      }
      if (status !== 200) {
        response.resume();
        reject(new ScrapeError(`answered HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''} instead of metrics`));
        return;
      }
      const encoding = response.headers['content-encoding'];
      const body: Readable =
        encoding === 'gzip' ? response.pipe(createGunzip()) : encoding === 'deflate' ? response.pipe(createInflate()) : response;
      const chunks: Buffer[] = [];
      let size = 0;
      const fail = (error: Error) => {
        request.destroy();
        reject(error);
      };
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) fail(tooLarge(maxBytes));
        else chunks.push(chunk);
      });
      body.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      body.on('error', fail);
      response.on('error', fail);
    });
    request.on('error', reject);
    request.end();
  });
}

function tooLarge(maxBytes: number): ScrapeError {
  return new ScrapeError(
    `answered more than ${maxBytes / 1024 / 1024} MiB of metrics: let the exporter keep only the MBeans the console charts (see server/local-stack/jmx-exporter.ts)`,
  );
}

/** What Node's fetch failure means, from the system error under it. */
function networkProblem(err: unknown, target: URL): string {
  const cause = (err as { cause?: unknown }).cause ?? err;
  const code = (cause as { code?: string }).code ?? '';
  const address = `${target.hostname}:${target.port || (target.protocol === 'https:' ? 443 : 80)}`;
  switch (code) {
    case 'ECONNREFUSED':
      return `nothing listens at ${address} (connection refused)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return `the host ${target.hostname} is not known (DNS lookup failed)`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${target.hostname} cannot be reached from the console (no route)`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `no connection to ${address} could be made in time`;
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return `${address} closed the connection before answering`;
  }
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code))
    return `${address} has a TLS certificate the console does not trust (${code})`;
  const message = cause instanceof Error ? cause.message : String(cause);
  return `cannot be read (${code ? `${code}: ` : ''}${message})`;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
