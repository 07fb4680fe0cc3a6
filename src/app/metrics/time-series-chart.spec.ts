import { Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { waitFor } from '../shared/spec-waits';
import { TIMES } from './metrics.builders';
import type { ChartSeries } from './metrics.model';
import { NO_SAMPLES, TimeSeriesChart } from './time-series-chart';

@Component({
  imports: [TimeSeriesChart],
  template: `@if (shows()) {
    <kpc-time-series-chart title="Records in" unit="records/s" [time]="time()" [series]="series()" />
  }`,
})
class Host {
  readonly shows = signal(true);
  readonly time = signal<readonly number[]>(TIMES);
  readonly series = signal<readonly ChartSeries[]>([{ label: 'shop.orders.events', values: [100, 110, null, 120] }]);
}

describe('TimeSeriesChart', () => {
  let fixture: ComponentFixture<Host>;

  beforeEach(() => {
    fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
  });

  const element = () => fixture.nativeElement as HTMLElement;
  const plot = () => element().querySelector('.uplot');
  const legend = () => element().querySelector('.u-legend')?.textContent ?? '';

  describe('with samples', () => {
    beforeEach(() => waitFor(() => !!plot()));

    it('draws a plot with a canvas', () => expect(plot()?.querySelector('canvas')).not.toBeNull());

    it('titles the chart and names the unit', () => {
      expect(element().querySelector('figcaption')?.textContent).toContain('Records in');
      expect(element().querySelector('figcaption')?.textContent).toContain('records/s');
    });

    it('names each line in the legend with its latest value', () => {
      expect(legend()).toContain('shop.orders.events');
      expect(legend()).toContain('120/s');
    });

    describe('when new values arrive', () => {
      it('draws them into the same plot', async () => {
        const drawn = plot();

        fixture.componentInstance.series.set([{ label: 'shop.orders.events', values: [110, null, 120, 2_500] }]);
        fixture.detectChanges();
        await waitFor(() => legend().includes('2.5K/s'));

        expect(plot()).toBe(drawn);
      });
    });

    describe('when the lines change', () => {
      it('draws a new plot', async () => {
        const drawn = plot();

        fixture.componentInstance.series.set([
          { label: 'broker-1', values: [1, 2, 3, 4] },
          { label: 'broker-2', values: [4, 3, 2, 1] },
        ]);
        fixture.detectChanges();
        await waitFor(() => legend().includes('broker-2'));

        expect(plot()).not.toBe(drawn);
        expect(element().querySelectorAll('.uplot').length).toBe(1);
      });
    });

    describe('when it goes', () => {
      it('takes the plot away', () => {
        const container = element().querySelector('.kpc-chart-plot')!;

        fixture.componentInstance.shows.set(false);
        fixture.detectChanges();

        expect(container.querySelector('.uplot')).toBeNull();
      });
    });
  });

  describe('without samples', () => {
    beforeEach(() => {
      fixture.componentInstance.series.set([{ label: 'shop.orders.events', values: [null, null, null, null] }]);
      fixture.detectChanges();
    });

    it('says when the first will come', () => expect(element().textContent).toContain(NO_SAMPLES));

    it('draws no plot', async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      fixture.detectChanges();

      expect(plot()).toBeNull();
    });
  });
});
