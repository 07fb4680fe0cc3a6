import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { changeRunner } from '../shared/change-runner';
import { isJson } from './message-format';
import type { ProducedMessage, ProduceRequest } from './topic.model';
import { TopicsService } from './topics.service';

/** The topic to write to. */
export interface ProduceMessageData {
  cluster: string;
  topic: string;
  partitions: number;
}

/**
 * Writes one record, and says where it landed. Stays open so the operator can write another;
 * closes with whether anything was written.
 */
@Component({
  selector: 'kpc-produce-message-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  template: `
    <h2 mat-dialog-title>Produce a message to {{ data.topic }}</h2>
    <form [formGroup]="form" (ngSubmit)="produce()">
      <mat-dialog-content>
        <div class="line">
          <mat-form-field appearance="outline" class="key">
            <mat-label>Key</mat-label>
            <input matInput formControlName="key" autocomplete="off" placeholder="order-1000" />
            <mat-hint>Empty: no key (null)</mat-hint>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Partition</mat-label>
            <mat-select formControlName="partition">
              <mat-option value="key">From the key</mat-option>
              @for (partition of partitionNumbers(); track partition) {
                <mat-option [value]="partition">{{ partition }}</mat-option>
              }
            </mat-select>
            <mat-hint>Key hash, as in Java</mat-hint>
          </mat-form-field>
        </div>
        <mat-form-field appearance="outline" class="wide">
          <mat-label>Value</mat-label>
          <textarea
            matInput
            formControlName="value"
            rows="8"
            class="code"
            placeholder='{"type": "OrderPlaced", "id": "order-1000"}'></textarea>
          <mat-hint>{{ valueHint() }}</mat-hint>
        </mat-form-field>
        <h3>Headers</h3>
        @for (row of form.controls.headers.controls; track row; let index = $index) {
          <div class="header" [formGroup]="row">
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Header</mat-label>
              <input matInput formControlName="key" autocomplete="off" />
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Value</mat-label>
              <input matInput formControlName="value" autocomplete="off" />
            </mat-form-field>
            <button mat-icon-button type="button" (click)="removeHeader(index)" aria-label="Remove header">
              <mat-icon>delete</mat-icon>
            </button>
          </div>
        }
        <button mat-button type="button" (click)="addHeader()"><mat-icon>add</mat-icon> Add header</button>
        @if (produced(); as produced) {
          <p class="done" role="status">
            <mat-icon inline>check_circle</mat-icon> Written to partition {{ produced.partition }} at offset {{ produced.offset }}
          </p>
        }
        @if (production.error(); as error) {
          <p class="error" role="alert">{{ error.message }}</p>
        }
      </mat-dialog-content>
      @if (production.isBusy()) {
        <mat-progress-bar mode="indeterminate" aria-label="Sending" />
      }
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="hasProduced()">Close</button>
        <button mat-flat-button type="submit" [disabled]="production.isBusy()">Produce</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .line {
      display: grid;
      grid-template-columns: 1fr 200px;
      gap: 16px;
    }
    .wide {
      width: 100%;
      margin-top: 8px;
    }
    .code {
      font-family: monospace;
      font-size: 13px;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 8px 0;
    }
    .header {
      display: grid;
      grid-template-columns: 1fr 1fr auto;
      gap: 8px;
      align-items: center;
      margin-bottom: 8px;
    }
    .done {
      color: var(--kpc-ok);
      display: flex;
      align-items: center;
      gap: 6px;
      margin: 8px 0 0;
      font-weight: 500;
    }
    .error {
      color: var(--mat-sys-error);
      margin: 8px 0 0;
    }
  `,
})
export class ProduceMessageDialog {
  protected readonly data = inject<ProduceMessageData>(MAT_DIALOG_DATA);
  private readonly topics = inject(TopicsService);
  private readonly formBuilder = inject(FormBuilder).nonNullable;

  protected readonly form = this.formBuilder.group({
    key: [''],
    value: [''],
    // mat-select shows no label for null, so "chosen from the key" is the word 'key' here.
    partition: this.formBuilder.control<number | 'key'>('key'),
    headers: this.formBuilder.array<ReturnType<ProduceMessageDialog['headerRow']>>([]),
  });
  protected readonly partitionNumbers = computed(() => Array.from({ length: this.data.partitions }, (_, index) => index));
  /** The dialog's one change; it stays open after success, so the operator can write another. */
  protected readonly production = changeRunner();
  /** Where the last record landed: the dialog shows it instead of a passing message. */
  protected readonly produced = signal<ProducedMessage | undefined>(undefined);
  /** Whether the last record was written, which the dialog closes with so the page reloads. */
  protected readonly hasProduced = computed(() => this.produced() !== undefined);
  private readonly value = toSignal(this.form.controls.value.valueChanges, { initialValue: '' });
  protected readonly valueHint = computed(() => {
    const value = this.value();
    if (!value.trim()) return 'JSON or any text, sent as UTF-8';
    return isJson(value) ? 'Valid JSON' : 'Not JSON: sent as plain text';
  });

  protected addHeader(): void {
    this.form.controls.headers.push(this.headerRow());
  }

  protected removeHeader(index: number): void {
    this.form.controls.headers.removeAt(index);
  }

  /** Sends the record as typed: an empty key is no key at all. */
  protected produce(): void {
    const { key, value, partition, headers } = this.form.getRawValue();
    const named = headers.filter((header) => header.key.trim());
    const record: ProduceRequest = {
      key: key === '' ? null : key,
      value,
      ...(named.length && { headers: Object.fromEntries(named.map((header) => [header.key.trim(), header.value])) }),
      ...(partition !== 'key' && { partition }),
    };
    this.production.run({
      call: () => {
        // Where the previous record landed no longer answers this one.
        this.produced.set(undefined);
        return this.topics.produce(this.data.cluster, this.data.topic, record);
      },
      then: (produced) => this.produced.set(produced),
    });
  }

  private headerRow() {
    return this.formBuilder.group({ key: [''], value: [''] });
  }
}
