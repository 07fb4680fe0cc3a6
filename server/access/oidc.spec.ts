import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { ConfigError } from '../kafka/clusters-config';
import { startTestApi, testClusters, type TestApi } from '../testing/test-api';
import { TestBrowser, type Visit } from '../testing/test-browser';
import { startTestOidcProvider, type TestOidcProvider, type TestOidcUser } from '../testing/test-oidc-provider';
import { accessFrom, type OidcConfig } from './access-config';
import { discoverOidc } from './oidc';
import { SESSION_COOKIE } from './sessions';

/** The provider's users, by account id (the `sub` claim). */
const USERS: Record<string, TestOidcUser> = {
  'u-1001': { preferred_username: 'ada', email: 'ada@example.com', groups: ['kafka-operators', 'finance'] },
  // No preferred_username, and one group as a plain string, as some providers send it.
  'u-2002': { email: 'grace@example.com', groups: 'kafka-operators' },
  'u-3003': { preferred_username: 'linus' },
};

const OPERATOR_EVERYWHERE = { role: 'operator', clusters: ['*'], topics: ['*'], consumerGroups: ['*'], connectors: ['*'] };

/** A loopback port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('OpenID Connect sign-in: GET /api/auth/oidc/start → the provider → GET /api/auth/oidc/callback', () => {
  let api: TestApi; // real console API, signing in through a real provider on loopback
  let provider: TestOidcProvider;

  beforeAll(async () => {
    api = await startTestApi(testClusters(), {
      access: async (url) => {
        const clientSecret = randomBytes(16).toString('hex');
        const redirectUrl = `${url}/api/auth/oidc/callback`;
        provider = await startTestOidcProvider({ clientId: 'kafka-console', clientSecret, redirectUrl }, USERS);
        const config = accessFrom({
          kind: 'file',
          path: 'oidc.spec',
          clusters: testClusters(),
          document: {
            access: {
              oidc: {
                issuer: provider.issuer,
                clientId: 'kafka-console',
                clientSecret,
                redirectUrl,
                label: 'Spec ID',
                scopes: ['openid', 'profile', 'email', 'groups'],
              },
              grants: [
                { role: 'operator', groups: ['kafka-operators'] },
                { role: 'admin', groups: ['kafka-admins'] },
              ],
            },
          },
        })!;
        const sessionKey = randomBytes(32).toString('hex');
        const oidc = await discoverOidc(config.oidc!, { sessionKey, secureCookies: false });
        return { config, sessionKey, secureCookies: false, oidc };
      },
    });
  });
  afterAll(async () => {
    await api?.stop();
    await provider?.stop();
  });

  /**
   * Starts a sign-in as the console's button does, signs in at the provider as `accountId` and
   * consents; resolves to the provider's redirect back to the console, not yet followed.
   */
  async function signInAtProvider(browser: TestBrowser, accountId: string, startPath = '/api/auth/oidc/start'): Promise<Visit> {
    const loginPage = await atProvider(browser, await browser.open(api.url + startPath));
    const afterLogin = await atProvider(browser, await browser.submit(loginPage, { login: accountId, password: 'any' }));
    const isConsentPage = afterLogin.status === 200 && afterLogin.body.includes('value="consent"');
    return isConsentPage ? atProvider(browser, await browser.submit(afterLogin)) : afterLogin;
  }

  /** Follows the provider's own redirects from `visit`. */
  function atProvider(browser: TestBrowser, visit: Visit): Promise<Visit> {
    return browser.followWithin(provider.issuer, visit);
  }

  function sessionOf(browser: TestBrowser) {
    return api.request('GET', '/api/session', undefined, { cookie: browser.cookieHeader() });
  }

  describe('GET /api/session before signing in', () => {
    it('offers the provider by its label', async () => {
      const res = await api.get('/api/session');

      expect(res.body).toEqual(
        jasmine.objectContaining({
          mode: 'signed-out',
          signIn: { local: false, oidc: { label: 'Spec ID', startUrl: '/api/auth/oidc/start' } },
        }),
      );
    });
  });

  describe('GET /api/auth/oidc/start', () => {
    it("sends the browser to the provider's authorization endpoint with PKCE (S256), state and nonce", async () => {
      const start = await new TestBrowser().open(`${api.url}/api/auth/oidc/start`);

      expect(start.status).toBe(303);
      expect(start.location?.origin).toBe(provider.issuer);
      const params = Object.fromEntries(start.location!.searchParams);
      expect(params).toEqual(
        jasmine.objectContaining({
          client_id: 'kafka-console',
          response_type: 'code',
          redirect_uri: `${api.url}/api/auth/oidc/callback`,
          scope: 'openid profile email groups',
          code_challenge_method: 'S256',
        }),
      );
      expect(params['code_challenge']).toMatch(/^[\w-]{43}$/);
      expect(params['state']).toBeTruthy();
      expect(params['nonce']).toBeTruthy();
    });

    it("keeps the sign-in's secrets in a short-lived HTTP-only SameSite=Lax cookie for the OpenID routes only", async () => {
      const response = await fetch(`${api.url}/api/auth/oidc/start`, { redirect: 'manual' });

      const cookie = response.headers.getSetCookie().find((line) => line.startsWith('kpc.oidc='));
      expect(cookie).toMatch(/; Max-Age=600;/);
      expect(cookie).toContain('; Path=/api/auth/oidc;');
      expect(cookie).toContain('; HttpOnly');
      expect(cookie).toContain('; SameSite=Lax');
    });
  });

  describe('when the user signs in at the provider', () => {
    let browser: TestBrowser;
    let landing: Visit;

    beforeAll(async () => {
      browser = new TestBrowser();
      const backToConsole = await signInAtProvider(browser, 'u-1001');
      landing = await browser.open(backToConsole.location!);
    });

    it("sends the browser to the console's start page", () => {
      expect(landing.status).toBe(303);
      expect(landing.location?.href).toBe(`${api.url}/`);
    });

    it('starts a console session in the name of the preferred_username claim', async () => {
      expect(browser.cookie(SESSION_COOKIE)).toBeDefined();

      const session = await sessionOf(browser);

      expect(session.body).toEqual(jasmine.objectContaining({ mode: 'signed-in', user: { name: 'ada', via: 'oidc' } }));
    });

    it("grants the roles of the user's groups from the groups claim, and no others", async () => {
      const session = await sessionOf(browser);

      expect(session.body.access).toEqual({ mode: 'signed-in', grants: [OPERATOR_EVERYWHERE], readOnlyClusters: [] });
    });

    it("forgets the sign-in's secrets", () => expect(browser.cookie('kpc.oidc')).toBeUndefined());

    it('lets the session use the API', async () => {
      const res = await api.request('GET', '/api/clusters', undefined, { cookie: browser.cookieHeader() });

      expect(res.status).toBe(200);
    });
  });

  describe('when the provider names no preferred_username and sends one group as a string', () => {
    it('names the user by the email claim and grants the roles of that group', async () => {
      const browser = new TestBrowser();
      await browser.open((await signInAtProvider(browser, 'u-2002')).location!);

      const session = await sessionOf(browser);

      expect(session.body.user).toEqual({ name: 'grace@example.com', via: 'oidc' });
      expect(session.body.access.grants).toEqual([OPERATOR_EVERYWHERE]);
    });
  });

  describe('when the user is in no group a grant names', () => {
    it('signs them in with no roles', async () => {
      const browser = new TestBrowser();
      await browser.open((await signInAtProvider(browser, 'u-3003')).location!);

      const session = await sessionOf(browser);

      expect(session.body).toEqual(
        jasmine.objectContaining({
          mode: 'signed-in',
          user: { name: 'linus', via: 'oidc' },
          access: { mode: 'signed-in', grants: [], readOnlyClusters: [] },
        }),
      );
    });
  });

  describe('when the sign-in started from a console page (?returnTo=)', () => {
    it('returns the browser to that page', async () => {
      const browser = new TestBrowser();
      const back = await signInAtProvider(browser, 'u-1001', '/api/auth/oidc/start?returnTo=%2Fclusters%2Flocal%2Ftopics%3Fq%3Dorders');

      const landing = await browser.open(back.location!);

      expect(landing.location?.href).toBe(`${api.url}/clusters/local/topics?q=orders`);
    });

    for (const elsewhere of ['//evil.example/phish', '/\\evil.example', 'https://evil.example/']) {
      it(`returns to the start page, not to another site, for ${elsewhere}`, async () => {
        const browser = new TestBrowser();
        const back = await signInAtProvider(browser, 'u-1001', `/api/auth/oidc/start?returnTo=${encodeURIComponent(elsewhere)}`);

        const landing = await browser.open(back.location!);

        expect(landing.location?.href).toBe(`${api.url}/`);
      });
    }
  });

  describe('when the state in the answer was altered', () => {
    let browser: TestBrowser;
    let landing: Visit;

    beforeAll(async () => {
      browser = new TestBrowser();
      const backToConsole = await signInAtProvider(browser, 'u-1001');
      const tampered = new URL(backToConsole.location!);
      tampered.searchParams.set('state', 'forged-state');
      landing = await browser.open(tampered);
    });

    it('sends the browser to the sign-in page with the reason', () => {
      expect(landing.status).toBe(303);
      expect(landing.location?.pathname).toBe('/sign-in');
      expect(landing.location?.searchParams.get('error')).toContain('does not belong to the sign-in this browser started');
    });

    it('starts no session', async () => {
      expect(browser.cookie(SESSION_COOKIE)).toBeUndefined();
      expect((await sessionOf(browser)).body.mode).toBe('signed-out');
    });
  });

  describe('when the user cancels at the provider', () => {
    let browser: TestBrowser;
    let landing: Visit;

    beforeAll(async () => {
      browser = new TestBrowser();
      const loginPage = await atProvider(browser, await browser.open(`${api.url}/api/auth/oidc/start`));
      const backToConsole = await atProvider(browser, await browser.click(loginPage, 'Cancel'));
      expect(backToConsole.location?.searchParams.get('error')).toBe('access_denied');
      landing = await browser.open(backToConsole.location!);
    });

    it("sends the browser to the sign-in page with the provider's reason (access_denied)", () => {
      expect(landing.location?.pathname).toBe('/sign-in');
      expect(landing.location?.searchParams.get('error')).toBe(
        'Signing in through the OpenID provider failed: the provider answered access_denied (End-User aborted interaction)',
      );
    });

    it('starts no session', () => expect(browser.cookie(SESSION_COOKIE)).toBeUndefined());
  });

  describe("when the callback comes without the sign-in's cookie (another browser, or after 10 minutes)", () => {
    it('sends the browser to the sign-in page, asking to sign in again', async () => {
      const backToConsole = await signInAtProvider(new TestBrowser(), 'u-1001');
      const otherBrowser = new TestBrowser();

      const landing = await otherBrowser.open(backToConsole.location!);

      expect(landing.location?.pathname).toBe('/sign-in');
      expect(landing.location?.searchParams.get('error')).toContain('took longer than 10 minutes or was started in another browser');
      expect(otherBrowser.cookie(SESSION_COOKIE)).toBeUndefined();
    });
  });

  describe('when the same answer is opened a second time', () => {
    it('refuses it: the first visit used up the sign-in', async () => {
      const browser = new TestBrowser();
      const backToConsole = await signInAtProvider(browser, 'u-1001');
      await browser.open(backToConsole.location!);

      const again = await browser.open(backToConsole.location!);

      expect(again.location?.pathname).toBe('/sign-in');
    });
  });
});

describe('GET /api/auth/oidc/start without a provider configured', () => {
  let api: TestApi; // open console: no sign-in at all
  beforeAll(async () => (api = await startTestApi()));
  afterAll(() => api.stop());

  it('answers 404 NOT_FOUND', async () => {
    const res = await api.get('/api/auth/oidc/start');

    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

describe('discoverOidc', () => {
  const config = (issuer: string): OidcConfig => ({
    issuer,
    clientId: 'kafka-console',
    redirectUrl: 'http://127.0.0.1:8080/api/auth/oidc/callback',
    label: 'single sign-on',
    scopes: ['openid'],
    usernameClaim: 'preferred_username',
    groupsClaim: 'groups',
  });
  const options = { sessionKey: 'k'.repeat(64), secureCookies: false };

  describe('when nothing answers at the issuer', () => {
    it('fails the start with one line naming the issuer and the reason', async () => {
      const issuer = `http://127.0.0.1:${await freePort()}`;

      await expectAsync(discoverOidc(config(issuer), options)).toBeRejectedWith(
        jasmine.objectContaining({
          constructor: ConfigError,
          message: `Cannot read the OpenID provider's configuration from ${issuer}: fetch failed: connect ECONNREFUSED ${issuer.slice(7)}`,
        }),
      );
    });
  });

  describe('when the issuer is plain http off loopback', () => {
    it('refuses it before sending anything', async () => {
      await expectAsync(discoverOidc(config('http://sso.example.com'), options)).toBeRejectedWith(
        jasmine.objectContaining({ constructor: ConfigError, message: jasmine.stringContaining('http://sso.example.com is not https') }),
      );
    });
  });
});
