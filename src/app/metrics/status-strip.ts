import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { LagStatus } from './metrics.model';
import { statusBands } from './metrics-rules';

const TIME = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const STATUSES: readonly LagStatus[] = ['OK', 'WARN', 'STALL', 'STOP', 'REWIND', 'ERR'];

/** A group's lag status over time as coloured bands, with a key to the colours it uses. */
@Component({
  selector: 'kpc-status-strip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatTooltipModule],
  templateUrl: './status-strip.html',
  styleUrl: './status-strip.scss',
})
export class StatusStrip {
  /** Epoch ms of each sample. */
  readonly time = input.required<readonly number[]>();
  readonly status = input.required<readonly (LagStatus | null)[]>();

  protected readonly bands = computed(() =>
    statusBands(this.time(), this.status()).map((band) => {
      const name = band.status ?? 'not sampled';
      return { ...band, colour: `status-${band.status ?? 'none'}`, label: `${name}: ${TIME.format(band.from)} – ${TIME.format(band.to)}` };
    }),
  );
  protected readonly start = computed(() => this.bands()[0]?.from);
  protected readonly end = computed(() => this.bands().at(-1)?.to);
  /** The statuses the strip shows, in order of severity, for the key. */
  protected readonly shown = computed(() => STATUSES.filter((status) => this.status().includes(status)));
  protected readonly summary = computed(() =>
    this.bands()
      .map((band) => band.label)
      .join('; '),
  );
  protected readonly isEmpty = computed(() => this.shown().length === 0);
}
