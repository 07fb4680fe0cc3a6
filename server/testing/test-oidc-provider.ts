import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A user of the test provider: the claims it releases about them. */
export interface TestOidcUser {
  preferred_username?: string;
  email?: string;
  /** A list, or a single group as some providers send it. */
  groups?: string[] | string;
}

export interface TestOidcClient {
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
}

/** A real OpenID provider on an ephemeral loopback port. */
export interface TestOidcProvider {
  /** Its issuer URL, e.g. `http://127.0.0.1:41234`. */
  issuer: string;
  stop(): Promise<void>;
}

/**
 * Starts node-oidc-provider (an OpenID-certified provider implementation) on 127.0.0.1 with one
 * confidential client and `users` by account id. Its development login and consent pages are
 * on: they accept any password, and a spec drives them as a browser would (see
 * {@link TestBrowser}). PKCE is required, so a sign-in that leaves it out fails.
 */
export async function startTestOidcProvider(client: TestOidcClient, users: Record<string, TestOidcUser>): Promise<TestOidcProvider> {
  // The port comes first: the issuer URL names it, and the provider checks requests against it.
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUrl],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['preferred_username'], email: ['email'], groups: ['groups'] },
    scopes: ['openid', 'profile', 'email', 'groups'],
    pkce: { required: () => true },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    // Seconds; set so the provider does not warn about its defaults on every sign-in.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    jwks: { keys: [{ ...signingKey, kid: 'spec', alg: 'RS256', use: 'sig' }] },
    findAccount: (_ctx: unknown, accountId: string) => {
      const user = users[accountId];
      return user && { accountId, claims: () => ({ sub: accountId, ...user }) };
    },
  });
  server.on('request', provider.callback());

  return {
    issuer,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
