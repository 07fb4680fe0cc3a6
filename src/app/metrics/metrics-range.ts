import { inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { map } from 'rxjs';
import type { MetricsRange } from './metrics.model';
import { DEFAULT_RANGE, parseRange } from './metrics-rules';

/** The charts' range as the URL holds it. */
export interface RangeInUrl {
  readonly range: Signal<MetricsRange>;
  /** Puts the range in `?range=`, keeping the other query parameters, so a shared link shows the same. */
  select(range: MetricsRange): void;
}

/** The range in the page's `?range=`; call it in an injection context (a field initializer). */
export function rangeInUrl(): RangeInUrl {
  const route = inject(ActivatedRoute);
  const router = inject(Router);
  const range = toSignal(route.queryParamMap.pipe(map((query) => parseRange(query.get('range')))), {
    initialValue: parseRange(route.snapshot.queryParamMap.get('range')),
  });
  return {
    range,
    select: (next) =>
      void router.navigate([], {
        relativeTo: route,
        queryParams: { range: next === DEFAULT_RANGE ? null : next },
        queryParamsHandling: 'merge',
        replaceUrl: true,
      }),
  };
}
