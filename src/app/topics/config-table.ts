import { ChangeDetectionStrategy, Component, input, linkedSignal, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { TopicConfigEntry } from './topic.model';

/** Words for where a config's value comes from. */
const SOURCE_LABELS: Record<TopicConfigEntry['source'], string> = {
  'dynamic-topic': 'topic',
  'dynamic-broker': 'broker',
  'dynamic-default-broker': 'cluster default',
  'static-broker': 'broker file',
  default: 'default',
  unknown: 'unknown',
};

/**
 * A topic's configs, overrides first, each editable in place. The page sends the change; this
 * table only keeps the value being typed.
 */
@Component({
  selector: 'kpc-config-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatChipsModule, MatFormFieldModule, MatIconModule, MatInputModule, MatTableModule, MatTooltipModule],
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
  readonly edit = output<string>();
  readonly cancel = output<void>();
  readonly save = output<{ name: string; value: string }>();
  readonly resetToDefault = output<string>();

  protected readonly columns = ['name', 'value', 'source', 'actions'];
  /** The value being typed, starting from the current one whenever another config is edited. */
  protected readonly draft = linkedSignal(() => this.configs().find((config) => config.name === this.editing())?.value ?? '');

  protected sourceLabel(config: TopicConfigEntry): string {
    return SOURCE_LABELS[config.source];
  }

  protected saveDraft(name: string): void {
    this.save.emit({ name, value: this.draft() });
  }
}
