import { OffsetTimeline } from './lag-time';

describe('OffsetTimeline', () => {
  describe('lagSeconds', () => {
    it('interpolates between the samples around the offset', () => {
      const timeline = new OffsetTimeline();
      timeline.add(0, 0);
      timeline.add(100, 10_000);
      timeline.add(200, 20_000);
      expect(timeline.lagSeconds(150, 30_000)).toBe(15);
    });

    it('is 0 at or past the log end', () => {
      const timeline = new OffsetTimeline();
      timeline.add(50, 1_000);
      expect(timeline.lagSeconds(50, 9_000)).toBe(0);
    });

    it('counts from when the end last held still there, not when it first got there', () => {
      const timeline = new OffsetTimeline();
      timeline.add(10, 0);
      timeline.add(10, 60_000); // quiet for a minute
      timeline.add(20, 61_000);
      expect(timeline.lagSeconds(10, 121_000)).toBe(61);
    });

    it('cannot tell an offset older than the table reaches', () => {
      const timeline = new OffsetTimeline();
      timeline.add(100, 0);
      timeline.add(200, 1_000);
      expect(timeline.lagSeconds(50, 2_000)).toBeUndefined();
    });

    describe('when the table is full', () => {
      it('keeps its first and latest points, reaching as far back', () => {
        const timeline = new OffsetTimeline(10);
        for (let second = 0; second <= 30; second++) timeline.add(second * 10, second * 1_000);
        expect(timeline.lagSeconds(0, 40_000)).toBe(40);
        expect(timeline.lagSeconds(295, 30_000)).toBeCloseTo(0.5, 5);
      });
    });
  });
});
