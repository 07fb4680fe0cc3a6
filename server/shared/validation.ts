import type { Request, Router } from 'express';
import { z } from 'zod';
import { AppError } from './app-error';

/**
 * Validates a request body against a schema: 400 VALIDATION_FAILED naming each wrong field
 * in plain words, never a half-applied change.
 */
export function parseBody<T extends z.ZodType>(schema: T, req: Request): z.infer<T> {
  return parse(schema, req.body ?? {}, 'body');
}

/** Validates the query string; see {@link parseBody}. */
export function parseQuery<T extends z.ZodType>(schema: T, req: Request): z.infer<T> {
  return parse(schema, req.query, 'query');
}

function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  throw new AppError('VALIDATION_FAILED', `The request ${where} is not valid: ${problems.join('; ')}`, {
    cause: result.error,
  });
}

/** The server checks a destructive action's typed confirmation again, whatever the UI did. */
export function requireTypedName(name: string, typed: string | undefined, action: string): void {
  if (typed !== name) {
    throw new AppError('CONFIRMATION_REQUIRED', `To ${action} ${name}, confirm with its exact name`);
  }
}

/**
 * A `router.param` handler per path parameter that checks its value against a schema: 400
 * VALIDATION_FAILED naming the parameter, before any route of the router runs. The same
 * schemas describe the parameters in the OpenAPI document.
 */
export function checkPathParams(router: Router, schemas: Record<string, z.ZodType>): Router {
  for (const [name, schema] of Object.entries(schemas)) {
    router.param(name, (_req, _res, next, value: unknown) => {
      try {
        parse(z.object({ [name]: schema }), { [name]: value }, 'path');
        next();
      } catch (err) {
        next(err);
      }
    });
  }
  return router;
}

/** `?fresh=true`: read from Kafka now instead of the console's live model. */
export const freshFlag = z
  .enum(['true', 'false'])
  .optional()
  .transform((value) => value === 'true')
  .meta({ description: "Read from Kafka now instead of the console's live model (the Refresh button)" });
export const freshQuery = z.object({ fresh: freshFlag });
