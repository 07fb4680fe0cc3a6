import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { ApiError } from './api-error';

/** Shows a failed call's message in plain words, with a retry button. */
@Component({
  selector: 'kpc-error-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule],
  template: `
    <div class="panel" role="alert">
      <mat-icon>error</mat-icon>
      <div class="text">
        <strong>{{ title() }}</strong>
        <span>{{ error().message }}</span>
      </div>
      <button mat-stroked-button (click)="retry.emit()">Try again</button>
    </div>
  `,
  styles: `
    .panel {
      display: flex;
      align-items: center;
      gap: 16px;
      padding: 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .text {
      display: flex;
      flex-direction: column;
      gap: 4px;
      flex: 1;
    }
  `,
})
export class ErrorPanel {
  readonly error = input.required<ApiError>();
  readonly title = input('The request failed');
  readonly retry = output<void>();
}
