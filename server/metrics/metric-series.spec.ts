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
      // One minute: 10 for the first three samples, 30 for the fourth; then the next minute closes it.
      series.add(0, values({ rate: 10 }));
      series.add(15_000, new Map());
      series.add(30_000, new Map());
      series.add(45_000, values({ rate: 30 }));
      for (let time = 60_000; time <= 2 * 3_600_000; time += 15_000) series.add(time, new Map());
      const window = series.window(2 * 3_600_000, 2 * 3_600_000, 10_000);
      expect(window.values('rate')[0]).toBe(15);
    });

    it('averages down to the points asked for', () => {
      const series = new MetricSeries(tiersFor(15_000));
      for (let index = 0; index < 8; index++) series.add(index * 15_000, values({ a: index }));
      expect(series.window(3_600_000, 8 * 15_000, 4).values('a')).toEqual([0.5, 2.5, 4.5, 6.5]);
    });
  });

  describe('addCoarse', () => {
    it('fills the coarsest tier only, for ranges beyond the finer ones', () => {
      const series = new MetricSeries(tiersFor(15_000));
      series.addCoarse(0, values({ a: 4 }));
      series.addCoarse(10 * MINUTE, values({ a: 6 }));
      expect(series.window(7 * 24 * 3_600_000, 20 * MINUTE).values('a')).toEqual([4, 6]);
      expect(series.window(MINUTE * 30, 20 * MINUTE).values('a')).toEqual([]);
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
