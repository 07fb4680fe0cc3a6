import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { catchError, map, of, type Observable } from 'rxjs';
import type { SessionInfo } from '../../../server/access/access.model';
import { AccessService } from './access.service';
import { safeReturnUrl, SIGN_IN_PATH } from './sign-in-route';

/**
 * Opens the console's pages only to a signed-in user (or anyone, in open mode); a signed-out
 * user goes to the sign-in page, which brings them back here. The session is read once, on
 * the first page; the interceptor notices when it ends later.
 */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const access = inject(AccessService);
  const router = inject(Router);
  const known = access.session();
  const session: Observable<SessionInfo | undefined> = known ? of(known) : access.load().pipe(catchError(() => of(undefined)));
  // When the session cannot be read the console is unreachable: the page opens and says so.
  return session.pipe(
    map((current) =>
      current?.mode === 'signed-out' ? router.createUrlTree(['/', SIGN_IN_PATH], { queryParams: { returnUrl: state.url } }) : true,
    ),
  );
};

/**
 * Opens the sign-in page only when sign-in is needed; in open mode or once signed in it goes
 * on to where the user was headed. It reads the session afresh: the user may come back from
 * the OpenID provider, or have signed in in another tab.
 */
export const signInPageGuard: CanActivateFn = (route) => {
  const access = inject(AccessService);
  const router = inject(Router);
  return access.load().pipe(
    map((session) =>
      session.mode === 'signed-out' ? true : router.parseUrl(safeReturnUrl(route.queryParamMap.get('returnUrl') ?? undefined)),
    ),
    // The page itself then offers the sign-in form and shows why a sign-in fails.
    catchError(() => of(true)),
  );
};
