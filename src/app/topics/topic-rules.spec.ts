import { aPartition } from './topic.builders';
import { outOfSyncReplicas, partitionMessageCount, partitionRow, topicMessageCount, topicNameProblem } from './topic-rules';

describe('topic-rules', () => {
  describe('topicNameProblem', () => {
    it('accepts dots, dashes and underscores', () => expect(topicNameProblem('shop.orders_v2-events')).toBeNull());

    describe('for an empty name', () => {
      it('says it is required', () => expect(topicNameProblem('')).toBe('A name is required'));
    });

    describe('for characters Kafka refuses', () => {
      it('names the allowed ones', () => expect(topicNameProblem('shop orders')).toContain('ASCII letters'));
    });

    describe('for "." or ".."', () => {
      it('refuses them', () => expect(topicNameProblem('..')).toContain('alone'));
    });

    describe('for 250 characters', () => {
      it('says the limit', () => expect(topicNameProblem('a'.repeat(250))).toContain('At most 249'));
    });
  });

  describe('partitionMessageCount', () => {
    it('is the latest minus the earliest offset', () =>
      expect(partitionMessageCount(aPartition({ earliestOffset: 5, latestOffset: 12 }))).toBe(7));
  });

  describe('topicMessageCount', () => {
    it('adds up every partition', () =>
      expect(
        topicMessageCount([aPartition({ earliestOffset: 5, latestOffset: 12 }), aPartition({ earliestOffset: 0, latestOffset: 3 })]),
      ).toBe(10));
  });

  describe('outOfSyncReplicas', () => {
    describe('with every replica in sync', () => {
      it('is empty', () => expect(outOfSyncReplicas(aPartition({ replicas: [1, 2], isr: [2, 1] }))).toEqual([]));
    });

    describe('with a replica behind', () => {
      it('names it', () => expect(outOfSyncReplicas(aPartition({ replicas: [1, 2, 3], isr: [1] }))).toEqual([2, 3]));
    });
  });

  describe('partitionRow', () => {
    describe('with a replica behind', () => {
      it('is under-replicated and names it', () =>
        expect(partitionRow(aPartition({ replicas: [1, 2], isr: [1] }))).toEqual(
          jasmine.objectContaining({ isUnderReplicated: true, outOfSync: [2] }),
        ));
    });

    describe('without a leader', () => {
      it('says none', () => expect(partitionRow(aPartition({ leader: -1 })).leaderText).toBe('none'));
    });

    describe('with a leader', () => {
      it('names its broker', () => expect(partitionRow(aPartition({ leader: 3 })).leaderText).toBe('3'));
    });
  });
});
