import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormBuilder, ReactiveFormsModule, Validators, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { map } from 'rxjs';
import { changeRunner } from '../shared/change-runner';
import { topicNameProblem } from './topic-rules';
import { TopicsService } from './topics.service';

/** What the create dialog needs to know. */
export interface CreateTopicData {
  cluster: string;
}

/**
 * Creates a topic. The form checks what the browser can (name, counts); what only Kafka knows
 * (a taken name, too few brokers, a bad config value) comes back from the server and is shown
 * here, with the dialog still open. Closes with the new topic's name.
 */
@Component({
  selector: 'kpc-create-topic-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, ReactiveFormsModule],
  template: `
    <h2 mat-dialog-title>Create topic</h2>
    <form [formGroup]="form" (ngSubmit)="create()">
      <mat-dialog-content>
        <mat-form-field appearance="outline" class="wide">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" autocomplete="off" cdkFocusInitial placeholder="shop.orders.events" />
          <mat-hint>Letters, digits, ".", "_" and "-"; up to 249 characters</mat-hint>
          @if (nameProblem(); as problem) {
            <mat-error>{{ problem }}</mat-error>
          }
        </mat-form-field>
        <div class="counts">
          <mat-form-field appearance="outline">
            <mat-label>Partitions</mat-label>
            <input matInput type="number" formControlName="partitions" min="1" />
            <mat-error>At least 1 whole partition</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Replication factor</mat-label>
            <input matInput type="number" formControlName="replicationFactor" min="1" />
            <mat-error>At least 1, at most the number of brokers</mat-error>
          </mat-form-field>
        </div>
        <h3>Configs</h3>
        @for (row of configs.controls; track row; let index = $index) {
          <div class="config" [formGroup]="row">
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Config</mat-label>
              <input matInput formControlName="key" placeholder="retention.ms" autocomplete="off" />
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Value</mat-label>
              <input matInput formControlName="value" placeholder="-1" autocomplete="off" />
            </mat-form-field>
            <button mat-icon-button type="button" (click)="removeConfig(index)" aria-label="Remove config">
              <mat-icon>delete</mat-icon>
            </button>
          </div>
        }
        <button mat-button type="button" (click)="addConfig()"><mat-icon>add</mat-icon> Add config</button>
        @if (creation.error(); as error) {
          <p class="error" role="alert">{{ error.message }}</p>
        }
      </mat-dialog-content>
      @if (creation.isBusy()) {
        <mat-progress-bar mode="indeterminate" aria-label="Creating" />
      }
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="creation.isBusy()">Create</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .wide {
      width: 100%;
    }
    .counts {
      display: flex;
      gap: 16px;
      margin-top: 8px;
    }
    .counts mat-form-field {
      flex: 1;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 0 0 8px;
    }
    .config {
      display: grid;
      grid-template-columns: 1fr 1fr auto;
      gap: 8px;
      align-items: center;
      margin-bottom: 8px;
    }
    .error {
      color: var(--mat-sys-error);
      margin: 8px 0 0;
    }
  `,
})
export class CreateTopicDialog {
  private readonly data = inject<CreateTopicData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<CreateTopicDialog, string>>(MatDialogRef);
  private readonly topics = inject(TopicsService);
  private readonly formBuilder = inject(FormBuilder).nonNullable;

  protected readonly form = this.formBuilder.group({
    name: ['', [checkName]],
    partitions: [1, [Validators.required, Validators.min(1), Validators.pattern(/^\d+$/)]],
    replicationFactor: [1, [Validators.required, Validators.min(1), Validators.pattern(/^\d+$/)]],
    configs: this.formBuilder.array<ReturnType<CreateTopicDialog['configRow']>>([]),
  });
  protected readonly configs: FormArray<ReturnType<CreateTopicDialog['configRow']>> = this.form.controls.configs;
  /** Why the typed name would be refused, as its validator found. */
  protected readonly nameProblem = toSignal(
    this.form.controls.name.statusChanges.pipe(map(() => this.form.controls.name.getError('topicName') as string | null)),
    { initialValue: this.form.controls.name.getError('topicName') as string | null },
  );
  /** The dialog's one change; its failure stays in the dialog, under the form. */
  protected readonly creation = changeRunner();

  protected addConfig(): void {
    this.configs.push(this.configRow());
  }

  protected removeConfig(index: number): void {
    this.configs.removeAt(index);
  }

  /** Sends the topic; on failure the server's words stay in the dialog. */
  protected create(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const { name, partitions, replicationFactor, configs } = this.form.getRawValue();
    const entries = configs.filter((row) => row.key.trim()).map((row): [string, string] => [row.key.trim(), row.value]);
    const topic = {
      name,
      partitions: Number(partitions),
      replicationFactor: Number(replicationFactor),
      configs: Object.fromEntries(entries),
    };
    // No success message: the page opens the new topic, which says it all.
    this.creation.run({
      call: () => this.topics.create(this.data.cluster, topic),
      then: () => this.dialogRef.close(name),
    });
  }

  private configRow() {
    return this.formBuilder.group({ key: [''], value: [''] });
  }
}

function checkName(control: AbstractControl<string>): ValidationErrors | null {
  const problem = topicNameProblem(control.value);
  return problem ? { topicName: problem } : null;
}
