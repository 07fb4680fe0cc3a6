import { z } from 'zod';
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from 'zod-openapi';
import { operation } from '../shared/openapi';

const startQuery = z.object({
  returnTo: z
    .string()
    .optional()
    .meta({ description: 'The console path to show after signing in (e.g. `/clusters/local/topics`); any other value means `/`.' }),
});

const callbackQuery = z.object({
  code: z.string().optional(),
  state: z.string().optional(),
  iss: z.string().optional(),
  error: z.string().optional().meta({ description: 'The provider refused, e.g. `access_denied` when the user cancelled.' }),
  error_description: z.string().optional(),
});

function redirect(description: string): ZodOpenApiResponseObject {
  return { description, headers: z.object({ Location: z.string() }) };
}

/**
 * The OpenID Connect round trip of `access.routes.ts`. Both are browser navigations, answered
 * with redirects, and exist only when `access.oidc` is configured (404 otherwise).
 */
export const oidcPaths: ZodOpenApiPathsObject = {
  '/auth/oidc/start': {
    get: operation('access', 'Start signing in through the OpenID provider (the browser navigates here)', {
      description:
        "Redirects to the provider's authorization endpoint (authorization code flow with PKCE, state and nonce) and sets `kpc.oidc`, " +
        "an HTTP-only, SameSite=Lax cookie signed by the session key that carries the sign-in's secrets for 10 minutes.",
      requestParams: { query: startQuery },
      ok: { 303: redirect("To the provider's authorization endpoint") },
      errors: { cluster: false, also: [404] },
    }),
  },
  '/auth/oidc/callback': {
    get: operation('access', 'Where the OpenID provider sends the browser back', {
      description:
        'Checks the answer against the sign-in this browser started (state, then PKCE and nonce with the code exchange), reads the ' +
        "user's name and groups from the ID token and userinfo, starts the console session and clears `kpc.oidc`. " +
        'A refused or altered sign-in goes to the sign-in page with the reason, not to a JSON error.',
      requestParams: { query: callbackQuery },
      ok: {
        303: redirect(
          'Signed in: to the page the sign-in started from (`returnTo`, else `/`), with the session cookie. ' +
            'Refused, altered or expired: to `/sign-in?error=<reason>`, with no session.',
        ),
      },
      errors: { cluster: false, also: [404] },
    }),
  },
};
