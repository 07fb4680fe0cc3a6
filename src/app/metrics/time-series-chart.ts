import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
  ViewEncapsulation,
} from '@angular/core';
import type uPlot from 'uplot';
import { chartData, chartOptions } from './chart-options';
import { themeColours } from './chart-theme';
import type { ChartSeries, ChartUnit } from './metrics.model';

/** What an empty chart says before the sampler's first answer. */
export const NO_SAMPLES = 'No samples yet — the first arrives within 15 s';

/** uPlot, fetched with the first chart: pages without charts never load it. */
let library: Promise<typeof uPlot> | undefined;
const loadUplot = () => (library ??= import('uplot').then((module) => module.default));

/**
 * Numbers over time in one unit, one line per series, drawn by uPlot: the axis names the unit,
 * the legend the lines with their latest values, gaps show where nothing was measured. New data
 * is drawn into the same plot, so live updates do not flicker; it follows its container's width.
 */
@Component({
  selector: 'kpc-time-series-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // uPlot builds its own DOM: its stylesheet and ours must reach it unscoped.
  encapsulation: ViewEncapsulation.None,
  template: `
    <figure class="kpc-chart">
      <figcaption>
        <span class="kpc-chart-title">{{ title() }}</span> <span class="kpc-chart-unit">{{ unit() }}</span>
      </figcaption>
      @if (isEmpty()) {
        <p class="kpc-chart-empty" [style.height.px]="height()">{{ emptyText() }}</p>
      }
      <div #plot class="kpc-chart-plot" [hidden]="isEmpty()"></div>
    </figure>
  `,
  styleUrl: './time-series-chart.scss',
})
export class TimeSeriesChart {
  readonly title = input.required<string>();
  readonly unit = input.required<ChartUnit>();
  /** Epoch ms of each point. */
  readonly time = input.required<readonly number[]>();
  readonly series = input.required<readonly ChartSeries[]>();
  /** Height of the plot with its axes, legend apart. */
  readonly height = input(200);
  readonly emptyText = input(NO_SAMPLES);

  protected readonly isEmpty = computed(
    () => this.time().length === 0 || !this.series().some((line) => line.values.some((value) => value !== null)),
  );
  private readonly container = viewChild.required<ElementRef<HTMLElement>>('plot');
  private readonly uplot = signal<typeof uPlot | undefined>(undefined);
  private plot: uPlot | undefined;
  /** The unit and lines the plot was made for: other ones need a new plot, new values do not. */
  private shape = '';

  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    let isDestroyed = false;
    void loadUplot().then((loaded) => !isDestroyed && this.uplot.set(loaded));
    const resizes = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry?.contentRect.width ?? 0);
      if (this.plot && width > 0 && width !== this.plot.width) this.plot.setSize({ width, height: this.height() });
    });

    afterRenderEffect(() => {
      const loaded = this.uplot();
      const container = this.container().nativeElement;
      if (!loaded) return;
      if (this.isEmpty()) return this.destroyPlot();
      const data = chartData(this.time(), this.series());
      const labels = this.series().map((line) => line.label);
      const shape = JSON.stringify([this.unit(), this.height(), labels]);
      if (this.plot && shape === this.shape) return this.plot.setData(data);
      this.destroyPlot();
      const width = container.clientWidth || host.clientWidth;
      const options = chartOptions(loaded, { unit: this.unit(), labels, width, height: this.height(), colours: themeColours(host) });
      this.plot = new loaded(options, data, container);
      this.shape = shape;
      resizes.observe(container);
    });

    inject(DestroyRef).onDestroy(() => {
      isDestroyed = true;
      resizes.disconnect();
      this.destroyPlot();
    });
  }

  private destroyPlot(): void {
    this.plot?.destroy();
    this.plot = undefined;
    this.shape = '';
  }
}
