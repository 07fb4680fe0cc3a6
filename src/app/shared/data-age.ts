import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';

/** When the data in sight was read from the cluster, and why it is no newer when an update failed. */
@Component({
  selector: 'kpc-data-age',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatIconModule, MatTooltipModule],
  template: `
    @if (asOf(); as asOf) {
      <time [attr.datetime]="asOf" [title]="'Read from the cluster at ' + (asOf | date: 'medium')"
        >as of {{ asOf | date: 'HH:mm:ss' }}</time
      >
    }
    @if (hasFailed()) {
      <span class="failed" [matTooltip]="failure() ?? ''" data-testid="update-failed">
        <mat-icon inline>sync_problem</mat-icon> not updated
      </span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      font-variant-numeric: tabular-nums;
    }
    .failed {
      color: var(--kpc-warn);
    }
  `,
})
export class DataAge {
  /** When the data was read (ISO-8601); nothing shows until there is one. */
  readonly asOf = input<string>();
  /** Why the last background update failed, if it did. */
  readonly failure = input<string>();
  protected readonly hasFailed = computed(() => !!this.failure() && !!this.asOf());
}
