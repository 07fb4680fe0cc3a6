import { DOCUMENT, inject, Injectable } from '@angular/core';

/**
 * The browser's address bar, behind an injectable so specs can see where the page would go
 * without leaving the test runner.
 */
@Injectable({ providedIn: 'root' })
export class BrowserLocation {
  private readonly document = inject(DOCUMENT);

  /** Leaves the app for `url` (a full page load, not a route change). */
  assign(url: string): void {
    this.document.location.assign(url);
  }
}
