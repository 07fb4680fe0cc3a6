import { BehaviorSubject, type Observable } from 'rxjs';
import type { PageVisibility } from './page-visibility';

/** For specs: a {@link PageVisibility} the spec hides and shows. */
export class FakePageVisibility implements Pick<PageVisibility, 'watch'> {
  private readonly isVisible = new BehaviorSubject(true);

  watch(): Observable<boolean> {
    return this.isVisible.asObservable();
  }

  hide(): void {
    this.isVisible.next(false);
  }

  show(): void {
    this.isVisible.next(true);
  }
}
