import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import type { FindingSeverity, FindingView } from './advisor.model';

const SEVERITY_ICONS: Record<FindingSeverity, string> = { critical: 'error', warning: 'warning', info: 'info' };

/**
 * One finding as an expansion panel: its title in the header; opened, the numbers behind it,
 * the fix with its config to copy, and why.
 */
@Component({
  selector: 'kpc-finding-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatExpansionModule, MatIconModule, MatTableModule],
  templateUrl: './finding-panel.html',
  styleUrl: './finding-panel.scss',
})
export class FindingPanel {
  readonly view = input.required<FindingView>();
  /** The operator asks to copy the fix's config. */
  readonly copyConfig = output<string>();

  protected readonly finding = computed(() => this.view().finding);
  protected readonly severityIcon = computed(() => SEVERITY_ICONS[this.finding().severity]);
  protected readonly severityClass = computed(() => `severity-${this.finding().severity}`);
  protected readonly hasEvidence = computed(() => this.finding().evidence.length > 0);
  protected readonly columns = ['label', 'value', 'source'];

  protected copy(): void {
    this.copyConfig.emit(this.finding().fix.config);
  }
}
