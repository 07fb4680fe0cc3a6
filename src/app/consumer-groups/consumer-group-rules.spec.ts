import { aConsumerGroup, aPartitionLag } from './consumer-group.builders';
import { isIdle, isLagging, isStreamsApp, readShare, stateTone, totalReadShare } from './consumer-group-rules';

describe('consumer group rules', () => {
  describe('isIdle', () => {
    describe('when the group is empty', () => {
      it('is true', () => expect(isIdle(aConsumerGroup({ state: 'Empty' }))).toBeTrue());
    });

    describe('while members consume', () => {
      it('is false', () => expect(isIdle(aConsumerGroup({ state: 'Stable', memberCount: 2 }))).toBeFalse());
    });

    describe('while the group rebalances', () => {
      it('is false', () => expect(isIdle(aConsumerGroup({ state: 'PreparingRebalance' }))).toBeFalse());
    });

    describe('while a KIP-848 group reconciles', () => {
      it('is false', () => expect(isIdle(aConsumerGroup({ state: 'Reconciling' }))).toBeFalse());
    });
  });

  describe('isStreamsApp', () => {
    describe('for a group reading a repartition topic named after it', () => {
      it('is true', () =>
        expect(
          isStreamsApp(aConsumerGroup({ groupId: 'order-enricher', topics: ['order-enricher-KSTREAM-0001-repartition'] })),
        ).toBeTrue());
    });

    describe('for a group reading only its own topics', () => {
      it('is false', () => expect(isStreamsApp(aConsumerGroup({ groupId: 'order-enricher', topics: ['shop.orders.events'] }))).toBeFalse());
    });

    describe('for a repartition topic of another app', () => {
      it('is false', () =>
        expect(isStreamsApp(aConsumerGroup({ groupId: 'order', topics: ['payment-matcher-KSTREAM-0001-repartition'] }))).toBeFalse());
    });
  });

  describe('stateTone', () => {
    it('reads Stable as ok, rebalancing as warn, Empty as idle', () => {
      expect(['Stable', 'CompletingRebalance', 'Empty', 'Dead'].map((s) => stateTone(s))).toEqual(['ok', 'warn', 'idle', 'neutral']);
    });
  });

  describe('readShare', () => {
    it('is the part of the retained log read', () =>
      expect(readShare(aPartitionLag({ committedOffset: 15, logStartOffset: 10, logEndOffset: 20 }))).toBe(0.5));

    describe('for a partition never committed', () => {
      it('is 0', () => expect(readShare(aPartitionLag({ committedOffset: null }))).toBe(0));
    });

    describe('for an empty partition', () => {
      it('is 1: nothing to read', () => expect(readShare(aPartitionLag({ committedOffset: 0, logEndOffset: 0 }))).toBe(1));
    });
  });

  describe('totalReadShare', () => {
    it('is the part of all retained logs read', () =>
      expect(
        totalReadShare([
          aPartitionLag({ committedOffset: 10, logStartOffset: 0, logEndOffset: 10 }),
          aPartitionLag({ committedOffset: null, logStartOffset: 0, logEndOffset: 30 }),
        ]),
      ).toBe(0.25));

    describe('when nothing is retained', () => {
      it('is 1: nothing to read', () => expect(totalReadShare([aPartitionLag({ committedOffset: 0, logEndOffset: 0 })])).toBe(1));
    });
  });

  describe('isLagging', () => {
    it('is true while records wait', () => expect(isLagging(3)).toBeTrue());

    describe('when caught up', () => {
      it('is false', () => expect(isLagging(0)).toBeFalse());
    });

    describe('when nothing is committed', () => {
      it('is false', () => expect(isLagging(null)).toBeFalse());
    });
  });
});
