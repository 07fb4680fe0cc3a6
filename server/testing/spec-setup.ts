import type { ClusterConfig } from '../kafka/clusters-config';
import { GroupFixtures } from './consumer-groups.fixtures';
import { startTestApi, testClusters, type TestApi, type TestApiOptions } from './test-api';
import { TestConnect } from './test-connect';

/** What a route spec works with. */
export interface SpecContext {
  /** The real console API on an ephemeral port, wired to the test broker and Connect worker. */
  api: TestApi;
  /** Seeds connectors and their files on the test Connect worker. */
  connect: TestConnect;
  /** Seeds topics and consumer groups with committed offsets. */
  groups: GroupFixtures;
}

/**
 * The set-up every route spec shares: starts the real API before the enclosing `describe`'s
 * specs and, after them, removes what its seeders made and stops it. Call it in a describe
 * body — `const { api, groups } = useTestApi();` — and use the objects inside specs and hooks
 * (they forward to instances that exist once the `beforeAll` ran).
 */
export function useTestApi(
  clusters: () => ClusterConfig[] = testClusters,
  options: () => TestApiOptions | Promise<TestApiOptions> = () => ({}),
): SpecContext {
  let context: SpecContext | undefined;
  beforeAll(async () => {
    const api = await startTestApi(clusters(), await options());
    context = { api, connect: new TestConnect(api), groups: new GroupFixtures(api.kafka) };
  });
  afterAll(async () => {
    if (!context) return;
    await context.connect.cleanUp();
    await context.groups.cleanUp();
    await context.api.stop();
  });
  const current = () => {
    if (!context) throw new Error('useTestApi(): the API is started in beforeAll; use it inside specs and hooks');
    return context;
  };
  return { api: forwarding(() => current().api), connect: forwarding(() => current().connect), groups: forwarding(() => current().groups) };
}

/** An object that forwards every property to whatever `target()` returns at the time of use. */
function forwarding<T extends object>(target: () => T): T {
  return new Proxy({} as T, {
    get(_empty, property) {
      const instance = target();
      const value = Reflect.get(instance, property, instance) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(instance) : value;
    },
  });
}
