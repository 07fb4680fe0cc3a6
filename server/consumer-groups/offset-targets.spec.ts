import { parseDuration, targetRule } from './offset-targets';

describe('offset targets', () => {
  describe('parseDuration', () => {
    for (const [iso, ms] of [
      ['PT2H', 7_200_000],
      ['PT30M', 1_800_000],
      ['P1D', 86_400_000],
      ['P1DT12H', 129_600_000],
      ['PT1.5S', 1500],
    ] as const) {
      it(`reads ${iso}`, () => expect(parseDuration(iso)).toBe(ms));
    }

    for (const wrong of ['2 hours', 'P', 'PT', 'P1DT', 'PT-2H', '', 7200]) {
      it(`refuses ${JSON.stringify(wrong)}, naming the format`, () =>
        expect(() => parseDuration(wrong)).toThrowMatching((error: Error) => error.message.includes('PT2H')));
    }
  });

  describe('targetRule', () => {
    describe('by duration', () => {
      it('is a timestamp that far back from now', () =>
        expect(targetRule({ mode: 'duration', value: 'PT2H' }, 10_000_000)).toEqual({ kind: 'timestamp', at: 2_800_000 }));
    });

    describe('to an exact offset', () => {
      it('refuses a negative one', () => expect(() => targetRule({ mode: 'offset', value: -1 }, 0)).toThrow());
    });
  });
});
