import { request as httpRequest } from 'node:http';
import { useTestApi } from './testing/spec-setup';
import { CONNECT_API } from './testing/test-connect';
import type { ApiErrorBody } from './shared/app-error';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** Sends a request with exactly these headers (`fetch` will not send a `Host` of our choosing). */
function rawRequest(url: string, method: string, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const json = (res.headers['content-type'] ?? '').includes('json') && text;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: json ? JSON.parse(text) : text });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const codeOf = (answer: RawAnswer) => (answer.body as Partial<ApiErrorBody> | undefined)?.error?.code;
const messageOf = (answer: RawAnswer) => (answer.body as Partial<ApiErrorBody> | undefined)?.error?.message;

describe('browser safety', () => {
  const { api, connect } = useTestApi();
  const topics = '/api/clusters/local/topics';
  const ownHost = () => new URL(api.url).host;

  describe('a request naming a host the console is not served as (DNS rebinding)', () => {
    const foreignHost = () => `attacker.example:${new URL(api.url).port}`;

    it('is refused for a read, with a message saying how to allow the host', async () => {
      const res = await rawRequest(api.url, 'GET', `${topics}`, { host: foreignHost() });

      expect(res.status).toBe(421);
      expect(codeOf(res)).toBe('HOST_NOT_ALLOWED');
      expect(messageOf(res)).toContain(foreignHost());
      expect(messageOf(res)).toContain('KPC_ALLOWED_HOSTS');
    });

    it('is refused for a topic deletion, and the topic still exists in Kafka', async () => {
      const topic = await api.kafka.createTopic('rebinding');

      const res = await rawRequest(api.url, 'DELETE', `${topics}/${topic}?confirm=${topic}`, { host: foreignHost() });

      expect(res.status).toBe(421);
      expect(codeOf(res)).toBe('HOST_NOT_ALLOWED');
      expect(await api.kafka.admin.listTopics()).toContain(topic);
    });

    it('is refused for the browser app too', async () => {
      const res = await rawRequest(api.url, 'GET', '/clusters/local/overview', { host: foreignHost() });

      expect(res.status).toBe(421);
    });

    for (const host of ['localhost', '[::1]']) {
      it(`is not refused when it names ${host} at the console's port`, async () => {
        const res = await rawRequest(api.url, 'GET', '/api/health', { host: `${host}:${new URL(api.url).port}` });

        expect(res.status).toBe(200);
      });
    }
  });

  describe('a change sent from another site', () => {
    const pausing = (name: string) => `${CONNECT_API}/connectors/${encodeURIComponent(name)}/pause`;
    /** Whether the worker shows the connector paused within a few seconds (a pause shows in about one). */
    const pausedSoon = (name: string) =>
      connect
        .until(name, (status) => status.connector.state === 'PAUSED', 3000)
        .then(
          () => true,
          () => false,
        );

    for (const [what, headers] of [
      ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site', origin: 'http://attacker.example' }],
      ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
      ['Sec-Fetch-Site: none', { 'sec-fetch-site': 'none' }],
      ['a foreign Origin and no Sec-Fetch-Site', { origin: 'http://attacker.example' }],
      ['Origin: null', { origin: 'null' }],
    ] as const) {
      it(`is refused with ${what}, and the connector keeps running`, async () => {
        const source = await connect.source('cross-site', ['a']);

        const res = await rawRequest(api.url, 'POST', pausing(source.name), { ...headers });

        expect(res.status).toBe(403);
        expect(codeOf(res)).toBe('CROSS_SITE_REQUEST');
        expect(await pausedSoon(source.name)).toBeFalse();
      });
    }

    it('is refused for a topic deletion with a foreign Origin, and the topic still exists', async () => {
      const topic = await api.kafka.createTopic('cross-site');

      const res = await rawRequest(api.url, 'DELETE', `${topics}/${topic}?confirm=${topic}`, { origin: 'http://attacker.example' });

      expect(res.status).toBe(403);
      expect(codeOf(res)).toBe('CROSS_SITE_REQUEST');
      expect(await api.kafka.admin.listTopics()).toContain(topic);
    });

    it('does not stop a read: Sec-Fetch-Site and Origin only matter for changes', async () => {
      const res = await rawRequest(api.url, 'GET', '/api/health', { 'sec-fetch-site': 'cross-site', origin: 'http://attacker.example' });

      expect(res.status).toBe(200);
    });
  });

  describe('a change sent from the console itself', () => {
    for (const [what, headers] of [
      ['Sec-Fetch-Site: same-origin', () => ({ 'sec-fetch-site': 'same-origin', origin: api.url })],
      ['its own Origin and no Sec-Fetch-Site', () => ({ origin: api.url })],
      ['neither header (curl, scripts)', () => ({})],
    ] as const) {
      it(`goes through with ${what}`, async () => {
        const topic = await api.kafka.createTopic('same-origin');

        const res = await rawRequest(api.url, 'DELETE', `${topics}/${topic}?confirm=${topic}`, headers());

        expect(res.status).toBe(204);
        expect(await api.kafka.admin.listTopics()).not.toContain(topic);
      });
    }
  });

  describe('security headers', () => {
    for (const path of ['/api/health', '/api/nothing-here']) {
      it(`are on the answer to ${path}`, async () => {
        const res = await rawRequest(api.url, 'GET', path, { host: ownHost() });

        const csp = String(res.headers['content-security-policy']);
        const directives = csp.split(';').map((directive) => directive.trim());
        // Scripts from the console's own files only: no inline script, no inline handlers.
        expect(directives).toContain("script-src 'self'");
        expect(directives).toContain("script-src-attr 'none'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['referrer-policy']).toBe('no-referrer');
        expect(res.headers['x-powered-by']).toBeUndefined();
      });
    }
  });
});
