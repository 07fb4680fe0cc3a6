import { request as httpRequest } from 'node:http';
import type { ConnectorDetail } from './connect/connect.model';
import { useTestApi } from './testing/spec-setup';
import { CONNECT_API } from './testing/test-connect';
import type { ApiErrorBody } from './shared/app-error';

interface RawAnswer {
  status: number;
  contentType: string;
  body: unknown;
}

/**
 * Sends `path` exactly as written: `fetch` would resolve `..` and `%2e%2e` before sending, as
 * a browser does, but any other client can send them.
 */
function rawRequest(url: string, method: string, path: string, body?: { type: string; data: string | Buffer }): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { hostname, port, method, path, headers: body ? { 'content-type': body.type, 'content-length': Buffer.byteLength(body.data) } : {} },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const contentType = res.headers['content-type'] ?? '';
          resolve({ status: res.statusCode ?? 0, contentType, body: contentType.includes('json') && text ? JSON.parse(text) : text });
        });
      },
    );
    // The server may answer and close before the whole body is sent; that is what it should do.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end(body?.data);
  });
}

const cursorOf = (body: object) => Buffer.from(JSON.stringify(body)).toString('base64url');

describe('bad input', () => {
  const { api, connect, groups } = useTestApi();

  describe('a path parameter with a malformed % escape', () => {
    for (const path of [
      '/api/clusters/local/topics/%E0%A4%A',
      '/api/clusters/%E0%A4%A/overview',
      '/api/clusters/local/consumer-groups/%E0%A4%A/offsets/preview',
      `${CONNECT_API}/connectors/%ZZ`,
    ]) {
      it(`answers 400 VALIDATION_FAILED to ${path}`, async () => {
        const res = await rawRequest(api.url, path.endsWith('preview') ? 'POST' : 'GET', path);

        expect(res.status).toBe(400);
        expect((res.body as ApiErrorBody).error.code).toBe('VALIDATION_FAILED');
        expect((res.body as ApiErrorBody).error.message).toContain('%');
      });
    }
  });

  describe('a reset to an instant out of range', () => {
    let topic: string;
    let group: string;
    beforeAll(async () => {
      topic = await groups.topic('bad-input', [3]);
      group = await groups.committedGroup('bad-input', topic, [2]);
    });

    const cases: [string, string | number, string][] = [
      ['timestamp', 2 ** 63, 'timestamp'],
      ['timestamp', '9223372036854775808', 'timestamp'],
      ['timestamp', '0020-02-29T00:00:00Z', 'timestamp'],
      ['duration', 'PT99999999999999H', 'duration'],
      ['duration', `PT${'9'.repeat(400)}S`, 'duration'],
    ];
    for (const [mode, value, field] of cases) {
      for (const what of ['preview', 'reset']) {
        it(`answers 400 VALIDATION_FAILED naming ${field} and its range to a ${what} by ${mode} ${String(value).slice(0, 30)}`, async () => {
          const res = await api.post<ApiErrorBody>(`/api/clusters/local/consumer-groups/${group}/offsets/${what}`, {
            topics: [{ topic }],
            mode,
            value,
            confirm: true,
          });

          expect(res.status).toBe(400);
          expect(res.body.error.code).toBe('VALIDATION_FAILED');
          expect(res.body.error.message).toContain(field);
          expect(res.body.error.message).toMatch(/at most|between/);
          expect(await groups.committedOffsets(group, topic, 1)).toEqual([2]);
        });
      }
    }
  });

  describe('a connector name that is a path segment of its own', () => {
    for (const name of ['.', '..', '%2e%2e', '%2E.', '.%2e']) {
      it(`answers 400 VALIDATION_FAILED to GET .../connectors/${name} without asking the worker`, async () => {
        const res = await rawRequest(api.url, 'GET', `${CONNECT_API}/connectors/${name}`);

        expect(res.status).toBe(400);
        expect((res.body as ApiErrorBody).error).toEqual({
          code: 'VALIDATION_FAILED',
          message: jasmine.stringMatching(/connector name.*"\.".*"\.\."/),
        });
      });
    }

    it('answers 400 to DELETE .../connectors/.. and deletes nothing', async () => {
      const source = await connect.source('bad-input', ['a']);

      const res = await rawRequest(api.url, 'DELETE', `${CONNECT_API}/connectors/%2e%2e?confirm=..`);

      expect(res.status).toBe(400);
      expect((await connect.worker('GET', `/connectors/${source.name}/status`)).status).toBe(200);
    });

    it('answers 400 to PUT .../plugins/../validate', async () => {
      const res = await rawRequest(api.url, 'PUT', `${CONNECT_API}/plugins/%2e%2e/validate`, {
        type: 'application/json',
        data: JSON.stringify({ config: {} }),
      });

      expect(res.status).toBe(400);
      expect((res.body as ApiErrorBody).error.code).toBe('VALIDATION_FAILED');
    });

    it('answers 400 to creating a connector named ".."', async () => {
      const res = await api.post<ApiErrorBody>(`${CONNECT_API}/connectors`, {
        name: '..',
        config: { 'connector.class': 'FileStreamSource' },
      });

      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect((await connect.worker('GET', '/connectors')).body).not.toContain('..');
    });
  });

  describe('a crafted message cursor', () => {
    let topic: string;
    beforeAll(async () => (topic = await groups.topic('bad-cursor', [3, 3])));

    const cases: [string, object][] = [
      ['a partition the topic does not have', { d: 'backward', p: [[7, '3']] }],
      ['a negative partition', { d: 'backward', p: [[-1, '3']] }],
      ['an offset of 2^63', { d: 'backward', p: [[0, '9223372036854775808']] }],
      ['an offset beyond exact numbers', { d: 'forward', p: [[0, String(Number.MAX_SAFE_INTEGER + 2)]] }],
      ['positions that are not a list', { d: 'backward', p: 5 }],
    ];
    for (const [what, cursor] of cases) {
      it(`answers 400 INVALID_CURSOR to ${what}`, async () => {
        const direction = (cursor as { d: string }).d;
        const res = await api.get<ApiErrorBody>(
          `/api/clusters/local/topics/${topic}/messages?direction=${direction}&cursor=${cursorOf(cursor)}`,
        );

        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('INVALID_CURSOR');
      });
    }
  });

  describe('a body that is not JSON on a change', () => {
    it('answers 415 UNSUPPORTED_MEDIA_TYPE to 10 MB of text/plain, and does not pause the connector', async () => {
      const source = await connect.source('not-json', ['a']);

      const res = await rawRequest(api.url, 'POST', `${CONNECT_API}/connectors/${source.name}/pause`, {
        type: 'text/plain',
        data: Buffer.alloc(10 * 1024 * 1024, 'x'),
      });

      expect(res.status).toBe(415);
      expect((res.body as ApiErrorBody).error).toEqual({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: jasmine.stringMatching(/application\/json/),
      });
      expect(
        (await connect.worker<{ connector: { state: string } }>('GET', `/connectors/${source.name}/status`)).body.connector.state,
      ).toBe('RUNNING');
    });

    it('answers 415 before reading the body', async () => {
      const { hostname, port } = new URL(api.url);
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            hostname,
            port,
            method: 'PUT',
            path: `${CONNECT_API}/connectors/any/config`,
            headers: { 'content-type': 'text/plain', 'content-length': 50 * 1024 * 1024 },
          },
          (res) => resolve(res.statusCode ?? 0),
        );
        req.on('error', reject);
        // One chunk of the 50 MB announced; the answer comes without the rest.
        req.write(Buffer.alloc(1024, 'x'));
      });

      expect(status).toBe(415);
    });

    it('still takes a POST without a body', async () => {
      const source = await connect.source('no-body', ['a']);

      const res = await rawRequest(api.url, 'POST', `${CONNECT_API}/connectors/${source.name}/pause`);

      expect(res.status).toBe(200);
      expect((res.body as ConnectorDetail).name).toBe(source.name);
    });
  });

  describe('messages from a time before 1970', () => {
    it('answers 400 VALIDATION_FAILED naming the timestamp', async () => {
      const topic = await api.kafka.createTopic('before-1970');

      const res = await api.get<ApiErrorBody>(`/api/clusters/local/topics/${topic}/messages?timestamp=0020-02-29T00:00:00Z`);

      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({ code: 'VALIDATION_FAILED', message: jasmine.stringMatching(/timestamp.*1970/) });
    });
  });

  describe('a record without a key for a compacted topic', () => {
    it('answers 400 INVALID_REQUEST saying it needs a key', async () => {
      const topic = await api.kafka.createTopic('compacted');
      const compacted = await api.request('PATCH', `/api/clusters/local/topics/${topic}/configs`, { set: { 'cleanup.policy': 'compact' } });
      expect(compacted.status).toBe(200);

      const res = await api.post<ApiErrorBody>(`/api/clusters/local/topics/${topic}/messages`, { value: 'no key' });

      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({ code: 'INVALID_REQUEST', message: jasmine.stringMatching(/key/) });
    });
  });

  describe('a partition count past what Kafka creates in one request', () => {
    it('answers 400 VALIDATION_FAILED and adds no partition', async () => {
      const topic = await api.kafka.createTopic('too-many');

      const res = await api.post<ApiErrorBody>(`/api/clusters/local/topics/${topic}/partitions`, { count: 99_999 });

      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({ code: 'VALIDATION_FAILED', message: jasmine.stringMatching(/10,000/) });
      expect((await api.get(`/api/clusters/local/topics/${topic}`)).body.partitions.length).toBe(1);
    });
  });

  describe('a path outside the API', () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'GET']) {
      it(`answers ${method} with 404 NOT_FOUND as JSON`, async () => {
        const res = await rawRequest(api.url, method, '/no/such/page');

        expect(res.status).toBe(404);
        expect(res.contentType).toContain('application/json');
        expect((res.body as ApiErrorBody).error.code).toBe('NOT_FOUND');
      });
    }
  });
});
