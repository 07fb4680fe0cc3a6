import type { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { isApiError } from '../shared/api-error';
import { AccessService } from './access.service';
import { SIGN_IN_PATH } from './sign-in-route';

/** Methods that change something: the server refuses them without the session's CSRF token. */
const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Carries the session's CSRF token on every change sent to the API, and sends the user to the
 * sign-in page, keeping where they were, when the session ends under them. Registered before
 * {@link apiErrorInterceptor}, so it sees failures as `ApiError`s and branches on their code.
 */
export const accessInterceptor: HttpInterceptorFn = (request, next) => {
  const access = inject(AccessService);
  const router = inject(Router);
  const token = access.csrfToken();
  const isApi = request.url.startsWith('/api/');
  const sent = token && isApi && CHANGES.has(request.method) ? request.clone({ setHeaders: { 'X-CSRF-Token': token } }) : request;
  return next(sent).pipe(
    catchError((error: unknown) => {
      if (isApi && isApiError(error) && error.code === 'SIGN_IN_REQUIRED') {
        access.forget();
        const returnUrl = router.url;
        if (!returnUrl.startsWith(`/${SIGN_IN_PATH}`)) {
          void router.navigate(['/', SIGN_IN_PATH], { queryParams: { returnUrl } });
        }
      }
      return throwError(() => error);
    }),
  );
};
