import { AsyncLocalStorage } from 'node:async_hooks';
import type { Request, RequestHandler } from 'express';

const requestActor = new AsyncLocalStorage<string>();

/**
 * Makes the request's actor (as `actorOf` names it: the signed-in user, else the client's
 * address) known to whatever runs for it, so the audit log names them.
 */
export function rememberActor(actorOf: (req: Request) => string): RequestHandler {
  return (req, _res, next) => {
    requestActor.run(actorOf(req), next);
  };
}

/** The actor of the request being served; `console` for work no request asked for (the demo seed). */
export function currentActor(): string {
  return requestActor.getStore() ?? 'console';
}

/** Runs work on behalf of someone outside a request (the demo seed, a spec), as they. */
export function asActor<T>(actor: string, work: () => T): T {
  return requestActor.run(actor, work);
}
