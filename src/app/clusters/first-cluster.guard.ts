import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { catchError, map, of } from 'rxjs';
import { ClustersService } from './clusters.service';

/**
 * Sends `/` to the first configured cluster's overview. When the list cannot be read, the
 * shell of a cluster named `local` still opens and shows why.
 */
export const firstClusterGuard: CanActivateFn = () => {
  const router = inject(Router);
  return inject(ClustersService)
    .list()
    .pipe(
      map((clusters) => router.createUrlTree(['/clusters', clusters[0]?.name ?? 'local', 'overview'])),
      catchError(() => of(router.createUrlTree(['/clusters', 'local', 'overview']))),
    );
};
