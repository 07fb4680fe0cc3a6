import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { rangeLabel } from './metrics-format';
import { METRICS_RANGES, type MetricsRange } from './metrics.model';

/** How far back the charts look: 15 min to 7 days. */
@Component({
  selector: 'kpc-range-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonToggleModule],
  template: `
    <mat-button-toggle-group
      hideSingleSelectionIndicator
      aria-label="Time range"
      [value]="range()"
      (change)="rangeChange.emit($event.value)">
      @for (option of options; track option.range) {
        <mat-button-toggle [value]="option.range">{{ option.label }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
  `,
  styles: `
    mat-button-toggle-group {
      --mat-button-toggle-height: 32px;
      font: var(--mat-sys-label-large);
    }
  `,
})
export class RangePicker {
  readonly range = input.required<MetricsRange>();
  readonly rangeChange = output<MetricsRange>();

  protected readonly options = METRICS_RANGES.map((range) => ({ range, label: rangeLabel(range) }));
}
