import { randomBytes } from 'node:crypto';
import cookieParser from 'cookie-parser';
import cookieSession from 'cookie-session';
import { doubleCsrf } from 'csrf-csrf';
import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '../shared/app-error';
import type { Identity } from './access.model';
import type { SessionRevocations } from './session-revocations';

export interface SessionOptions {
  /** Signs the session and CSRF cookies; every console instance behind one name needs the same key. */
  key: string;
  /** How long a sign-in lasts, in milliseconds. */
  ttlMs: number;
  /** Send the cookies over https only. */
  secure: boolean;
}

/** What the signed session cookie holds. */
interface SessionData {
  sid: string;
  name: string;
  groups: string[];
  via: Identity['via'];
  /** When it ends, in epoch milliseconds: checked here, not left to the browser. */
  exp: number;
}

export const SESSION_COOKIE = 'kpc.session';
const CSRF_COOKIE = 'kpc.csrf';

/**
 * Browser sessions in a signed cookie (HTTP-only, SameSite=Strict, with an expiry the server
 * checks), so any console instance with the same key knows the user and a restart signs nobody
 * out. Changes sent with a session also need its CSRF token (a signed double-submit cookie
 * bound to the session), which a page on another site cannot read.
 */
export class Sessions {
  readonly #csrf: ReturnType<typeof doubleCsrf>;

  constructor(
    private readonly options: SessionOptions,
    /** Sessions signed out before their expiry, on every instance. */
    private readonly revocations: SessionRevocations,
  ) {
    this.#csrf = doubleCsrf({
      getSecret: () => options.key,
      getSessionIdentifier: (req) => this.#data(req)?.sid ?? '',
      cookieName: CSRF_COOKIE,
      cookieOptions: { sameSite: 'strict', secure: options.secure, httpOnly: true, path: '/' },
      getCsrfTokenFromRequest: (req) => req.get('x-csrf-token'),
      // Only a cookie session can be ridden by another site's page; a proxy's user or open mode has none.
      skipCsrfProtection: (req) => this.identity(req) === undefined,
    });
  }

  /** Reads the session cookie of every API request. */
  middleware(): RequestHandler[] {
    return [
      cookieParser(),
      cookieSession({
        name: SESSION_COOKIE,
        keys: [this.options.key],
        httpOnly: true,
        sameSite: 'strict',
        secure: this.options.secure,
        maxAge: this.options.ttlMs,
        path: '/',
      }),
    ];
  }

  /** Signs `identity` in: a new session cookie, and its CSRF token. */
  start(req: Request, res: Response, identity: Identity): { csrfToken: string; expiresAt: string } {
    const data: SessionData = {
      sid: randomBytes(16).toString('base64url'),
      name: identity.name,
      groups: [...identity.groups],
      via: identity.via,
      exp: Date.now() + this.options.ttlMs,
    };
    req.session = data;
    return { csrfToken: this.#csrf.generateCsrfToken(req, res, { overwrite: true }), expiresAt: new Date(data.exp).toISOString() };
  }

  /** Signs the request's session out, for any copy of its cookie, on every instance. */
  async end(req: Request, res: Response): Promise<void> {
    const data = this.#data(req);
    req.session = null;
    res.clearCookie(CSRF_COOKIE, { path: '/' });
    if (data) await this.revocations.end(data.sid, data.exp);
  }

  /** The signed-in user of the request's session, unless it expired or was signed out. */
  identity(req: Request): Identity | undefined {
    const data = this.#data(req);
    return data && { name: data.name, groups: data.groups, via: data.via };
  }

  /** When the request's session ends. */
  expiresAt(req: Request): string | undefined {
    const data = this.#data(req);
    return data && new Date(data.exp).toISOString();
  }

  /** The CSRF token of the request's session (made again if its cookie is gone). */
  csrfToken(req: Request, res: Response): string {
    return this.#csrf.generateCsrfToken(req, res, { overwrite: false });
  }

  /** Refuses a change sent with a session cookie but without its CSRF token. */
  readonly csrfProtection: RequestHandler = (req, res, next) => {
    this.#csrf.doubleCsrfProtection(req, res, (err?: unknown) => {
      if (!err) {
        next();
        return;
      }
      next(
        new AppError(
          'CSRF_TOKEN_INVALID',
          "This change came without the session's CSRF token (X-CSRF-Token): reload the console's page and try again",
          { cause: err },
        ),
      );
    });
  };

  #data(req: Request): SessionData | undefined {
    const session = req.session as Partial<SessionData> | null | undefined;
    if (!session || typeof session.sid !== 'string' || typeof session.name !== 'string' || typeof session.exp !== 'number')
      return undefined;
    if (session.exp <= Date.now() || this.revocations.isEnded(session.sid)) return undefined;
    const via = session.via === 'oidc' ? 'oidc' : 'local';
    const groups = Array.isArray(session.groups) ? session.groups.filter((group) => typeof group === 'string') : [];
    return { sid: session.sid, name: session.name, groups, via, exp: session.exp };
  }
}
