import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { configSourceLabel } from './topic-format';
import type { TopicConfigEntry } from './topic.model';

/** A config as a line of the table shows it. */
interface ConfigLine extends TopicConfigEntry {
  /** Whether this line is the one being edited. */
  isEditing: boolean;
  /** Whether the line offers Edit (and Reset): not read-only, not already being edited. */
  canEdit: boolean;
  /** Why the value cannot be changed here, shown on its lock; null when it can. */
  lockReason: string | null;
  valueText: string;
  sourceLabel: string;
}

/**
 * A topic's configs, overrides first, each editable in place. The page sends the change; this
 * table only keeps the value being typed.
 */
@Component({
  selector: 'kpc-config-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatTableModule,
    MatTooltipModule,
  ],
  templateUrl: './config-table.html',
  styleUrl: './config-table.scss',
})
export class ConfigTable {
  readonly configs = input.required<TopicConfigEntry[]>();
  /** The config being edited, if any. */
  readonly editing = input<string | null>(null);
  readonly isSaving = input(false);
  /** The server's answer to the last failed change of the edited config. */
  readonly error = input<string | null>(null);
  /** Why no config of this topic may be changed here (the console's own topics); null when they may. */
  readonly lockedReason = input<string | null>(null);
  readonly edit = output<string>();
  readonly cancelEdit = output<void>();
  readonly save = output<{ name: string; value: string }>();
  readonly resetToDefault = output<string>();

  protected readonly columns = ['name', 'value', 'source', 'actions'];
  protected readonly lines = computed(() =>
    this.configs().map((config): ConfigLine => {
      const isEditing = config.name === this.editing();
      const lockReason = config.isReadOnly ? 'Read-only: Kafka does not let this change at runtime' : this.lockedReason();
      return {
        ...config,
        isEditing,
        canEdit: lockReason === null && !isEditing,
        lockReason,
        valueText: config.value ?? '—',
        sourceLabel: configSourceLabel(config.source),
      };
    }),
  );
  // Keeps a line's elements when only its edit state changes, so the editor is not rebuilt.
  protected readonly trackByName = (_: number, line: ConfigLine) => line.name;
  /** The value being typed, starting from the current one whenever another config is edited. */
  protected readonly draft = linkedSignal(() => this.configs().find((config) => config.name === this.editing())?.value ?? '');

  protected saveDraft(name: string): void {
    this.save.emit({ name, value: this.draft() });
  }
}
