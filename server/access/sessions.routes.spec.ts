import { BlockList } from 'node:net';
import type { AuditPage } from '../audit/audit.model';
import { useTestApi } from '../testing/spec-setup';
import { asUser, passwordOf, signIn, testAccess } from '../testing/test-access';
import { testClusters } from '../testing/test-api';
import { eventually } from '../testing/test-stack';
import type { SessionInfo } from './access.model';

/** Signing in with a local user's password, the session cookie it gets, and signing out. */
describe('/api/session', () => {
  const { api } = useTestApi(testClusters, async () => ({ access: await testAccess() }));

  describe('GET, before signing in', () => {
    it('says sign-in is needed and how', async () => {
      const res = await api.get<SessionInfo>('/api/session');

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ mode: 'signed-out', signIn: { local: true } });
    });

    it('leaves every other API route closed', async () => {
      const res = await api.get('/api/clusters');

      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('SIGN_IN_REQUIRED');
    });

    it('keeps health and the API description open', async () => {
      expect((await api.get('/api/health')).status).toBe(200);
      expect((await api.get('/api/openapi.json')).status).toBe(200);
    });
  });

  describe('POST, with the right password', () => {
    it('starts a session in an HTTP-only, SameSite=Strict cookie with an expiry', async () => {
      const response = await fetch(`${api.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'operator', password: passwordOf('operator') }),
      });

      const cookie = response.headers.getSetCookie().find((line) => line.startsWith('kpc.session='));
      expect(response.status).toBe(200);
      expect(cookie).toMatch(/httponly/i);
      expect(cookie).toMatch(/samesite=strict/i);
      expect(cookie).toMatch(/expires=/i);
    });

    it('answers who is signed in, what they may do, and the CSRF token', async () => {
      const session = await signIn(api, 'operator');

      const res = await session.request<SessionInfo>('GET', '/api/session');
      expect(res.body).toEqual(
        jasmine.objectContaining({
          mode: 'signed-in',
          user: { name: 'operator', via: 'local' },
          csrfToken: jasmine.any(String),
          expiresAt: jasmine.any(String),
        }),
      );
      expect(res.body.access?.grants.map((grant) => grant.role)).toEqual(['operator']);
    });

    it('opens the API to the session', async () => {
      const session = await signIn(api, 'viewer');

      expect((await session.request('GET', '/api/clusters')).status).toBe(200);
    });
  });

  describe('POST, with a wrong password', () => {
    it('is refused without saying which of the two was wrong', async () => {
      const session = await signIn(api, 'admin', 'not-the-password');

      expect(session.status).toBe(401);
      expect(session.cookies).not.toContain('kpc.session=');
    });
  });

  describe('after too many failed attempts', () => {
    // A console of its own: the other specs' failed attempts come from the same address.
    const { api } = useTestApi(testClusters, async () => ({ access: await testAccess({ signInAttempts: 3 }) }));

    it('refuses even the right password for a while, with 429', async () => {
      for (let attempt = 0; attempt < 3; attempt++) expect((await signIn(api, 'victim', 'guess')).status).toBe(401);

      const res = await fetch(`${api.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'victim', password: 'right' }),
      });
      expect(res.status).toBe(429);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('TOO_MANY_SIGN_IN_ATTEMPTS');
    });
  });

  describe('a change with a session', () => {
    it('needs the CSRF token', async () => {
      const session = await signIn(api, 'admin');

      const res = await session.request('POST', '/api/clusters/local/topics', { name: 'spec.csrf.never' }, { csrf: false });

      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('CSRF_TOKEN_INVALID');
    });

    it("is recorded under the signed-in user's name", async () => {
      const session = await signIn(api, 'admin');
      const topic = `spec.session-audit.${Date.now()}`;

      expect((await session.request('POST', '/api/clusters/local/topics', { name: topic })).status).toBe(201);

      const audit = await session.request<AuditPage>('GET', `/api/audit?cluster=local&subject=${topic}`);
      expect(audit.body.items[0]?.actor).toBe('admin');
      await api.kafka.admin.deleteTopics({ topics: [topic] });
    });
  });

  describe('DELETE (sign out)', () => {
    it('ends the session, even for a copy of its cookie', async () => {
      const session = await signIn(api, 'viewer');
      const copy = session.cookies;

      expect((await session.request('DELETE', '/api/session')).status).toBe(204);

      const replay = await fetch(`${api.url}/api/clusters`, { headers: { cookie: copy } });
      expect(replay.status).toBe(401);
    });
  });
});

describe('a sign-out on one console instance', () => {
  // Two instances of one console: the same clusters and session key.
  const { api: first } = useTestApi(testClusters, async () => ({ access: await testAccess() }));
  const { api: second } = useTestApi(testClusters, async () => ({ access: await testAccess() }));
  const clustersWith = (url: string, cookie: string) => fetch(`${url}/api/clusters`, { headers: { cookie } }).then((res) => res.status);

  it('ends the session on the others too, through the cluster', async () => {
    const session = await signIn(first, 'viewer');
    const copy = session.cookies;
    expect(await clustersWith(second.url, copy)).toBe(200);

    await session.request('DELETE', '/api/session');

    expect(await eventually(async () => (await clustersWith(second.url, copy)) === 401, 20_000)).toBeTrue();
  });
});

describe('a session past its expiry', () => {
  const { api } = useTestApi(testClusters, async () => {
    const access = await testAccess();
    return { access: { ...access, config: { ...access.config, session: { ttl: 1_000 } } } };
  });

  it('is no longer accepted', async () => {
    const session = await signIn(api, 'viewer');
    expect((await session.request('GET', '/api/clusters')).status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, 1_200));

    const res = await session.request('GET', '/api/clusters');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SIGN_IN_REQUIRED');
  });
});

describe('identity headers', () => {
  describe('from a configured proxy address', () => {
    const { api } = useTestApi(testClusters, async () => ({ access: await testAccess() }));

    it('name the user', async () => {
      const res = await api.request<SessionInfo>('GET', '/api/session', undefined, asUser('operator'));

      expect(res.body.user).toEqual({ name: 'operator', via: 'proxy' });
    });
  });

  describe('from any other address', () => {
    const { api } = useTestApi(testClusters, async () => {
      const access = await testAccess();
      const list = new BlockList();
      list.addAddress('10.9.9.9');
      const trustedProxy = { addresses: ['10.9.9.9'], userHeader: 'x-forwarded-user', groupsHeader: 'x-forwarded-groups', list };
      return { access: { ...access, config: { ...access.config, trustedProxy } } };
    });

    it('are ignored', async () => {
      const res = await api.request('GET', '/api/clusters', undefined, asUser('admin'));

      expect(res.status).toBe(401);
    });
  });

  describe('in open mode', () => {
    const { api } = useTestApi();

    it('do not name the actor of a change', async () => {
      const topic = `spec.open-actor.${Date.now()}`;
      await api.request('POST', '/api/clusters/local/topics', { name: topic }, asUser('ceo@example.com'));

      const audit = await api.get<AuditPage>(`/api/audit?cluster=local&subject=${topic}`);
      expect(audit.body.items[0]?.actor).toMatch(/^anonymous@/);
      await api.kafka.admin.deleteTopics({ topics: [topic] });
    });
  });
});
