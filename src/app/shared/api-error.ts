import type { ErrorCode } from '../../../server/shared/error-codes';

/** The codes a failure can carry: the server's catalogue, plus what only the browser can tell. */
export type ApiErrorCode =
  | ErrorCode
  /** No answer at all: the console server is down or the network is. */
  | 'CONSOLE_UNREACHABLE'
  /** Something else answered, such as a proxy, with its own status. */
  | `HTTP_${number}`
  /** A failure in the browser itself. */
  | 'UNEXPECTED';

/**
 * A failed API call as the UI sees it: logic branches on `code`, the UI shows `message`.
 * The server sends `{ error: { code, message } }`; {@link apiErrorInterceptor} makes this.
 * It is an `Error`, so a resource's `error()` is the ApiError itself, unwrapped.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Whether a value is an {@link ApiError}. */
export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
