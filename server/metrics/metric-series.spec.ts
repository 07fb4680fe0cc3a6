import { MetricSeries, tiersFor } from './metric-series';

const MINUTE = 60_000;

describe('MetricSeries', () => {
  const values = (entries: Record<string, number>) => new Map(Object.entries(entries));

  describe('add and window', () => {
    it('keeps what a sample does not name at its last value', () => {
      const series = new MetricSeries(tiersFor(15_000));
      series.add(0, values({ a: 1, b: 5 }));
      series.add(15_000, values({ a: 2 }));
      const window = series.window(MINUTE, 30_000);
      expect(window.time).toEqual([0, 15_000]);
      expect(window.values('a')).toEqual([1, 2]);
      expect(window.values('b')).toEqual([5, 5]);
    });

    it('ends a series given NaN, and answers null where it had no value', () => {
      const series = new MetricSeries(tiersFor(15_000));
      series.add(0, values({ a: 1 }));
      series.add(15_000, values({ a: NaN, b: 3 }));
      const window = series.window(MINUTE, 30_000);
      expect(window.values('a')).toEqual([1, null]);
      expect(window.values('b')).toEqual([null, 3]);
    });

    it('averages a coarser step over the samples in it, each value held until the next', () => {
      const series = new MetricSeries(tiersFor(15_000));
      // Five minutes: 10 for the first fifteen samples, 30 for the last five; then the next step closes it.
      series.add(0, values({ rate: 10 }));
      for (let time = 15_000; time < 5 * MINUTE; time += 15_000) series.add(time, time === 225_000 ? values({ rate: 30 }) : new Map());
      for (let time = 5 * MINUTE; time <= 2 * 3_600_000; time += 15_000) series.add(time, new Map());
      const window = series.window(2 * 3_600_000, 2 * 3_600_000, 10_000);
      expect(window.values('rate')[0]).toBe(15);
    });

    it('averages down to the points asked for', () => {
      const series = new MetricSeries(tiersFor(15_000));
      for (let index = 0; index < 8; index++) series.add(index * 15_000, values({ a: index }));
      expect(series.window(3_600_000, 8 * 15_000, 4).values('a')).toEqual([0.5, 2.5, 4.5, 6.5]);
    });
  });

  describe('a series kept by its worst', () => {
    it('shows the worst sample of a coarser step, and of points averaged down', () => {
      const series = new MetricSeries(tiersFor(15_000), (name) => name === 'status');
      series.add(0, values({ status: 0 }));
      series.add(15_000, values({ status: 3 }));
      for (let time = 30_000; time <= 2 * 3_600_000; time += 15_000) series.add(time, values({ status: 0 }));

      expect(series.window(2 * 3_600_000, 2 * 3_600_000, 10_000).values('status')[0]).toBe(3);
    });

    it('shows the worst of the points a window averages down', () => {
      const series = new MetricSeries(tiersFor(15_000), (name) => name === 'status');
      [0, 3, 0, 0].forEach((status, index) => series.add(index * 15_000, values({ status })));

      expect(series.window(3_600_000, 60_000, 2).values('status')).toEqual([3, 0]);
    });
  });

  describe('addPoint', () => {
    it('fills one tier only, for the ranges it serves', () => {
      const series = new MetricSeries(tiersFor(15_000));
      series.addPoint(2, 0, values({ a: 4 }));
      series.addPoint(2, 30 * MINUTE, values({ a: 6 }));
      expect(series.window(7 * 24 * 3_600_000, 40 * MINUTE).values('a')).toEqual([4, 6]);
      expect(series.window(MINUTE * 30, 40 * MINUTE).values('a')).toEqual([]);
    });
  });

  describe('current', () => {
    it('gives every series value now', () => {
      const series = new MetricSeries(tiersFor(1_000));
      series.add(0, values({ a: 1, b: 2 }));
      series.add(1_000, values({ b: NaN }));
      expect([...series.current()]).toEqual([['a', 1]]);
    });
  });
});
