/**
 * An error the API answers with its own status and a stable code, as
 * `{ error: { code, message } }`. The message is shown to people: plain words, no stack,
 * no secret. Keep the original error as `cause` so the log still has the detail.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

/** The JSON body of every failed API call. */
export interface ApiErrorBody {
  error: { code: string; message: string };
}
