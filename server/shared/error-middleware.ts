import express, { type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import { AppError, type ApiErrorBody } from './app-error';
import type { Logger } from './logger';

/** Answers any path no route took with 404, in the API's error shape, whatever the method. */
export const notFound: RequestHandler = (req, res) => {
  const what = req.originalUrl.startsWith('/api') ? 'no API' : 'nothing';
  const body: ApiErrorBody = {
    error: { code: 'NOT_FOUND', message: `There is ${what} at ${req.method} ${req.originalUrl}` },
  };
  res.status(404).json(body);
};

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Parses JSON bodies, and answers 415 to a change that sends any other body. The API reads
 * JSON only; another body used to be ignored, so a change went ahead on input nobody read.
 * A change without a body (a pause, a restart; browsers send `Content-Length: 0`) is fine.
 * The check looks at the headers only: it answers before reading the body, and closes the
 * connection rather than drain it.
 */
export function jsonBody(limit = '1mb'): RequestHandler[] {
  const requireJson: RequestHandler = (req, res, next) => {
    if (!CHANGES.has(req.method) || !hasBody(req) || req.is('application/json')) {
      next();
      return;
    }
    res.set('Connection', 'close');
    const type = req.get('content-type');
    next(
      new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        `The request body must be application/json, not ${type ? JSON.stringify(type) : 'a body without a content-type'}`,
      ),
    );
  };
  return [requireJson, express.json({ limit })];
}

/**
 * Whether the headers announce a body: a length above 0, or a chunked body of a declared
 * type (a chunked body of no type may well be empty, and nothing reads it).
 */
function hasBody(req: Request): boolean {
  const length = Number(req.get('content-length'));
  return length > 0 || (req.get('transfer-encoding') !== undefined && req.get('content-type') !== undefined);
}

/**
 * The last middleware: writes `{ error: { code, message } }` for every failure. Express 5
 * hands rejected promises here, so routes need no try/catch. An error that is not an
 * {@link AppError} is a bug or an untranslated Kafka error: log it whole, answer 500 with
 * nothing internal in it.
 */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const appError = toAppError(err);
    if (appError.status >= 500) {
      logger.error({ err, method: req.method, url: req.originalUrl }, appError.message);
    }
    const body: ApiErrorBody = { error: { code: appError.code, message: appError.message } };
    res.status(appError.status).json(body);
  };
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  // body-parser and Express's router mark their own failures with a 4xx status (and a type).
  const marked = err as { status?: number; type?: string; message?: string };
  if (err instanceof URIError && marked.status === 400) {
    // The router could not decode a path parameter: "Failed to decode param '%E0%A4%A'".
    const segment = /'(.*)'/.exec(marked.message ?? '')?.[1];
    return new AppError(
      'VALIDATION_FAILED',
      `The request path is not valid: ${segment ? `"${segment}"` : 'it'} has a % escape that is not UTF-8 percent-encoding`,
      { cause: err },
    );
  }
  switch (marked.type) {
    case 'entity.parse.failed':
      return new AppError('INVALID_JSON', 'The request body is not valid JSON', { cause: err });
    case 'entity.too.large':
      return new AppError('BODY_TOO_LARGE', 'The request body is too large', { cause: err });
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'The request body must be JSON in UTF-8, gzip- or deflate-encoded at most', {
        cause: err,
      });
  }
  if (marked.type && marked.status && marked.status >= 400 && marked.status < 500) {
    // Any other body-parser failure (an aborted body, a wrong length) is the client's.
    return new AppError('INVALID_REQUEST', 'The request body could not be read', { cause: err });
  }
  return new AppError('INTERNAL', 'Something went wrong in the console; the server log has the details', {
    cause: err,
  });
}
