import { Router } from 'express';
import type { OpenApiDocument } from './openapi-document';

/**
 * `GET /api/openapi.json`: the API describes itself (OpenAPI 3.1), built once on first ask. The
 * description and its library are loaded then too, not at start: most consoles are never asked.
 */
export function openApiRoutes(): Router {
  let document: Promise<OpenApiDocument> | undefined;
  return Router().get('/openapi.json', async (_req, res) => {
    document ??= import('./openapi-document').then((module) => module.openApiDocument());
    res.json(await document);
  });
}
