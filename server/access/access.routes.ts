import { Router, type Request, type Response } from 'express';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import { z } from 'zod';
import { AppError } from '../shared/app-error';
import { parseBody } from '../shared/validation';
import type { Identity, SessionInfo, SignInRequest } from './access.model';
import type { AccessService } from './access.service';
import { accessOf, identityOf } from './request-access';
import type { Sessions } from './sessions';

export const signInRequest = z.object({
  username: z.string().min(1, 'is required').max(200),
  password: z.string().min(1, 'is required').max(1000),
}) satisfies z.ZodType<SignInRequest>;

/** Sign-in through an OpenID provider: where the browser starts, and what comes back. */
export interface OidcSignIn {
  readonly label: string;
  /** Redirects the browser to the provider; `?returnTo=<console path>` is where it ends up. */
  start(req: Request, res: Response): Promise<void>;
  /** Completes the sign-in the provider sent the browser back with; throws AppError SIGN_IN_FAILED. */
  complete(req: Request, res: Response): Promise<OidcSignedIn>;
}

/** Who signed in through the provider, and the console path they started from. */
export interface OidcSignedIn {
  identity: Identity;
  returnTo: string;
}

const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const OIDC_START_PATH = '/api/auth/oidc/start';

/**
 * `/api/session` (who is signed in, sign in with a password, sign out) and the OpenID
 * Connect round trip `/api/auth/oidc/start` → provider → `/api/auth/oidc/callback`.
 */
export function accessRoutes(access: AccessService, sessions: Sessions | undefined, oidc: OidcSignIn | undefined): Router {
  const attempts = access.config?.signInAttempts ?? 10;
  const tooMany = (what: string) =>
    new AppError('TOO_MANY_SIGN_IN_ATTEMPTS', `Too many failed sign-ins ${what}: wait ${SIGN_IN_WINDOW_MS / 60_000} minutes and try again`);
  // Failed attempts only, per client address and per user name: a guesser is slowed from one
  // address or across many, and a user who mistypes once is not locked out.
  const perAddress = rateLimit({
    windowMs: SIGN_IN_WINDOW_MS,
    limit: attempts,
    skipSuccessfulRequests: true,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? 'unknown'),
    handler: (_req, _res, next) => next(tooMany('from your address')),
  });
  const perUser = rateLimit({
    windowMs: SIGN_IN_WINDOW_MS,
    limit: attempts,
    skipSuccessfulRequests: true,
    keyGenerator: (req) => `user:${String((req.body as { username?: unknown } | undefined)?.username ?? '').slice(0, 200)}`,
    handler: (_req, _res, next) => next(tooMany('for this user name')),
  });

  const signInOptions: SessionInfo['signIn'] = {
    local: (access.config?.users.length ?? 0) > 0,
    ...(oidc && { oidc: { label: oidc.label, startUrl: OIDC_START_PATH } }),
  };
  const info = (req: Request, res: Response): SessionInfo => {
    const signIn = signInOptions;
    if (access.isOpen) return { mode: 'open', access: accessOf(req), signIn };
    const identity = identityOf(req);
    if (!identity) return { mode: 'signed-out', signIn };
    const cookie = identity.via !== 'proxy' && sessions;
    return {
      mode: 'signed-in',
      user: { name: identity.name, via: identity.via },
      access: accessOf(req),
      signIn,
      ...(cookie && {
        csrfToken: sessions.csrfToken(req, res),
        expiresAt: sessions.expiresAt(req),
      }),
    };
  };

  const router = Router()
    .get('/session', (req, res) => {
      res.json(info(req, res));
    })
    .post('/session', perAddress, perUser, async (req, res) => {
      const { username, password } = parseBody(signInRequest, req);
      if (!sessions || !access.config?.users.length) {
        throw new AppError('INVALID_REQUEST', 'This console has no local users to sign in as; sign in through the way it offers');
      }
      const identity = await access.checkPassword(username, password);
      if (!identity) throw new AppError('SIGN_IN_FAILED', 'Wrong user name or password');
      const { csrfToken, expiresAt } = sessions.start(req, res, identity);
      // What this request may do was weighed before it signed in: answer for the new session.
      const signedIn: SessionInfo = {
        mode: 'signed-in',
        user: { name: identity.name, via: identity.via },
        access: access.accessFor(identity),
        signIn: signInOptions,
        csrfToken,
        expiresAt,
      };
      res.json(signedIn);
    })
    .delete('/session', async (req, res) => {
      await sessions?.end(req, res);
      res.status(204).end();
    });
  // Routed whether or not a provider is configured, so the API has the same routes everywhere
  // (and its OpenAPI document describes them all); without one they answer 404.
  const oidcSignIn = (): { oidc: OidcSignIn; sessions: Sessions } => {
    if (!oidc || !sessions) throw new AppError('NOT_FOUND', 'This console does not sign in through an OpenID provider');
    return { oidc, sessions };
  };
  router
    .get('/auth/oidc/start', async (req, res) => {
      await oidcSignIn().oidc.start(req, res);
    })
    .get('/auth/oidc/callback', async (req, res) => {
      const { oidc, sessions } = oidcSignIn();
      try {
        const { identity, returnTo } = await oidc.complete(req, res);
        sessions.start(req, res, identity);
        res.redirect(303, returnTo);
      } catch (err) {
        // The browser arrives here by navigation: show the reason on the sign-in page, not as JSON.
        if (!(err instanceof AppError)) throw err;
        res.redirect(303, `/sign-in?error=${encodeURIComponent(err.message)}`);
      }
    });
  return router;
}
