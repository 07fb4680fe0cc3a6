import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';

/** What open mode means, for whoever wonders why nobody signed in. */
export const OPEN_MODE_EXPLANATION =
  'No users are configured, so the console listens on this machine (loopback) only, and everyone who reaches it is admin.';

/** The toolbar's word on who is there: open mode's warning, or the signed-in user and their sign-out. */
@Component({
  selector: 'kpc-session-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, MatTooltipModule],
  template: `
    @if (isOpen()) {
      <span class="open-mode" role="status" tabindex="0" [matTooltip]="openModeExplanation">
        <mat-icon inline>lock_open</mat-icon> local mode: no sign-in
      </span>
    } @else if (userName(); as name) {
      <span class="user"><mat-icon inline>account_circle</mat-icon> {{ name }}</span>
      @if (canSignOut()) {
        <button mat-button (click)="signOut.emit()"><mat-icon>logout</mat-icon> Sign out</button>
      }
    }
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 8px;
      font: var(--mat-sys-label-large);
    }
    .open-mode {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 4px 12px;
      border-radius: 16px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      cursor: help;
    }
    .user {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
  `,
})
export class SessionStatus {
  /** Whether no sign-in is configured. */
  readonly isOpen = input(false);
  /** The signed-in user's name; undefined in open mode. */
  readonly userName = input<string>();
  /** Whether the session is the console's own (a proxy's sign-in ends at the proxy). */
  readonly canSignOut = input(false);
  readonly signOut = output<void>();

  protected readonly openModeExplanation = OPEN_MODE_EXPLANATION;
}
