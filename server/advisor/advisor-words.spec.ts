import { duration, millis, mib, plural, thousands } from './advisor-words';

describe('advisor words', () => {
  describe('duration', () => {
    it('says a time in the largest unit it is a whole number of, or at least two of', () => {
      expect(duration(604_800_000)).toBe('7 days');
      expect(duration(3_600_000)).toBe('1 hour');
      expect(duration(5_400_000)).toBe('90 minutes');
      expect(duration(87_030_000)).toBe('24.2 hours');
      expect(duration(151_571)).toBe('2.5 minutes');
      expect(duration(500)).toBe('500 milliseconds');
      expect(duration(3.2)).toBe('3 milliseconds');
      expect(duration(0)).toBe('0 seconds');
    });
  });

  describe('plural', () => {
    it('counts with thousands separators, and keeps a fraction', () => {
      expect(plural(1, 'topic')).toBe('1 topic');
      expect(plural(7_200_000, 'record')).toBe('7,200,000 records');
      expect(plural(1.5, 'hour')).toBe('1.5 hours');
    });
  });

  describe('numbers', () => {
    it('writes milliseconds, MiB and counts as the page shows them', () => {
      expect([millis(0.71), millis(807.4), millis(1_250)]).toEqual(['0.7 ms', '807 ms', '1,250 ms']);
      expect([mib(3_528 * 1024 * 1024), mib(0.4 * 1024 * 1024), mib(12 * 1024)]).toEqual(['3,528 MiB', '0.4 MiB', '12 KiB']);
      expect(thousands(28_224.4)).toBe('28,224');
    });
  });
});
