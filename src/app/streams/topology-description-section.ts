import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { StreamsTopologyDescription } from './streams.model';

/**
 * The app's own `Topology#describe()` output, if one was given: when, whether it matches what
 * the broker reports (or where it does not), and the text itself. Without one, says what it
 * would add. Only shows: the page opens the dialog and asks before removing.
 */
@Component({
  selector: 'kpc-topology-description-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, MatExpansionModule, MatIconModule, MatTooltipModule],
  templateUrl: './topology-description-section.html',
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .explanation {
      margin: 0;
      max-width: 80ch;
      line-height: 1.5;
      color: var(--mat-sys-on-surface-variant);
    }
    .given {
      display: flex;
      gap: 16px;
      align-items: center;
      flex-wrap: wrap;
    }
    .spacer {
      flex: 1;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
    .matches {
      display: inline-flex;
      gap: 4px;
      align-items: center;
      padding: 2px 10px;
      border-radius: 12px;
      font-size: 12px;
      font-weight: 500;
      background: #dff3e4;
      color: var(--kpc-ok);
    }
    .differences {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      padding: 12px;
      border-radius: 8px;
      line-height: 1.4;
      background: color-mix(in srgb, var(--kpc-warn) 12%, transparent);
      color: var(--mat-sys-on-surface);
    }
    .differences mat-icon {
      color: var(--kpc-warn);
      flex: none;
    }
    .differences ul {
      margin: 4px 0 0;
      padding-left: 20px;
    }
    .text {
      margin: 0;
      font:
        12px/1.5 ui-monospace,
        'Roboto Mono',
        monospace;
      white-space: pre-wrap;
      word-break: break-word;
    }
  `,
})
export class TopologyDescriptionSection {
  /** The description given, or null when none was. */
  readonly description = input.required<StreamsTopologyDescription | null>();
  /** Why the user may not give, replace or remove it; undefined when they may. */
  readonly whyNotChange = input<string>();
  /** The operator wants to give a description, or to replace the one given. */
  readonly describe = output<void>();
  /** The operator wants the description forgotten. */
  readonly remove = output<void>();

  protected readonly differences = computed(() => this.description()?.differences ?? []);
}
