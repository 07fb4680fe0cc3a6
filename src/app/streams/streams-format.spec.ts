import { formatCount, formatDuration, formatRate, formatRetention, shorten } from './streams-format';

describe('streams-format', () => {
  describe('formatRate', () => {
    it('keeps one decimal below 100 records per second', () => expect(formatRate(12.46)).toBe('12.5/s'));

    it('rounds higher rates to whole records with grouped digits', () => expect(formatRate(12_345.6)).toBe('12,346/s'));

    it('writes a whole rate without decimals', () => expect(formatRate(0)).toBe('0/s'));

    it('writes a dash for a rate not measured yet', () => expect(formatRate(null)).toBe('—'));
  });

  describe('formatCount', () => {
    it('groups digits', () => expect(formatCount(1234)).toBe('1,234'));

    it('writes a dash when unknown', () => expect(formatCount(null)).toBe('—'));
  });

  describe('formatDuration', () => {
    it('writes seconds alone', () => expect(formatDuration(45)).toBe('45 s'));

    it('writes the two largest units', () => expect(formatDuration(2 * 86_400 + 4 * 3_600 + 59)).toBe('2 d 4 h'));

    it('leaves out a unit that is zero', () => expect(formatDuration(7_200)).toBe('2 h'));

    it('says under a second for less', () => expect(formatDuration(0.2)).toBe('under 1 s'));
  });

  describe('formatRetention', () => {
    it('writes a retention as a duration', () => expect(formatRetention(604_800_000)).toBe('7 d'));

    it('says forever for none', () => {
      expect(formatRetention(null)).toBe('forever');
      expect(formatRetention(-1)).toBe('forever');
    });
  });

  describe('shorten', () => {
    it('keeps a short name', () => expect(shorten('orders', 10)).toBe('orders'));

    it('cuts a long name in its middle', () => expect(shorten('abcdefghijklmnop', 9)).toBe('abcd…mnop'));
  });
});
