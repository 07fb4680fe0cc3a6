import { createApp } from '../app';
import { ERROR_CODES } from '../shared/error-codes';
import { createLogger } from '../shared/logger';
import { useTestApi } from '../testing/spec-setup';
import { testClusters } from '../testing/test-api';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/** Every `METHOD /path` the Express app routes under `/api`, written as OpenAPI writes paths. */
function expressRoutes(): string[] {
  const { app, close } = createApp({ clusters: testClusters(), logger: createLogger('silent'), allowedHosts: [] });
  const routes: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const path = layer.route.path.replace(/:(\w+)/g, '{$1}');
        for (const method of Object.keys(layer.route.methods)) routes.push(`${method.toUpperCase()} ${path}`);
      } else if (layer.handle.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  // Feature routers are mounted on the `/api` router without a path of their own.
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  void close();
  return routes.sort();
}

describe('GET /api/openapi.json', () => {
  const { api } = useTestApi();

  it('answers an OpenAPI 3.1 document of the API under /api', async () => {
    const res = await api.get('/api/openapi.json');

    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.servers).toEqual([{ url: '/api' }]);
  });

  it('describes every route the API has, and no other', async () => {
    const document = (await api.get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json')).body;
    const described = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();

    const routes = expressRoutes();
    expect(routes.length).toBeGreaterThan(40);
    expect(described).toEqual(routes);
  });

  it('describes every failure with the one error schema, whose codes are the catalogue', async () => {
    type Response = { content: Record<string, { schema: { $ref?: string } }> };
    const document = (await api.get('/api/openapi.json')).body;
    const paths = document.paths as Record<string, Record<string, { responses: Record<string, Response> }>>;
    const errorSchemas = Object.entries(paths)
      // Readiness answers 503 with its own body: what cannot be reached.
      .filter(([path]) => path !== '/ready')
      .flatMap(([, operations]) => Object.values(operations))
      .flatMap((operation) => Object.entries(operation.responses))
      .filter(([status]) => /^[45]/.test(status))
      .map(([, response]) => response.content['application/json']!.schema.$ref);

    expect(new Set(errorSchemas)).toEqual(new Set(['#/components/schemas/ApiError']));
    expect(document.components.schemas.ApiError.properties.error.properties.code.enum).toEqual(Object.keys(ERROR_CODES));
  });
});
