import { Router } from 'express';
import { openApiDocument, type OpenApiDocument } from './openapi-document';

/** `GET /api/openapi.json`: the API describes itself (OpenAPI 3.1), built once on first ask. */
export function openApiRoutes(): Router {
  let document: OpenApiDocument | undefined;
  return Router().get('/openapi.json', (_req, res) => {
    document ??= openApiDocument();
    res.json(document);
  });
}
