import type { ConnectorTopicCheck } from './connect.model';
import { cannotPublishWarning, checkTopics, isCreatedByConnect, targetTopics } from './connector-topics';

describe('connector topics', () => {
  describe('targetTopics', () => {
    describe('of a source', () => {
      it('takes the topic of FileStreamSource', () =>
        expect(targetTopics('source', { 'connector.class': 'FileStreamSource', topic: 'orders' })).toEqual({ topics: ['orders'] }));

      it('takes kafka.topic (Datagen, HTTP, MQTT sources)', () =>
        expect(targetTopics('source', { 'kafka.topic': 'clicks' })).toEqual({ topics: ['clicks'] }));

      for (const key of ['topic.prefix', 'topic.regex', 'topic.format', 'topics']) {
        it(`cannot tell with ${key}`, () =>
          expect(targetTopics('source', { [key]: 'db1' })).toEqual({
            topics: [],
            cannotTell: jasmine.stringContaining(key) as unknown as string,
          }));
      }

      it('cannot tell for MirrorMaker 2', () =>
        expect(
          targetTopics('source', { 'connector.class': 'org.apache.kafka.connect.mirror.MirrorSourceConnector', topic: 'x' }).cannotTell,
        ).toContain('MirrorMaker'));

      it('keeps the named topic but cannot tell past a routing transform', () =>
        expect(
          targetTopics('source', {
            topic: 'orders',
            transforms: 'route, mask',
            'transforms.route.type': 'org.apache.kafka.connect.transforms.RegexRouter',
            'transforms.mask.type': 'org.apache.kafka.connect.transforms.MaskField$Value',
          }),
        ).toEqual({ topics: ['orders'], cannotTell: 'transform route routes records to other topics' }));

      it('is decided with a transform that leaves topics alone', () =>
        expect(
          targetTopics('source', { topic: 'orders', transforms: 'mask', 'transforms.mask.type': 'MaskField$Value' }).cannotTell,
        ).toBeUndefined());

      it('cannot tell when no key it knows names a topic', () =>
        expect(targetTopics('source', { 'connector.class': 'SomeSource' }).cannotTell).toContain('names no topic'));

      it('does not mistake topic.creation.* or the dead letter queue for a target', () =>
        expect(
          targetTopics('source', {
            topic: 'orders',
            'topic.creation.default.partitions': '3',
            'errors.deadletterqueue.topic.name': 'dlq',
          }),
        ).toEqual({ topics: ['orders'] }));
    });

    describe('of a sink', () => {
      it('takes the topics list, trimmed', () => expect(targetTopics('sink', { topics: 'a, b,,c' })).toEqual({ topics: ['a', 'b', 'c'] }));

      it('cannot tell with topics.regex', () =>
        expect(targetTopics('sink', { 'topics.regex': 'a.*' })).toEqual({
          topics: [],
          cannotTell: jasmine.stringContaining('topics.regex') as unknown as string,
        }));

      it('ignores a routing transform, which renames only what it writes elsewhere', () =>
        expect(targetTopics('sink', { topics: 'a', transforms: 'r', 'transforms.r.type': 'RegexRouter' })).toEqual({ topics: ['a'] }));
    });

    it('cannot tell for a connector of unknown type', () => expect(targetTopics('unknown', { topic: 'a' }).topics).toEqual([]));
  });

  describe('isCreatedByConnect', () => {
    const both = { 'topic.creation.default.partitions': '1', 'topic.creation.default.replication.factor': '-1' };

    it('is true for a source with both topic.creation.default settings', () => expect(isCreatedByConnect('source', both)).toBeTrue());

    it('is false with only one of them', () =>
      expect(isCreatedByConnect('source', { 'topic.creation.default.partitions': '1' })).toBeFalse());

    it('is false for a sink', () => expect(isCreatedByConnect('sink', both)).toBeFalse());
  });

  describe('checkTopics', () => {
    it('lists the named topics that do not exist', () =>
      expect(checkTopics('sink', { topics: 'a,b' }, new Set(['a']))).toEqual({
        topics: ['a', 'b'],
        missing: ['b'],
        createdByConnect: false,
      }));
  });

  describe('cannotPublishWarning', () => {
    const missing = (topics: string[], extra: Partial<ConnectorTopicCheck> = {}): ConnectorTopicCheck => ({
      topics,
      missing: topics,
      createdByConnect: false,
      ...extra,
    });

    it('names the missing topic of a running source', () =>
      expect(cannotPublishWarning('source', 'RUNNING', missing(['orders']))).toBe(
        'RUNNING but cannot publish: topic orders does not exist',
      ));

    it('names every missing topic', () =>
      expect(cannotPublishWarning('source', 'RUNNING', missing(['a', 'b']))).toBe('RUNNING but cannot publish: topics a, b do not exist'));

    it('says nothing when Connect creates the topics', () =>
      expect(cannotPublishWarning('source', 'RUNNING', missing(['a'], { createdByConnect: true }))).toBeUndefined());

    it('says nothing of a paused source', () => expect(cannotPublishWarning('source', 'PAUSED', missing(['a']))).toBeUndefined());

    it('says nothing of a sink', () => expect(cannotPublishWarning('sink', 'RUNNING', missing(['a']))).toBeUndefined());

    it('says nothing when the cluster could not be asked', () => expect(cannotPublishWarning('source', 'RUNNING', null)).toBeUndefined());
  });
});
