import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { catchError, throwError } from 'rxjs';
import type { ErrorCode } from '../../../server/shared/error-codes';
import { ApiError } from './api-error';

/**
 * Turns every failed HTTP call into an {@link ApiError}, whether the console answered with its
 * error body, a proxy answered with HTML, or the server could not be reached at all.
 */
export const apiErrorInterceptor: HttpInterceptorFn = (request, next) =>
  next(request).pipe(catchError((response: unknown) => throwError(() => toApiError(response))));

function toApiError(response: unknown): ApiError {
  if (!(response instanceof HttpErrorResponse)) {
    return new ApiError(0, 'UNEXPECTED', 'Something unexpected went wrong in the browser');
  }
  const body = response.error as { error?: { code?: unknown; message?: unknown } } | null;
  if (typeof body?.error?.code === 'string' && typeof body.error.message === 'string') {
    return new ApiError(response.status, body.error.code as ErrorCode, body.error.message);
  }
  if (response.status === 0) {
    return new ApiError(0, 'CONSOLE_UNREACHABLE', 'The console server cannot be reached; is it running?');
  }
  return new ApiError(response.status, `HTTP_${response.status}`, `The console answered ${response.status} ${response.statusText}`);
}
