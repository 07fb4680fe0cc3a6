import { ApiError } from './api-error';

/**
 * A failure as an {@link ApiError}: the error itself when it is one (every HTTP failure is,
 * through the interceptor), else one that carries its message.
 */
export function apiErrorOf(error: unknown): ApiError | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'UNEXPECTED', (error as Error).message || 'Something went wrong');
}
