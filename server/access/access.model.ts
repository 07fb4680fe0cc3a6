import type { Access } from './permissions';

/** How a signed-in user proved who they are. */
export type SignInMethod = 'local' | 'oidc' | 'proxy';

/** A signed-in user. */
export interface Identity {
  name: string;
  /** Groups named by the config (local users), the OpenID provider's groups claim, or the proxy's groups header. */
  groups: readonly string[];
  via: SignInMethod;
}

/**
 * `GET /api/session`: who the browser is signed in as and what they may do. Always 200.
 * - `open`: no sign-in configured (loopback only); everyone is admin; the toolbar says so.
 * - `signed-in`: `user`, `access` and `csrfToken` are set.
 * - `signed-out`: sign-in is needed; `signIn` says how.
 */
export interface SessionInfo {
  mode: 'open' | 'signed-in' | 'signed-out';
  user?: { name: string; via: SignInMethod };
  access?: Access;
  /** How one may sign in: with a local user's password, through the OpenID provider, or not here (a proxy does it). */
  signIn: { local: boolean; oidc?: { label: string; startUrl: string } };
  /** Send as `X-CSRF-Token` with every change while signed in with a cookie session. */
  csrfToken?: string;
  /** When the session ends (ISO-8601); sign in again after. */
  expiresAt?: string;
}

/** `POST /api/session`: a local user's sign-in. */
export interface SignInRequest {
  username: string;
  password: string;
}
