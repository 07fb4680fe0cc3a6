import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { pinoHttp } from 'pino-http';
import { createLogger } from './logger';

/** A logged request or response: its headers by lower-case name. */
interface LoggedMessage {
  url?: string;
  headers: Record<string, string>;
}

/** One log line, parsed. */
interface LogLine {
  req?: LoggedMessage;
  res?: LoggedMessage;
  [field: string]: unknown;
}

/** Log lines written to memory, parsed. */
class CapturedLines extends Writable {
  readonly lines: LogLine[] = [];

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString().split('\n').filter(Boolean)) this.lines.push(JSON.parse(line));
    done();
  }
}

const REDACTED = '***';

describe('createLogger', () => {
  describe('in the request log', () => {
    let captured: CapturedLines;
    let line: Required<Pick<LogLine, 'req' | 'res'>>;

    beforeAll(async () => {
      captured = new CapturedLines();
      const logger = createLogger('info', captured);
      // Wired as server/app.ts wires it.
      const app = express()
        .use(pinoHttp({ logger }))
        .get('/api/login', (_req, res) => {
          res.setHeader('Set-Cookie', 'session=s3t-c00kie; HttpOnly');
          res.setHeader('X-Auth-Token', 'res-t0ken');
          res.setHeader('X-Request-Id', 'req-7');
          res.json({ ok: true });
        });
      const server = app.listen(0, '127.0.0.1');
      await new Promise<void>((resolve) => server.once('listening', resolve));
      await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/login`, {
        headers: {
          Cookie: 'session=c00kie-in',
          Authorization: 'Bearer auth-t0ken',
          'Proxy-Authorization': 'Basic cHJveHk6cHc=',
          'X-Api-Key': 'api-k3y',
          'X-Vault-Token': 'vault-t0ken',
          'X-Trace': 'trace-1',
        },
      }).then((response) => response.text());
      await new Promise<void>((resolve) => server.close(() => resolve()));
      line = captured.lines.find((candidate) => candidate.req?.url === '/api/login') as typeof line;
    });

    it('writes one line with the request and response headers', () => {
      expect(line).toBeDefined();
      expect(line.req.headers['x-trace']).toBe('trace-1');
      expect(line.res.headers['x-request-id']).toBe('req-7');
    });

    for (const header of ['cookie', 'authorization', 'proxy-authorization', 'x-api-key', 'x-vault-token']) {
      it(`redacts the request header ${header}`, () => expect(line.req.headers[header]).toBe(REDACTED));
    }

    for (const header of ['set-cookie', 'x-auth-token']) {
      it(`redacts the response header ${header}`, () => expect(line.res.headers[header]).toBe(REDACTED));
    }

    it('leaves no credential anywhere in the line', () => {
      expect(JSON.stringify(captured.lines)).not.toMatch(/c00kie|t0ken|k3y|cHJveHk6cHc/);
    });
  });

  describe('for an object with a password', () => {
    it('redacts it', () => {
      const captured = new CapturedLines();
      createLogger('info', captured).info({ cluster: { name: 'prod', password: 'hunter2' } }, 'connecting');

      expect(captured.lines[0]!['cluster']).toEqual({ name: 'prod', password: REDACTED });
    });
  });
});
