import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { changeRunner } from '../shared/change-runner';
import type { CopartitionGroup } from './copartition.model';
import { CopartitionService } from './copartition.service';

export interface DeclareGroupData {
  cluster: string;
  /** The group to edit; none to declare a new one. */
  group?: CopartitionGroup;
}

/** Declares (or edits) a group of topics that must be co-partitioned; closes with the saved group. */
@Component({
  selector: 'kpc-declare-group-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatChipsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
  ],
  templateUrl: './declare-group-dialog.html',
  styles: `
    .field {
      width: 100%;
    }
    .error {
      color: var(--kpc-error);
    }
  `,
})
export class DeclareGroupDialog {
  private readonly data = inject<DeclareGroupData>(MAT_DIALOG_DATA);
  private readonly dialog = inject<MatDialogRef<DeclareGroupDialog, CopartitionGroup>>(MatDialogRef);
  private readonly copartition = inject(CopartitionService);
  protected readonly saving = changeRunner();

  protected readonly isEdit = !!this.data.group;
  protected readonly title = this.isEdit ? 'Edit co-partition group' : 'Declare a co-partition group';
  protected readonly saveLabel = this.isEdit ? 'Save' : 'Declare';
  protected readonly name = signal(this.data.group?.name ?? '');
  protected readonly topics = signal<string[]>(this.data.group?.topics ?? []);
  protected readonly typed = signal('');

  private readonly allTopics = rxResource({ stream: () => this.copartition.topicNames(this.data.cluster) });
  protected readonly suggestions = computed(() => {
    const typed = this.typed().toLowerCase();
    const names = this.allTopics.hasValue() ? this.allTopics.value() : [];
    return names.filter((name) => !this.topics().includes(name) && name.toLowerCase().includes(typed)).slice(0, 50);
  });
  protected readonly canSave = computed(() => this.name().trim().length > 0 && this.topics().length >= 2 && !this.saving.isBusy());

  protected addTopic(topic: string): void {
    if (topic && !this.topics().includes(topic)) this.topics.update((topics) => [...topics, topic]);
    this.typed.set('');
  }

  protected removeTopic(topic: string): void {
    this.topics.update((topics) => topics.filter((t) => t !== topic));
  }

  protected save(): void {
    const name = this.name().trim();
    this.saving.run({
      call: () => this.copartition.declare(this.data.cluster, name, this.topics()),
      success: this.isEdit ? `Saved ${name}` : `Declared ${name}`,
      then: (group) => this.dialog.close(group),
    });
  }
}
