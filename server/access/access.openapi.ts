import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { describes, json, operation, requestBody } from '../shared/openapi';
import type { SessionInfo } from './access.model';
import { signInRequest } from './access.routes';
import { ROLES, type Access, type Grant } from './permissions';

const patterns = z.array(z.string()).readonly().meta({ description: 'Name patterns; `*` stands for any run of characters' });
const grant = describes<Grant>()(
  z.object({ role: z.enum(ROLES), clusters: patterns, topics: patterns, consumerGroups: patterns, connectors: patterns }),
);
const access = describes<Access>()(
  z
    .object({ mode: z.enum(['open', 'signed-in']), grants: z.array(grant).readonly(), readOnlyClusters: z.array(z.string()).readonly() })
    .meta({ id: 'Access' }),
);
const via = z.enum(['local', 'oidc', 'proxy']);
const sessionInfo = describes<SessionInfo>()(
  z
    .object({
      mode: z.enum(['open', 'signed-in', 'signed-out']),
      user: z.object({ name: z.string(), via }).optional(),
      access: access.optional(),
      signIn: z.object({ local: z.boolean(), oidc: z.object({ label: z.string(), startUrl: z.string() }).optional() }),
      csrfToken: z
        .string()
        .optional()
        .meta({ description: 'Send as X-CSRF-Token with every change while signed in with a cookie session' }),
      expiresAt: z.string().optional(),
    })
    .meta({ id: 'SessionInfo' }),
);

/** The OpenAPI description of `access.routes.ts`' session routes. */
export const accessPaths: ZodOpenApiPathsObject = {
  '/session': {
    get: operation('access', 'Who is signed in, what they may do, and how to sign in', {
      ok: { 200: json(sessionInfo) },
      errors: { cluster: false },
    }),
    post: operation('access', "Sign in with a local user's password: sets an HTTP-only, SameSite=Strict session cookie", {
      requestBody: requestBody(signInRequest),
      ok: { 200: json(sessionInfo) },
      errors: { cluster: false, change: true, also: [401, 429] },
    }),
    delete: operation('access', 'Sign out: ends the session, for every copy of its cookie', {
      ok: { 204: { description: 'Signed out' } },
      errors: { cluster: false, change: true },
    }),
  },
};
