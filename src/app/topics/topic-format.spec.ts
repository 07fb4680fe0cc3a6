import { configSourceLabel, formatBytes, formatCount, formatCountOf } from './topic-format';

describe('topic-format', () => {
  describe('formatBytes', () => {
    it('keeps small sizes in bytes', () => expect(formatBytes(512)).toBe('512 B'));
    it('uses one decimal below ten', () => expect(formatBytes(1536)).toBe('1.5 KB'));
    it('reads the scan budget as 32 MB', () => expect(formatBytes(32 * 1024 * 1024)).toBe('32 MB'));
    it('shows a dash when unknown', () => expect(formatBytes(null)).toBe('—'));
  });

  describe('formatCount', () => {
    it('groups thousands', () => expect(formatCount(10_000)).toBe('10,000'));
    it('shows a dash when unknown', () => expect(formatCount(null)).toBe('—'));
  });

  describe('formatCountOf', () => {
    it('uses the singular for one', () => expect(formatCountOf(1, 'topic', 'topics')).toBe('1 topic'));
    it('groups thousands and uses the plural', () => expect(formatCountOf(10_000, 'topic', 'topics')).toBe('10,000 topics'));
  });

  describe('configSourceLabel', () => {
    describe('for an override on the topic', () => {
      it('says topic', () => expect(configSourceLabel('dynamic-topic')).toBe('topic'));
    });

    describe('for a cluster-wide dynamic default', () => {
      it('says cluster default', () => expect(configSourceLabel('dynamic-default-broker')).toBe('cluster default'));
    });
  });
});
