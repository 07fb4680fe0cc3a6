import { ChangeDetectionStrategy, Component, computed, input, model, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { topicCreationOf } from './connector-topic-rules';
import type { MissingTopicsNotice, TopicCreationDraft } from './connector.model';

/**
 * The warning that a connector's topics do not exist, shown before it is saved, with the two
 * ways out: create them first (partitions and replication chosen here, blank for the
 * broker's defaults), or let Connect create them (`topic.creation.default.*`, KIP-158).
 */
@Component({
  selector: 'kpc-connector-missing-topics',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatIconModule, MatInputModule],
  template: `
    <section class="missing" role="alert" aria-label="Missing topics">
      <mat-icon class="icon">warning</mat-icon>
      <div class="body">
        <p class="message">{{ notice().message }}</p>
        <mat-checkbox [checked]="isCreating()" [disabled]="isBusy()" (change)="chooseCreating($event.checked)">
          Create {{ them() }} first
        </mat-checkbox>
        @if (choice(); as draft) {
          <div class="fields">
            <mat-form-field appearance="outline" subscriptSizing="dynamic" floatLabel="always">
              <mat-label>Partitions</mat-label>
              <input
                matInput
                type="number"
                min="1"
                placeholder="broker default"
                aria-label="Partitions"
                [value]="draft.partitions"
                (input)="change('partitions', $event)" />
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic" floatLabel="always">
              <mat-label>Replication factor</mat-label>
              <input
                matInput
                type="number"
                min="1"
                placeholder="broker default"
                aria-label="Replication factor"
                [value]="draft.replicationFactor"
                (input)="change('replicationFactor', $event)" />
            </mat-form-field>
          </div>
          @if (problem(); as problem) {
            <p class="problem">{{ problem }}</p>
          }
        }
        @if (notice().canLetConnectCreate) {
          <button mat-stroked-button [disabled]="isBusy()" (click)="letConnectCreate.emit()">
            <mat-icon>auto_fix_high</mat-icon> Let Connect create {{ them() }} (topic.creation.default.*)
          </button>
        }
      </div>
    </section>
  `,
  styles: `
    .missing {
      display: flex;
      gap: 12px;
      padding: 12px 16px;
      border-radius: 8px;
      border: 1px solid var(--kpc-warn);
      background: color-mix(in srgb, var(--kpc-warn) 10%, transparent);
    }
    .icon {
      color: var(--kpc-warn);
    }
    .body {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 8px;
    }
    .message {
      margin: 0;
      font-weight: 500;
    }
    .fields {
      display: flex;
      gap: 12px;
    }
    .fields mat-form-field {
      width: 180px;
    }
    .problem {
      margin: 0;
      color: var(--mat-sys-error);
    }
  `,
})
export class ConnectorMissingTopics {
  readonly notice = input.required<MissingTopicsNotice>();
  readonly isBusy = input(false);
  /** The operator's choice to create the topics first; undefined: not chosen. */
  readonly choice = model<TopicCreationDraft | undefined>(undefined);
  /** Asks to add `topic.creation.default.*` to the config instead. */
  readonly letConnectCreate = output<void>();

  protected readonly isCreating = computed(() => !!this.choice());
  protected readonly them = computed(() => (this.notice().missing.length > 1 ? 'them' : 'it'));
  protected readonly problem = computed(() => topicCreationOf(this.choice()).problem);

  protected chooseCreating(isCreating: boolean): void {
    this.choice.set(isCreating ? { partitions: '', replicationFactor: '' } : undefined);
  }

  protected change(field: keyof TopicCreationDraft, event: Event): void {
    const draft = this.choice();
    if (draft) this.choice.set({ ...draft, [field]: (event.target as HTMLInputElement).value });
  }
}
