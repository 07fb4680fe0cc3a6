import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, type ApiErrorBody } from './app-error';
import type { Logger } from './logger';

/** Answers any `/api` path no route took with 404, in the API's error shape. */
export const apiNotFound: RequestHandler = (req, res) => {
  const body: ApiErrorBody = {
    error: { code: 'NOT_FOUND', message: `There is no API at ${req.method} ${req.originalUrl}` },
  };
  res.status(404).json(body);
};

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
  // body-parser marks its own failures (bad JSON, body too large) with a 4xx status and type.
  const parserError = err as { status?: number; type?: string };
  if (parserError.type === 'entity.parse.failed') {
    return new AppError('INVALID_JSON', 'The request body is not valid JSON', { cause: err });
  }
  if (parserError.type === 'entity.too.large') {
    return new AppError('BODY_TOO_LARGE', 'The request body is too large', { cause: err });
  }
  return new AppError('INTERNAL', 'Something went wrong in the console; the server log has the details', {
    cause: err,
  });
}
