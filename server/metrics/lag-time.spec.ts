import { addLogEnd, lagSecondsAt, type OffsetTimeline } from './lag-time';

describe('OffsetTimeline', () => {
  describe('lagSecondsAt', () => {
    it('interpolates between the samples around the offset', () => {
      const timeline: OffsetTimeline = [];
      addLogEnd(timeline, 0, 0);
      addLogEnd(timeline, 100, 10_000);
      addLogEnd(timeline, 200, 20_000);
      expect(lagSecondsAt(timeline, 150, 30_000)).toBe(15);
    });

    it('is 0 at or past the log end', () => {
      const timeline: OffsetTimeline = [];
      addLogEnd(timeline, 50, 1_000);
      expect(lagSecondsAt(timeline, 50, 9_000)).toBe(0);
    });

    it('counts from when the end last held still there, not when it first got there', () => {
      const timeline: OffsetTimeline = [];
      addLogEnd(timeline, 10, 0);
      addLogEnd(timeline, 10, 60_000); // quiet for a minute
      addLogEnd(timeline, 20, 61_000);
      expect(lagSecondsAt(timeline, 10, 121_000)).toBe(61);
    });

    it('cannot tell an offset older than the table reaches', () => {
      const timeline: OffsetTimeline = [];
      addLogEnd(timeline, 100, 0);
      addLogEnd(timeline, 200, 1_000);
      expect(lagSecondsAt(timeline, 50, 2_000)).toBeUndefined();
    });

    describe('when the table is full', () => {
      it('keeps its first and latest points, reaching as far back', () => {
        const timeline: OffsetTimeline = [];
        for (let second = 0; second <= 30; second++) addLogEnd(timeline, second * 10, second * 1_000, 10);
        expect(lagSecondsAt(timeline, 0, 40_000)).toBe(40);
        expect(lagSecondsAt(timeline, 295, 30_000)).toBeCloseTo(0.5, 5);
      });
    });
  });
});
