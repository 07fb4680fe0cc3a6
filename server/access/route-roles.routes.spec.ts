import { randomUUID } from 'node:crypto';
import { openApiDocument } from '../openapi/openapi-document';
import { useTestApi } from '../testing/spec-setup';
import { asUser, everywhere, testAccess } from '../testing/test-access';
import { testClusters } from '../testing/test-api';
import type { Role } from './permissions';

/**
 * Every change the API offers, weighed for every role: the role it needs lets it through the
 * rules (what the route then answers is its own business: the resources named here do not
 * exist, so nothing is changed), a lower role is refused with 403 and the role it needs.
 * The list of routes comes from the API's own description, so a new route without a rule
 * here fails this spec.
 */
const NEEDED: Record<string, Role | 'anyone'> = {
  'POST /clusters/{cluster}/topics': 'admin',
  'DELETE /clusters/{cluster}/topics/{topic}': 'admin',
  'PATCH /clusters/{cluster}/topics/{topic}/configs': 'admin',
  'POST /clusters/{cluster}/topics/{topic}/partitions': 'admin',
  'POST /clusters/{cluster}/topics/{topic}/purge': 'admin',
  'POST /clusters/{cluster}/topics/{topic}/messages': 'operator',
  'DELETE /clusters/{cluster}/consumer-groups/{group}': 'admin',
  'POST /clusters/{cluster}/consumer-groups/{group}/offsets/preview': 'operator',
  'POST /clusters/{cluster}/consumer-groups/{group}/offsets/reset': 'operator',
  'POST /clusters/{cluster}/streams-apps/{applicationId}/replay/preview': 'operator',
  'POST /clusters/{cluster}/streams-apps/{applicationId}/replay': 'operator',
  'PUT /clusters/{cluster}/streams-apps/{applicationId}/topology-description': 'operator',
  'DELETE /clusters/{cluster}/streams-apps/{applicationId}/topology-description': 'operator',
  'POST /clusters/{cluster}/consumer-groups/{group}/offsets/undo': 'operator',
  'POST /clusters/{cluster}/connect/{connect}/connectors': 'admin',
  'PUT /clusters/{cluster}/connect/{connect}/plugins/{plugin}/validate': 'admin',
  'DELETE /clusters/{cluster}/connect/{connect}/connectors/{name}': 'admin',
  'PUT /clusters/{cluster}/connect/{connect}/connectors/{name}/config': 'admin',
  'POST /clusters/{cluster}/connect/{connect}/connectors/{name}/restart': 'operator',
  'POST /clusters/{cluster}/connect/{connect}/connectors/{name}/pause': 'operator',
  'POST /clusters/{cluster}/connect/{connect}/connectors/{name}/resume': 'operator',
  'POST /clusters/{cluster}/connect/{connect}/connectors/{name}/stop': 'operator',
  'POST /clusters/{cluster}/connect/{connect}/connectors/{name}/tasks/{task}/restart': 'operator',
  'PATCH /clusters/{cluster}/connect/{connect}/connectors/{name}/offsets': 'admin',
  'DELETE /clusters/{cluster}/connect/{connect}/connectors/{name}/offsets': 'admin',
  'POST /clusters/{cluster}/connect/{connect}/connectors/{name}/offsets/rewind': 'admin',
  'POST /clusters/{cluster}/copartition/check': 'viewer',
  'POST /clusters/{cluster}/copartition/groups': 'admin',
  'PUT /clusters/{cluster}/copartition/groups/{name}': 'admin',
  'DELETE /clusters/{cluster}/copartition/groups/{name}': 'admin',
  'PUT /clusters/{cluster}/topics/{topic}/bridge/settings': 'operator',
  'POST /clusters/{cluster}/topics/{topic}/bridge/checks': 'viewer',
  'POST /clusters/{cluster}/alerts/rules': 'operator',
  'PUT /clusters/{cluster}/alerts/rules/{id}': 'operator',
  'DELETE /clusters/{cluster}/alerts/rules/{id}': 'operator',
  'POST /clusters/{cluster}/alerts/rules/{id}/test': 'operator',
  'POST /session': 'anyone',
  'DELETE /session': 'anyone',
};

const ROLES: Role[] = ['viewer', 'operator', 'admin'];
const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };
const ACCESS_CODES = ['ROLE_REQUIRED', 'CLUSTER_READ_ONLY', 'SIGN_IN_REQUIRED'];

/** The changes the API describes, as `METHOD /path`. */
function describedChanges(): string[] {
  const changes: string[] = [];
  for (const [path, item] of Object.entries(openApiDocument().paths ?? {})) {
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      if (item?.[method]) changes.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return changes;
}

/** A concrete path for a described one; every resource it names is one that does not exist. */
function concrete(path: string, cluster = 'local'): string {
  const missing = `spec-roles-${randomUUID()}`;
  return path
    .replace('{cluster}', cluster)
    .replace('{connect}', 'test-connect')
    .replace('{plugin}', 'FileStreamSource')
    .replace('{task}', '0')
    .replace(/\{(topic|group|name)\}/, missing);
}

/** A body the rules can read the resource from, which the route then refuses (nothing is made). */
function bodyFor(change: string): unknown {
  if (change === 'POST /clusters/{cluster}/topics') return { name: `spec-roles-${randomUUID()}`, partitions: -1 };
  if (change === 'POST /clusters/{cluster}/connect/{connect}/connectors') return { name: `spec-roles-${randomUUID()}` };
  return {};
}

describe('roles on every change', () => {
  const { api } = useTestApi(
    () => [...testClusters(), { name: 'archive', bootstrapServers: ['127.0.0.1:1'], connect: [], readOnly: true }],
    async () => ({ access: await testAccess() }),
  );

  it('has a rule for every change the API describes', () => {
    expect(describedChanges().filter((change) => !(change in NEEDED))).toEqual([]);
  });

  for (const change of Object.keys(NEEDED).filter((key) => NEEDED[key] !== 'anyone')) {
    const needed = NEEDED[change] as Role;
    describe(change, () => {
      for (const role of ROLES) {
        if (RANK[role] >= RANK[needed]) {
          it(`lets ${role} through`, async () => {
            const [verb, described] = change.split(' ') as [string, string];
            const res = await api.request(verb, `/api${concrete(described)}`, bodyFor(change), asUser(role));

            expect(ACCESS_CODES).not.toContain(res.body?.error?.code);
          });
        } else {
          it(`refuses ${role}, naming the ${needed} role`, async () => {
            const [verb, described] = change.split(' ') as [string, string];
            const res = await api.request(verb, `/api${concrete(described)}`, bodyFor(change), asUser(role));

            expect(res.status).toBe(403);
            expect(res.body.error.code).toBe('ROLE_REQUIRED');
            expect(res.body.error.message).toContain(`needs the ${needed} role`);
          });
        }
      }

      it('refuses even an admin on a read-only cluster', async () => {
        const [verb, described] = change.split(' ') as [string, string];
        const res = await api.request(verb, `/api${concrete(described, 'archive')}`, bodyFor(change), asUser('admin'));

        if (needed === 'viewer') expect(res.body?.error?.code).not.toBe('CLUSTER_READ_ONLY');
        else expect(res.body.error).toEqual(jasmine.objectContaining({ code: 'CLUSTER_READ_ONLY' }));
      });

      it('refuses a caller who has not signed in', async () => {
        const [verb, described] = change.split(' ') as [string, string];
        const res = await api.request(verb, `/api${concrete(described)}`, bodyFor(change));

        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe('SIGN_IN_REQUIRED');
      });
    });
  }
});

describe('grants narrowed by name patterns', () => {
  let orders: string;
  let payments: string;
  const { api } = useTestApi(testClusters, async () => ({
    access: await testAccess({
      grants: [
        // One user in two groups: admin of the orders topics, viewer of everything.
        { role: 'admin', users: [], groups: ['orders-team'], ...everywhere, topics: ['spec.orders.*'] },
        { role: 'viewer', users: [], groups: ['everyone'], ...everywhere },
        // Another sees the orders topics only.
        { role: 'viewer', users: ['auditor'], groups: [], ...everywhere, topics: ['spec.orders.*'] },
      ],
    }),
  }));
  const both = asUser('dana', ['orders-team', 'everyone']);
  beforeAll(async () => {
    orders = await api.kafka.createTopic('orders');
    payments = await api.kafka.createTopic('payments');
  });

  describe('for a user in two groups', () => {
    it('gives the admin grant on the topics its pattern names', async () => {
      const res = await api.request('POST', `/api/clusters/local/topics/${orders}/partitions`, { count: 2 }, both);

      expect(res.status).toBe(200);
    });

    it('does not apply it to the topics only the viewer grant covers', async () => {
      const res = await api.request('POST', `/api/clusters/local/topics/${payments}/partitions`, { count: 2 }, both);

      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(`This needs the admin role on topic "${payments}" of cluster "local"; you are viewer`);
    });

    it('does not make them admin of the whole cluster', async () => {
      const res = await api.request('POST', '/api/clusters/local/copartition/groups', { name: 'x', topics: [orders, payments] }, both);

      expect(res.status).toBe(403);
    });
  });

  describe('for a user who sees some topics only', () => {
    const auditor = asUser('auditor');

    it('lists those topics and no other', async () => {
      const res = await api.request('GET', '/api/clusters/local/topics?pageSize=10000', undefined, auditor);

      const names = (res.body.items as { name: string }[]).map((topic) => topic.name);
      expect(names).toContain(orders);
      expect(names).not.toContain(payments);
    });

    it('refuses the messages of another topic', async () => {
      const res = await api.request('GET', `/api/clusters/local/topics/${payments}/messages`, undefined, auditor);

      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('ROLE_REQUIRED');
    });
  });

  describe('for a user with no grant', () => {
    it('lists no cluster and refuses each', async () => {
      const nobody = asUser('nobody');

      expect((await api.request('GET', '/api/clusters', undefined, nobody)).body).toEqual([]);
      expect((await api.request('GET', '/api/clusters/local/overview', undefined, nobody)).status).toBe(403);
    });
  });
});
