import type { Request } from 'express';

/**
 * Who made a request: the user an authenticating proxy in front of the console names
 * (oauth2-proxy, Pomerium and most others send one of these), else the client address.
 */
export function actorOf(req: Request): string {
  const user = req.get('x-forwarded-user') ?? req.get('x-auth-request-user') ?? req.get('x-forwarded-email');
  return user ?? `anonymous@${req.ip ?? 'unknown'}`;
}
