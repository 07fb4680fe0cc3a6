/**
 * A failed API call as the UI sees it: logic branches on `code`, the UI shows `message`.
 * The server sends `{ error: { code, message } }`; {@link apiErrorInterceptor} makes this.
 */
export interface ApiError {
  status: number;
  code: string;
  message: string;
}

/** Whether a value is an {@link ApiError}. */
export function isApiError(value: unknown): value is ApiError {
  const candidate = value as Partial<ApiError> | null;
  return typeof candidate?.code === 'string' && typeof candidate.message === 'string' && typeof candidate.status === 'number';
}
