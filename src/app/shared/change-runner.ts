import { DestroyRef, inject, signal, type Signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatSnackBar } from '@angular/material/snack-bar';
import { filter, finalize, of, switchMap, type Observable } from 'rxjs';
import type { ApiError } from './api-error';
import type { Confirmation } from './confirm-dialog';
import { ConfirmService } from './confirm.service';
import { apiErrorOf } from './resource-error';

/** One change the operator makes from the UI, declared once: what to ask, what to call, what to say. */
export interface Change<T> {
  /** Asked first; with `typeToConfirm` for what cannot be undone. Omitted: the call runs at once. */
  confirm?: Confirmation;
  /** The API call that makes the change. */
  call: () => Observable<T>;
  /** Said once when it worked, e.g. `Deleted orders`. Omitted where the page itself shows the result. */
  success?: string | ((result: T) => string);
  /** What follows success: reload what changed, close the dialog, or leave the page. */
  then?: (result: T) => void;
  /** What follows failure besides showing it, e.g. a reload, since a failed change may have half-happened. */
  failed?: (error: ApiError) => void;
}

/**
 * The one way the UI changes things: confirm → busy → call → error shown where the operator
 * acted → success said once → what changed is reloaded. A page makes one runner per place it
 * shows errors (the page, a dialog, an inline editor) and binds `isBusy` and `error` there.
 */
export interface ChangeRunner {
  /** Whether a change is under way (between confirmation and answer). */
  readonly isBusy: Signal<boolean>;
  /** The last change's failure, until the next change starts or {@link clearError}. */
  readonly error: Signal<ApiError | undefined>;
  /** Runs one change; ignored while another runs, so a double click changes nothing twice. */
  run<T>(change: Change<T>): void;
  clearError(): void;
}

/** Makes a {@link ChangeRunner}; call it in an injection context (a field initializer). */
export function changeRunner(): ChangeRunner {
  const confirmations = inject(ConfirmService);
  const snackBar = inject(MatSnackBar);
  const destroyRef = inject(DestroyRef);
  const isBusy = signal(false);
  const error = signal<ApiError | undefined>(undefined);

  return {
    isBusy: isBusy.asReadonly(),
    error: error.asReadonly(),
    clearError: () => error.set(undefined),
    run<T>(change: Change<T>): void {
      if (isBusy()) return;
      const confirmed = change.confirm ? confirmations.confirm(change.confirm) : of(true);
      confirmed
        .pipe(
          filter(Boolean),
          switchMap(() => {
            isBusy.set(true);
            error.set(undefined);
            return change.call().pipe(finalize(() => isBusy.set(false)));
          }),
          takeUntilDestroyed(destroyRef),
        )
        .subscribe({
          next: (result) => {
            const success = typeof change.success === 'function' ? change.success(result) : change.success;
            if (success) snackBar.open(success, 'OK', { duration: 5000 });
            change.then?.(result);
          },
          error: (failure: unknown) => {
            const apiError = apiErrorOf(failure)!;
            error.set(apiError);
            change.failed?.(apiError);
          },
        });
    },
  };
}
