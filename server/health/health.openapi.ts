import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { describes, json, operation } from '../shared/openapi';
import type { DependencyState, Liveness, Readiness } from './health.model';

const liveness = describes<Liveness>()(z.object({ status: z.literal('ok'), version: z.string() }));
const dependencyState = describes<DependencyState>()(
  z.object({ name: z.string(), reachable: z.boolean(), problem: z.string().optional() }),
);
const readiness = describes<Readiness>()(
  z
    .object({
      ready: z.boolean(),
      clusters: z.array(dependencyState.extend({ connect: z.array(dependencyState) })),
    })
    .meta({ id: 'Readiness' }),
);

/** The OpenAPI description of `health.routes.ts`. */
export const healthPaths: ZodOpenApiPathsObject = {
  '/health': {
    get: operation('health', 'Liveness: the console process answers (touches no Kafka)', {
      ok: { 200: json(liveness) },
      errors: { cluster: false },
    }),
  },
  '/ready': {
    get: operation('health', 'Readiness: whether every configured cluster and Connect worker answers', {
      ok: { 200: json(readiness, 'All answer'), 503: json(readiness, 'Something does not answer; the body names it') },
      errors: { cluster: false },
    }),
  },
};
