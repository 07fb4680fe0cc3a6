import { isApiError, type ApiError } from './api-error';

/**
 * The {@link ApiError} behind a resource's error. Angular wraps a rejected value that is not
 * an `Error` (our ApiError is a plain object), so look at its cause too.
 */
export function apiErrorOf(error: unknown): ApiError | undefined {
  if (!error) return undefined;
  if (isApiError(error)) return error;
  const cause = (error as { cause?: unknown }).cause;
  if (isApiError(cause)) return cause;
  return { status: 0, code: 'UNEXPECTED', message: (error as Error).message ?? 'Something went wrong' };
}
