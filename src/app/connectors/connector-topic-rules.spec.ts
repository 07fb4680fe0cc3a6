import { aTopicCheck } from './connector.builders';
import {
  cannotTellNote,
  missingTopicsNotice,
  savedMessage,
  saveWithoutTopicsConfirmation,
  topicCreationOf,
  withConnectTopicCreation,
} from './connector-topic-rules';

describe('connector topic rules', () => {
  describe('missingTopicsNotice', () => {
    describe('for a source whose topic is missing', () => {
      it('says it would publish nothing, and offers to let Connect create it', () =>
        expect(missingTopicsNotice(aTopicCheck({ missing: ['orders'] }), 'source')).toEqual({
          missing: ['orders'],
          message:
            'Topic orders does not exist on this cluster: brokers usually do not create topics on first write, so the connector would run and publish nothing.',
          canLetConnectCreate: true,
        }));
    });

    describe('for a sink whose topics are missing', () => {
      it('says it would read nothing, and cannot leave it to Connect', () => {
        const notice = missingTopicsNotice(aTopicCheck({ missing: ['a', 'b'] }), 'sink');

        expect(notice?.message).toBe(
          'Topics a, b do not exist on this cluster: the connector would read nothing from it until it is created.',
        );
        expect(notice?.canLetConnectCreate).toBeFalse();
      });
    });

    it('says nothing when every topic exists', () => expect(missingTopicsNotice(aTopicCheck(), 'source')).toBeUndefined());

    it('says nothing when Connect creates them', () =>
      expect(missingTopicsNotice(aTopicCheck({ missing: ['a'], createdByConnect: true }), 'source')).toBeUndefined());

    it('says nothing when the cluster could not be asked', () => expect(missingTopicsNotice(null, 'source')).toBeUndefined());
  });

  describe('cannotTellNote', () => {
    it('says why', () =>
      expect(cannotTellNote(aTopicCheck({ cannotTell: 'topic.prefix names its topics at run time' }))).toBe(
        'The console cannot tell all of its topics: topic.prefix names its topics at run time.',
      ));

    it('is empty when it can tell', () => expect(cannotTellNote(aTopicCheck())).toBe(''));
  });

  describe('withConnectTopicCreation', () => {
    it('adds both KIP-158 defaults, taking the broker defaults', () =>
      expect(withConnectTopicCreation({ topic: 'orders' })).toEqual({
        topic: 'orders',
        'topic.creation.default.partitions': '-1',
        'topic.creation.default.replication.factor': '-1',
      }));
  });

  describe('topicCreationOf', () => {
    it('is nothing when none was chosen', () => expect(topicCreationOf(undefined)).toEqual({}));

    it('leaves blank fields to the broker', () =>
      expect(topicCreationOf({ partitions: '', replicationFactor: ' ' })).toEqual({ creation: {} }));

    it('reads whole numbers', () =>
      expect(topicCreationOf({ partitions: '6', replicationFactor: '3' })).toEqual({ creation: { partitions: 6, replicationFactor: 3 } }));

    it('refuses 0 partitions in plain words', () =>
      expect(topicCreationOf({ partitions: '0', replicationFactor: '' }).problem).toBe(
        "Partitions is a whole number from 1, or blank for the broker's default",
      ));

    it('refuses a fraction of a replica', () =>
      expect(topicCreationOf({ partitions: '', replicationFactor: '1.5' }).problem).toContain('Replication factor'));
  });

  describe('saveWithoutTopicsConfirmation', () => {
    const notice = missingTopicsNotice(aTopicCheck({ missing: ['orders'] }), 'source');

    it('asks before saving with the topic missing', () =>
      expect(saveWithoutTopicsConfirmation(notice, undefined, 'Create')).toEqual(
        jasmine.objectContaining({ title: 'Create without its topic?', confirmLabel: 'Create anyway' }),
      ));

    it('does not ask when the topic is to be created', () => expect(saveWithoutTopicsConfirmation(notice, {}, 'Create')).toBeUndefined());

    it('does not ask when nothing is missing', () => expect(saveWithoutTopicsConfirmation(undefined, undefined, 'Save')).toBeUndefined());
  });

  describe('savedMessage', () => {
    it('names the topics created', () =>
      expect(savedMessage('Created src', {}, missingTopicsNotice(aTopicCheck({ missing: ['orders'] }), 'source'))).toBe(
        'Created src; created topic orders',
      ));

    it('says only what was saved otherwise', () => expect(savedMessage('Config saved', undefined, undefined)).toBe('Config saved'));
  });
});
