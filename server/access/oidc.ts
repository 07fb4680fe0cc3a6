import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import * as client from 'openid-client';
import { ConfigError } from '../kafka/clusters-config';
import { AppError } from '../shared/app-error';
import { isLoopback, type OidcConfig } from './access-config';
import type { Identity } from './access.model';
import type { OidcSignedIn, OidcSignIn } from './access.routes';

/** What the OpenID sign-in needs from the console's own set-up. */
export interface OidcOptions {
  /** Signs the cookie that carries one sign-in from start to callback (the session key). */
  sessionKey: string;
  /** Send that cookie over https only. */
  secureCookies: boolean;
}

/** One sign-in's secrets, from the redirect to the provider until the browser comes back. */
interface Flow {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The console path to show after signing in. */
  returnTo: string;
  /** When the sign-in must have come back by, in epoch milliseconds. */
  exp: number;
}

const FLOW_COOKIE = 'kpc.oidc';
/** The cookie goes to the two OpenID routes only. */
const FLOW_COOKIE_PATH = '/api/auth/oidc';
const FLOW_TTL_MS = 10 * 60_000;
/** Seconds to wait for the provider (discovery, the token and userinfo calls). */
const PROVIDER_TIMEOUT_S = 10;

/**
 * Sign-in through the configured OpenID provider with openid-client (an OpenID-certified
 * relying party library): the authorization code flow with PKCE, state and nonce. Reads the
 * provider's discovery document now, so a wrong or unreachable issuer stops the console's start
 * with one line naming it (a {@link ConfigError}).
 */
export async function discoverOidc(config: OidcConfig, options: OidcOptions): Promise<OidcSignIn> {
  const issuer = new URL(config.issuer);
  const plainHttp = issuer.protocol === 'http:';
  if (plainHttp && !isLoopback(issuer.hostname)) {
    throw new ConfigError(
      `access.oidc.issuer ${config.issuer} is not https: the console talks to an OpenID provider over https only (plain http on loopback, for a provider on this machine)`,
    );
  }
  let server: client.Configuration;
  try {
    server = await client.discovery(
      issuer,
      config.clientId,
      config.clientSecret,
      // client_secret_basic is OpenID Connect's default for a client with a secret; one without
      // is a public client, which PKCE protects.
      config.clientSecret ? client.ClientSecretBasic(config.clientSecret) : client.None(),
      {
        // openid-client refuses plain http, rightly: the code and tokens would cross the network
        // readable. On loopback they never leave the machine, which a provider started next to
        // the console (a developer's, or the specs') needs.
        execute: plainHttp ? [client.allowInsecureRequests] : [],
        timeout: PROVIDER_TIMEOUT_S,
      },
    );
  } catch (err) {
    throw new ConfigError(`Cannot read the OpenID provider's configuration from ${config.issuer}: ${reasonOf(err)}`);
  }
  return new OidcClient(server, config, options);
}

class OidcClient implements OidcSignIn {
  readonly label: string;

  constructor(
    private readonly server: client.Configuration,
    private readonly config: OidcConfig,
    private readonly options: OidcOptions,
  ) {
    this.label = config.label;
  }

  async start(req: Request, res: Response): Promise<void> {
    const flow: Flow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      returnTo: consolePath(req.query['returnTo']),
      exp: Date.now() + FLOW_TTL_MS,
    };
    const url = client.buildAuthorizationUrl(this.server, {
      redirect_uri: this.config.redirectUrl,
      scope: this.config.scopes.join(' '),
      code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    res.cookie(FLOW_COOKIE, this.#seal(flow), this.#cookieOptions(FLOW_TTL_MS));
    res.redirect(303, url.href);
  }

  async complete(req: Request, res: Response): Promise<OidcSignedIn> {
    const flow = this.#unseal(req.cookies?.[FLOW_COOKIE]);
    // One use: a second visit of the same callback address starts nothing.
    res.clearCookie(FLOW_COOKIE, this.#cookieOptions());
    if (!flow) throw failed('this sign-in took longer than 10 minutes or was started in another browser; sign in again');
    // The provider answers on this console's callback as configured, whatever host the request
    // reached this process by (a proxy in front): that is the redirect_uri the code is bound to.
    const callback = new URL(this.config.redirectUrl);
    callback.search = new URL(req.originalUrl, callback).search;
    // openid-client checks the state too; this says it in the console's words.
    if (callback.searchParams.get('state') !== flow.state) {
      throw failed("the provider's answer does not belong to the sign-in this browser started; sign in again");
    }
    try {
      const tokens = await client.authorizationCodeGrant(this.server, callback, {
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        pkceCodeVerifier: flow.codeVerifier,
        idTokenExpected: true,
      });
      const idToken = tokens.claims()!;
      // Providers put the scopes' claims (name, groups) in the ID token or only in userinfo.
      const userInfo = this.server.serverMetadata().userinfo_endpoint
        ? await client.fetchUserInfo(this.server, tokens.access_token, idToken.sub)
        : {};
      return { identity: this.#identityOf({ ...idToken, ...userInfo }), returnTo: flow.returnTo };
    } catch (err) {
      req.log?.warn({ err }, 'OpenID Connect sign-in failed');
      throw translate(err, this.config.issuer);
    }
  }

  #identityOf(claims: Record<string, unknown>): Identity {
    const name = [claims[this.config.usernameClaim], claims['email'], claims['sub']].find(
      (value): value is string => typeof value === 'string' && value !== '',
    )!;
    const groups = claims[this.config.groupsClaim];
    return {
      name,
      groups: typeof groups === 'string' ? [groups] : Array.isArray(groups) ? groups.filter((g) => typeof g === 'string') : [],
      via: 'oidc',
    };
  }

  // SameSite=Lax, not Strict: the provider sends the browser back from its own site, by a
  // top-level GET, and a Strict cookie would stay behind.
  #cookieOptions(maxAge?: number) {
    return { httpOnly: true, sameSite: 'lax', secure: this.options.secureCookies, path: FLOW_COOKIE_PATH, maxAge } as const;
  }

  #seal(flow: Flow): string {
    const payload = Buffer.from(JSON.stringify(flow)).toString('base64url');
    return `${payload}.${this.#signature(payload)}`;
  }

  /** The flow the cookie holds, unless it is missing, altered or expired. */
  #unseal(cookie: unknown): Flow | undefined {
    if (typeof cookie !== 'string') return undefined;
    const [payload = '', signature = ''] = cookie.split('.');
    const expected = Buffer.from(this.#signature(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const flow = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Flow;
    return flow.exp > Date.now() ? flow : undefined;
  }

  #signature(payload: string): string {
    return createHmac('sha256', this.options.sessionKey).update(`${FLOW_COOKIE}:${payload}`).digest('base64url');
  }
}

/**
 * Where to go after signing in: a path of this console, or its start page. Never another
 * site: `//evil.example` and `/\evil.example` are addresses of other hosts to a browser.
 */
function consolePath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]{0,2000}$/.test(value) ? value : '/';
}

function failed(reason: string, cause?: unknown): AppError {
  return new AppError('SIGN_IN_FAILED', `Signing in through the OpenID provider failed: ${reason}`, { cause });
}

/** The console's words for what went wrong after the provider sent the browser back. */
function translate(err: unknown, issuer: string): Error {
  if (err instanceof client.AuthorizationResponseError) {
    // access_denied: the user cancelled, or the provider does not let them use this console.
    return failed(`the provider answered ${describeOAuthError(err.error, err.error_description)}`, err);
  }
  if (err instanceof client.ResponseBodyError) {
    return failed(`the provider refused the sign-in code with ${describeOAuthError(err.error, err.error_description)}`, err);
  }
  if (err instanceof client.ClientError) {
    return failed(`the provider's answer did not pass the checks (${err.message}); sign in again`, err);
  }
  if (isUnreachable(err)) return failed(`the provider at ${issuer} does not answer (${reasonOf(err)}); try again`, err);
  return err as Error;
}

function describeOAuthError(error: string, description: string | undefined): string {
  return description ? `${error} (${description})` : error;
}

function isUnreachable(err: unknown): boolean {
  return err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError' || err.message === 'fetch failed');
}

/** An error in one line: its message and, for a network failure, the system's reason. */
function reasonOf(err: unknown): string {
  const { message, cause } = err as Error;
  const detail = cause instanceof Error ? cause.message : undefined;
  return detail && detail !== message ? `${message}: ${detail}` : message;
}
