import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { SearchProgressView } from './topic.model';

/** How far a whole-topic search has read, how fast, what it found; Cancel while it runs. */
@Component({
  selector: 'kpc-topic-search-progress',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule],
  template: `
    <div class="line">
      <span class="summary" data-testid="search-summary">{{ view().summary }} · {{ view().matchesText }}</span>
      @if (view().outcome; as outcome) {
        <span class="outcome" data-testid="search-outcome">{{ outcome }}</span>
      }
      <span class="actions">
        @if (isRunning()) {
          <button mat-stroked-button type="button" (click)="cancelled.emit()"><mat-icon>stop</mat-icon> Cancel</button>
        } @else {
          <button mat-button type="button" (click)="closed.emit()"><mat-icon>close</mat-icon> Back to messages</button>
        }
      </span>
    </div>
    <mat-progress-bar mode="determinate" [value]="view().percent" aria-label="Share of the topic searched" />
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .line {
      display: flex;
      align-items: center;
      gap: 16px;
    }
    .summary,
    .outcome {
      color: var(--mat-sys-on-surface-variant);
      font-size: 13px;
    }
    .actions {
      margin-left: auto;
    }
  `,
})
export class TopicSearchProgress {
  readonly view = input.required<SearchProgressView>();
  /** Whether the search still runs (Cancel), or ended (back to the messages). */
  readonly isRunning = input.required<boolean>();
  readonly cancelled = output<void>();
  readonly closed = output<void>();
}
