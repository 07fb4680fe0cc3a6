import { BlockList } from 'node:net';
import type { AppAccessOptions } from '../app';
import type { ConsoleAccess } from '../access/access-config';
import { hashPassword } from '../access/passwords';
import type { Role } from '../access/permissions';
import type { TestApi } from './test-api';

/** A grant's scope on every cluster and resource. */
export const everywhere = { clusters: ['*'], topics: ['*'], consumerGroups: ['*'], connectors: ['*'] };

/** The password of each test user: its name, then `-pass`. */
export const passwordOf = (user: string) => `${user}-pass`;

/**
 * Sign-in as the access specs use it: a local user per role (viewer, operator, admin) with a
 * grant of that role on every cluster, and loopback as a trusted proxy, so a spec can also act
 * as any user by naming them in `X-Forwarded-User`. `extra` adds grants and settings.
 */
export async function testAccess(extra: Partial<ConsoleAccess> = {}): Promise<AppAccessOptions> {
  const roles: Role[] = ['viewer', 'operator', 'admin'];
  const users = await Promise.all(
    roles.map(async (role) => ({ name: role, passwordHash: await hashPassword(passwordOf(role)), groups: [] })),
  );
  const config: ConsoleAccess = {
    users,
    grants: roles.map((role) => ({ role, users: [role], groups: [], ...everywhere })),
    session: { ttl: 3_600_000 },
    signInAttempts: 10,
    trustedProxy: trustedLoopback(),
    ...extra,
  };
  return { config, sessionKey: 'spec-session-key', secureCookies: false };
}

function trustedLoopback(): NonNullable<ConsoleAccess['trustedProxy']> {
  const list = new BlockList();
  list.addAddress('127.0.0.1', 'ipv4');
  list.addAddress('::1', 'ipv6');
  return { addresses: ['127.0.0.1', '::1'], userHeader: 'x-forwarded-user', groupsHeader: 'x-forwarded-groups', list };
}

/** Headers an authenticating proxy on loopback sends for `user`. */
export const asUser = (user: string, groups: string[] = []): Record<string, string> => ({
  'x-forwarded-user': user,
  ...(groups.length && { 'x-forwarded-groups': groups.join(',') }),
});

/** A browser's session: its cookies and CSRF token, after signing in with a password. */
export interface TestSession {
  status: number;
  cookies: string;
  csrfToken?: string;
  /** Sends a request with the session's cookies (and its CSRF token unless `csrf: false`). */
  request<T = any>(method: string, path: string, body?: unknown, options?: { csrf?: boolean }): Promise<{ status: number; body: T }>;
}

/** Signs in through `POST /api/session` as a browser would, keeping the cookies it sets. */
export async function signIn(api: TestApi, username: string, password = passwordOf(username)): Promise<TestSession> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value.join('=') === '') jar.delete(name!.trim());
      else jar.set(name!.trim(), value.join('='));
    }
  };
  const cookies = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const response = await fetch(`${api.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ username, password }),
  });
  keep(response);
  const body = (await response.json()) as { csrfToken?: string };
  const session: TestSession = {
    status: response.status,
    cookies: cookies(),
    csrfToken: body.csrfToken,
    async request(method, path, requestBody, options = {}) {
      const reply = await fetch(api.url + path, {
        method,
        headers: {
          cookie: cookies(),
          'sec-fetch-site': 'same-origin',
          ...(requestBody !== undefined && { 'content-type': 'application/json' }),
          ...(options.csrf !== false && session.csrfToken && { 'x-csrf-token': session.csrfToken }),
        },
        body: requestBody === undefined ? undefined : JSON.stringify(requestBody),
      });
      keep(reply);
      session.cookies = cookies();
      const text = await reply.text();
      return { status: reply.status, body: text ? JSON.parse(text) : undefined };
    },
  };
  return session;
}
