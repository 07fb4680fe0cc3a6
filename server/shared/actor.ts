import { AsyncLocalStorage } from 'node:async_hooks';
import type { Request, RequestHandler } from 'express';

const requestActor = new AsyncLocalStorage<string>();

/**
 * Who made a request: the user an authenticating proxy in front of the console names
 * (oauth2-proxy, Pomerium and most others send one of these), else the client address.
 */
export function actorOf(req: Request): string {
  const user = req.get('x-forwarded-user') ?? req.get('x-auth-request-user') ?? req.get('x-forwarded-email');
  return user ?? `anonymous@${req.ip ?? 'unknown'}`;
}

/** Makes the request's actor known to whatever runs for it, so the audit log names them. */
export const rememberActor: RequestHandler = (req, _res, next) => {
  requestActor.run(actorOf(req), next);
};

/** The actor of the request being served; `console` for work no request asked for (the demo seed). */
export function currentActor(): string {
  return requestActor.getStore() ?? 'console';
}

/** Runs work on behalf of someone outside a request (the demo seed, a spec), as they. */
export function asActor<T>(actor: string, work: () => T): T {
  return requestActor.run(actor, work);
}
