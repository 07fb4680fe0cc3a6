import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

/** What a confirmation asks. */
export interface Confirmation {
  title: string;
  /** What will happen, in plain words. */
  message: string;
  /** The button's words, e.g. "Delete topic". */
  confirmLabel: string;
  /** A word the operator must type to confirm, e.g. the topic name; for what cannot be undone. */
  typeToConfirm?: string;
  /** Whether the action destroys something (red button). */
  isDestructive?: boolean;
}

/** Asks before an action; with `typeToConfirm`, the button waits for the exact word. */
@Component({
  selector: 'kpc-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>{{ confirmation.title }}</h2>
    <mat-dialog-content>
      <p class="message">{{ confirmation.message }}</p>
      @if (confirmation.typeToConfirm; as word) {
        <p>
          Type <strong class="word">{{ word }}</strong> to confirm.
        </p>
        <mat-form-field appearance="outline" class="typed">
          <mat-label>Confirmation</mat-label>
          <input
            matInput
            [ngModel]="typed()"
            (ngModelChange)="typed.set($event)"
            autocomplete="off"
            cdkFocusInitial
            aria-label="Type to confirm" />
        </mat-form-field>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button [mat-dialog-close]="false">Cancel</button>
      <button mat-flat-button [class.destructive]="confirmation.isDestructive" [disabled]="!canConfirm()" [mat-dialog-close]="true">
        {{ confirmation.confirmLabel }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .message {
      white-space: pre-line;
    }
    .typed {
      width: 100%;
    }
    .word {
      font-family: monospace;
    }
    .destructive:not(:disabled) {
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
    }
  `,
})
export class ConfirmDialog {
  protected readonly confirmation = inject<Confirmation>(MAT_DIALOG_DATA);
  protected readonly typed = signal('');
  protected readonly canConfirm = computed(() => !this.confirmation.typeToConfirm || this.typed() === this.confirmation.typeToConfirm);
}
