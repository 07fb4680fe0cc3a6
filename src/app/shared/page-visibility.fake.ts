import { BehaviorSubject, type Observable } from 'rxjs';
import type { PageVisibility } from './page-visibility';

/** For specs: a {@link PageVisibility} the spec hides and shows. */
export class FakePageVisibility implements Pick<PageVisibility, 'watch'> {
  private readonly isVisible = new BehaviorSubject(true);

  /** Whether the page is visible: now, then at each change the spec makes. */
  watch(): Observable<boolean> {
    return this.isVisible.asObservable();
  }

  /** As when the operator switches to another tab. */
  hide(): void {
    this.isVisible.next(false);
  }

  /** As when the operator comes back. */
  show(): void {
    this.isVisible.next(true);
  }
}
