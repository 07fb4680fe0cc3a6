import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { changeRunner } from '../shared/change-runner';
import type { PartitionsIncreased } from './topic.model';
import { TopicsService } from './topics.service';

/** The topic to grow. */
export interface AddPartitionsData {
  cluster: string;
  topic: string;
  partitions: number;
}

/**
 * Adds partitions, warning first: keys hash to the new count, so per-key order breaks and the
 * topic is no longer co-partitioned with the topics it is joined with. Closes with whether it
 * changed anything.
 */
@Component({
  selector: 'kpc-add-partitions-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule],
  template: `
    <h2 mat-dialog-title>Add partitions to {{ data.topic }}</h2>
    <mat-dialog-content>
      @if (result(); as result) {
        <p class="done" role="status">
          <mat-icon inline>check_circle</mat-icon> {{ data.topic }} now has {{ result.partitions }} partitions.
        </p>
        <p class="warning" role="alert"><mat-icon inline>warning</mat-icon> {{ result.warning }}</p>
      } @else {
        <p class="warning">
          <mat-icon inline>warning</mat-icon>
          Kafka can only add partitions, never remove them. Records of an existing key may then land on another partition than its older
          ones: per-key order breaks, and Kafka Streams joins with topics that keep
          {{ data.partitions }} partitions stop matching (they are no longer co-partitioned). Resize the joined topics too.
        </p>
        <mat-form-field appearance="outline">
          <mat-label>New partition count</mat-label>
          <input
            matInput
            type="number"
            [min]="data.partitions + 1"
            [ngModel]="count()"
            (ngModelChange)="count.set($event)"
            cdkFocusInitial />
          <mat-hint>Now {{ data.partitions }}</mat-hint>
        </mat-form-field>
        @if (increase.error(); as error) {
          <p class="error" role="alert">{{ error.message }}</p>
        }
      }
    </mat-dialog-content>
    @if (increase.isBusy()) {
      <mat-progress-bar mode="indeterminate" aria-label="Adding partitions" />
    }
    <mat-dialog-actions align="end">
      @if (result()) {
        <button mat-flat-button [mat-dialog-close]="true">Close</button>
      } @else {
        <button mat-button mat-dialog-close>Cancel</button>
        <button mat-flat-button class="destructive" (click)="increasePartitions()" [disabled]="!canIncrease()">
          {{ increaseLabel() }}
        </button>
      }
    </mat-dialog-actions>
  `,
  styles: `
    .warning {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      padding: 12px;
      border-radius: 8px;
      line-height: 1.4;
      background: color-mix(in srgb, var(--kpc-warn) 12%, transparent);
      color: var(--mat-sys-on-surface);
    }
    .warning mat-icon {
      color: var(--kpc-warn);
      flex: none;
    }
    .done {
      color: var(--kpc-ok);
      display: flex;
      gap: 6px;
      align-items: center;
      font-weight: 500;
    }
    .error {
      color: var(--mat-sys-error);
    }
    .destructive:not(:disabled) {
      background: var(--kpc-warn);
      color: white;
    }
  `,
})
export class AddPartitionsDialog {
  protected readonly data = inject<AddPartitionsData>(MAT_DIALOG_DATA);
  private readonly topics = inject(TopicsService);

  protected readonly count = signal(this.data.partitions + 1);
  protected readonly added = computed(() => Math.max(0, Number(this.count()) - this.data.partitions));
  protected readonly increaseLabel = computed(() => `Add ${this.added()} ${this.added() === 1 ? 'partition' : 'partitions'}`);
  /** The dialog's one change; the dialog itself shows what it did, with the server's warning. */
  protected readonly increase = changeRunner();
  protected readonly result = signal<PartitionsIncreased | undefined>(undefined);
  protected readonly canIncrease = computed(() => this.added() > 0 && Number.isInteger(Number(this.count())) && !this.increase.isBusy());

  /** Asks the server; it checks the count again and answers with its own warning. */
  protected increasePartitions(): void {
    const count = Number(this.count());
    this.increase.run({
      call: () => this.topics.increasePartitions(this.data.cluster, this.data.topic, count),
      then: (result) => this.result.set(result),
    });
  }
}
