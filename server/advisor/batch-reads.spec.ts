import type { Finding } from './advisor.model';
import { checkTopics } from './batch-reads';

const aFinding = (topic: string) => ({ id: topic }) as Finding;

describe('checkTopics', () => {
  describe('when every topic is read', () => {
    it('gathers their findings in order', async () => {
      const result = await checkTopics('keys', ['a', 'b', 'c', 'd', 'e'], async (topic) => [aFinding(topic)]);
      expect(result).toEqual({ findings: ['a', 'b', 'c', 'd', 'e'].map(aFinding), skipped: [] });
    });
  });

  describe('when a few topics fail', () => {
    it('names each, and keeps the others’ findings', async () => {
      const result = await checkTopics('keys', ['a', 'b'], async (topic) => {
        if (topic === 'a') throw new Error('gone');
        return [aFinding(topic)];
      });
      expect(result).toEqual({ findings: [aFinding('b')], skipped: [{ rule: 'keys', reason: 'a could not be read: gone' }] });
    });
  });

  describe('when many topics fail alike', () => {
    it('makes one note of them', async () => {
      const result = await checkTopics('batching', ['a', 'b', 'c', 'd', 'e'], () =>
        Promise.reject(new Error('Cluster local is unreachable')),
      );
      expect(result.skipped).toEqual([{ rule: 'batching', reason: '5 topics (a, …) could not be read: Cluster local is unreachable' }]);
    });
  });
});
