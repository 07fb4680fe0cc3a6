import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTooltipModule } from '@angular/material/tooltip';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { parseOffsets } from './connector-rules';
import type { ConnectorOffsets, SourceOffset } from './connector.model';

/**
 * A connector's offsets (KIP-875) and an editor for new ones. For a source they are the
 * connector's own maps (a file position, a database row id); for a sink, the topic partition
 * and offset its consumer group resumes from.
 */
@Component({
  selector: 'kpc-connector-offsets-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, MatTableModule, MatTooltipModule],
  templateUrl: './connector-offsets-view.html',
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    table {
      width: 100%;
    }
    code {
      font-size: 12px;
      word-break: break-all;
    }
    .muted,
    .explain {
      color: var(--mat-sys-on-surface-variant);
      margin: 0;
    }
    .json {
      width: 100%;
      box-sizing: border-box;
      min-height: 220px;
      font: 13px/1.5 monospace;
      padding: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      background: var(--mat-sys-surface);
    }
    .problem {
      color: var(--mat-sys-error);
      margin: 0;
    }
    .actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    h3 {
      margin: 8px 0 0;
      font: var(--mat-sys-title-small);
    }
  `,
})
export class ConnectorOffsetsView {
  readonly offsets = input.required<ConnectorOffsets>();
  /** Whether a change is being applied. */
  readonly isBusy = input(false);
  /** Why the user may not change the offsets; undefined when they may. */
  readonly whyNotChange = input<string>();
  /** Asks to start over from the beginning. */
  readonly startOver = output<void>();
  /** Asks to continue from these offsets. */
  readonly alter = output<SourceOffset[]>();

  protected readonly columns = ['partition', 'offset'];
  protected readonly rows = computed(() =>
    this.offsets().offsets.map((entry) => ({
      partition: JSON.stringify(entry.partition),
      offset: entry.offset ? JSON.stringify(entry.offset) : 'none (starts over)',
    })),
  );
  protected readonly isEmpty = computed(() => this.rows().length === 0);
  protected readonly partitionHeader = computed(() => (this.offsets().type === 'sink' ? 'Topic partition' : 'Source partition'));
  protected readonly draft = linkedSignal(() => JSON.stringify(this.offsets().offsets, null, 2));
  protected readonly parsed = computed(() => parseOffsets(this.draft()));
  private readonly isEdited = computed(() => this.draft() !== JSON.stringify(this.offsets().offsets, null, 2));
  // Said only once the operator types: an empty list before that is simply nothing committed yet.
  protected readonly problem = computed(() => {
    const parsed = this.parsed();
    return this.isEdited() && 'problem' in parsed ? parsed.problem : undefined;
  });
  protected readonly canStartOver = computed(() => !this.isBusy() && !this.whyNotChange());
  protected readonly canAlter = computed(() => this.canStartOver() && 'offsets' in this.parsed());

  protected changeDraft(event: Event): void {
    this.draft.set((event.target as HTMLTextAreaElement).value);
  }

  protected applyDraft(): void {
    const parsed = this.parsed();
    if ('offsets' in parsed) this.alter.emit(parsed.offsets);
  }
}
