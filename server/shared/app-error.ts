import { ERROR_CODES, type ErrorCode } from './error-codes';

export type { ApiErrorBody, ErrorCode } from './error-codes';

/**
 * An error the API answers with a stable code and the status the catalogue gives it
 * ({@link ERROR_CODES}), as `{ error: { code, message } }`. The message is shown to people:
 * plain words, no stack, no secret. Keep the original error as `cause` so the log still has
 * the detail.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: {
      cause?: unknown;
      /** Only for an error passed on from an HTTP service (a Connect worker's own 4xx). */
      status?: number;
    },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.status = options?.status ?? ERROR_CODES[code];
  }
}
