import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { changeRunner } from '../shared/change-runner';
import type { StreamsAppDetail } from './streams.model';
import { StreamsService } from './streams.service';

/** The app to describe, and the description it has, if any (to replace). */
export interface TopologyDescriptionData {
  cluster: string;
  applicationId: string;
  text?: string;
}

/**
 * Takes the app's own `Topology#describe()` output, pasted, and gives it to the server, which
 * checks it is one. Stays open with the server's reason when it is not; closes with the app as
 * it now stands once saved.
 */
@Component({
  selector: 'kpc-topology-description-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  template: `
    <h2 mat-dialog-title>{{ title }}</h2>
    <mat-dialog-content>
      <p class="hint">
        Print it from the app once its topology is built, e.g. <code>System.out.println(topology.describe())</code>, and paste all of it,
        from <code>Topologies:</code> on. The console shows the topics it writes and checks it against what the broker reports.
      </p>
      <mat-form-field appearance="outline" class="field">
        <mat-label>Topology#describe() output</mat-label>
        <textarea
          matInput
          class="text"
          rows="16"
          spellcheck="false"
          [ngModel]="text()"
          (ngModelChange)="text.set($event)"
          cdkFocusInitial></textarea>
      </mat-form-field>
      @if (saving.error(); as error) {
        <p class="error" role="alert">{{ error.message }}</p>
      }
    </mat-dialog-content>
    @if (saving.isBusy()) {
      <mat-progress-bar mode="indeterminate" aria-label="Saving the description" />
    }
    <mat-dialog-actions align="end">
      <button mat-button mat-dialog-close>Cancel</button>
      <button mat-flat-button [disabled]="!canSave()" (click)="save()">Save</button>
    </mat-dialog-actions>
  `,
  styles: `
    .hint {
      margin-top: 0;
      line-height: 1.5;
    }
    .field {
      width: 100%;
    }
    .text {
      font:
        12px/1.5 ui-monospace,
        'Roboto Mono',
        monospace;
      white-space: pre-wrap;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class TopologyDescriptionDialog {
  private readonly data = inject<TopologyDescriptionData>(MAT_DIALOG_DATA);
  private readonly dialog = inject<MatDialogRef<TopologyDescriptionDialog, StreamsAppDetail>>(MatDialogRef);
  private readonly streams = inject(StreamsService);
  /** The dialog's one change: a refused text is shown here, with the dialog still open. */
  protected readonly saving = changeRunner();

  protected readonly title = this.data.text ? "Replace the app's description" : "Add the app's description";
  protected readonly text = signal(this.data.text ?? '');
  protected readonly canSave = computed(() => this.text().trim().length > 0 && !this.saving.isBusy());

  /** Gives the text as pasted; the server checks it and answers the app with its sinks. */
  protected save(): void {
    const text = this.text();
    this.saving.run({
      call: () => this.streams.describeTopology(this.data.cluster, this.data.applicationId, text),
      then: (app) => this.dialog.close(app),
    });
  }
}
