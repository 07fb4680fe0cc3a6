import type { MetricsService, MetricsSettings } from '../metrics/metrics.service';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AppAccessOptions } from '../app';
import { READ_THROUGH, type ModelTiming } from '../kafka/cluster-model';
import type { AuditService } from '../audit/audit.service';
import type { ClusterConfig } from '../kafka/clusters-config';
import { allowedHostsFor } from '../shared/browser-safety';
import { createLogger } from '../shared/logger';
import { TEST_BOOTSTRAP, TestKafka } from './test-kafka';

/** The clusters every API spec sees: the real test broker, and one nobody listens on. */
export function testClusters(): ClusterConfig[] {
  return [
    { name: 'local', bootstrapServers: TEST_BOOTSTRAP, connect: testConnectClusters() },
    // Port 1 on loopback: nothing listens there, so connections are refused at once.
    { name: 'unreachable', bootstrapServers: ['127.0.0.1:1'], connect: [] },
  ];
}

/**
 * Every connector class the test worker has, file connectors included: the specs seed
 * FileStreamSource/Sink connectors as the simplest real connectors, and the default (no file
 * connectors outside the embedded cluster) has its own spec with a config without this list.
 */
export const TEST_ALLOWED_CONNECTOR_CLASSES = ['*'];

/** The test Connect worker when `KPC_TEST_CONNECT_URL` names it, and one nobody listens on. */
function testConnectClusters(): ClusterConfig['connect'] {
  const url = process.env['KPC_TEST_CONNECT_URL'];
  return url
    ? [
        { name: 'test-connect', url, allowedConnectorClasses: TEST_ALLOWED_CONNECTOR_CLASSES },
        { name: 'down', url: 'http://127.0.0.1:1' },
      ]
    : [];
}

export interface TestResponse<T = any> {
  status: number;
  body: T;
}

/** The real console API on an ephemeral port, wired to the real test broker. */
export interface TestApi {
  url: string;
  kafka: TestKafka;
  /** The app's audit log, to check what an action recorded. */
  audit: AuditService;
  /** The app's measurements, to tell which instance samples. */
  metrics: MetricsService;
  get<T = any>(path: string): Promise<TestResponse<T>>;
  /** Sends `body` as JSON, or as-is when it is a string (to test malformed input). */
  post<T = any>(path: string, body: unknown): Promise<TestResponse<T>>;
  /** Any method, e.g. PATCH or DELETE; `headers` as an authenticating proxy would add them. */
  request<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse<T>>;
  stop(): Promise<void>;
}

/**
 * The console's sign-in and roles, or how to make them from the API's own URL (an OpenID
 * provider is told the console's callback address before the console can read its discovery).
 */
export type TestAccess = AppAccessOptions | ((url: string) => Promise<AppAccessOptions>);

/** How a spec's API is set up beyond its clusters. */
export interface TestApiOptions {
  /** Sign-in and roles (see `testAccess()`); omitted, the console is open. */
  access?: TestAccess;
  /** Headers every request of the spec sends, e.g. the user a trusted proxy names. */
  headers?: Record<string, string>;
  /** How fresh the live model keeps each part; by default it reads through, as if there were none. */
  modelTiming?: ModelTiming;
  /** Sample the clusters as `npm start` does, on this interval and retention; omitted, nothing is sampled. */
  metrics?: MetricsSettings;
  /** Between two metric samples and Prometheus scrapes; by default the console's. */
  metricsIntervalMs?: number;
}

export async function startTestApi(
  clusters: ClusterConfig[] = testClusters(),
  { headers: always = {}, ...options }: TestApiOptions = {},
): Promise<TestApi> {
  // The port comes first: the app answers only to the host and port it is served on.
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  let access: AppAccessOptions | undefined;
  try {
    access = typeof options.access === 'function' ? await options.access(url) : options.access;
  } catch (err) {
    server.close();
    throw err;
  }
  const consoleApp = createApp({
    clusters,
    logger: createLogger('silent'),
    allowedHosts: allowedHostsFor('127.0.0.1', port),
    access,
    // The live model's own spec keeps data as the console does; the others read through it.
    modelTiming: options.modelTiming ?? READ_THROUGH,
    metrics: options.metrics,
    metricsIntervalMs: options.metricsIntervalMs,
  });
  server.on('request', consoleApp.app);
  const kafka = new TestKafka(clusters[0]?.bootstrapServers);

  const send = async (method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<TestResponse> => {
    const headers = { ...always, ...extra };
    const response = await fetch(url + path, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  return {
    url,
    kafka,
    audit: consoleApp.audit,
    metrics: consoleApp.metrics,
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body),
    request: (method, path, body, headers) => send(method, path, body, headers),
    async stop() {
      await kafka.cleanUp();
      await consoleApp.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
