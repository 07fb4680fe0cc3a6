import { DOCUMENT, inject, Injectable } from '@angular/core';
import { distinctUntilChanged, fromEvent, map, startWith, type Observable } from 'rxjs';

/**
 * Whether the console's tab is in sight, from the Page Visibility API. Pages read in the
 * background only while it is, so a tab left open all day costs the cluster nothing.
 */
@Injectable({ providedIn: 'root' })
export class PageVisibility {
  private readonly document = inject(DOCUMENT);

  /** Whether the page is visible: now, then at each change. */
  watch(): Observable<boolean> {
    return fromEvent(this.document, 'visibilitychange').pipe(
      startWith(undefined),
      map(() => this.document.visibilityState !== 'hidden'),
      distinctUntilChanged(),
    );
  }
}
