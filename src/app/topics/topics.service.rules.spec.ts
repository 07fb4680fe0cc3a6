import { TestBed } from '@angular/core/testing';
import { aMessage, aMessagePage, aMessageSearch, aPartition, someBytes } from './topic.builders';
import { TopicsService } from './topics.service';

// The service's pure rules; its HTTP calls are in topics.service.spec.ts.
describe('TopicsService rules', () => {
  let service: TopicsService;

  beforeEach(() => {
    service = TestBed.inject(TopicsService);
  });

  describe('messageQuery', () => {
    describe('from the newest', () => {
      it('reads backward over every partition', () =>
        expect(service.messageQuery(aMessageSearch({ start: 'newest' }), 50)).toEqual({ limit: 50, direction: 'backward' }));
    });

    describe('from the oldest', () => {
      it('reads forward', () =>
        expect(service.messageQuery(aMessageSearch({ start: 'oldest' }), 50).direction).toBe('forward'));
    });

    describe('from an offset in one partition', () => {
      it('reads forward from that offset', () =>
        expect(service.messageQuery(aMessageSearch({ start: 'offset', offset: 40, partition: 2 }), 50))
          .toEqual({ limit: 50, direction: 'forward', partition: 2, offset: 40 }));
    });

    describe('from a time', () => {
      it('sends the local date-time as epoch milliseconds', () =>
        expect(service.messageQuery(aMessageSearch({ start: 'time', dateTime: '2026-01-01T12:00' }), 50).timestamp)
          .toBe(new Date(2026, 0, 1, 12, 0).getTime()));
    });

    describe('with an offset typed but another start chosen', () => {
      it('ignores the offset', () =>
        expect(service.messageQuery(aMessageSearch({ start: 'newest', offset: 40 }), 50).offset).toBeUndefined());
    });

    describe('with filters', () => {
      it('passes the key and the text on', () =>
        expect(service.messageQuery(aMessageSearch({ key: 'order-1', contains: 'Paid' }), 50))
          .toEqual(jasmine.objectContaining({ key: 'order-1', contains: 'Paid' })));
    });
  });

  describe('topicNameProblem', () => {
    it('accepts dots, dashes and underscores', () => expect(service.topicNameProblem('shop.orders_v2-events')).toBeNull());

    describe('for an empty name', () => {
      it('says it is required', () => expect(service.topicNameProblem('')).toBe('A name is required'));
    });

    describe('for characters Kafka refuses', () => {
      it('names the allowed ones', () => expect(service.topicNameProblem('shop orders')).toContain('ASCII letters'));
    });

    describe('for "." or ".."', () => {
      it('refuses them', () => expect(service.topicNameProblem('..')).toContain('alone'));
    });

    describe('for 250 characters', () => {
      it('says the limit', () => expect(service.topicNameProblem('a'.repeat(250))).toContain('At most 249'));
    });
  });

  describe('formatBytes', () => {
    it('keeps small sizes in bytes', () => expect(service.formatBytes(512)).toBe('512 B'));
    it('uses one decimal below ten', () => expect(service.formatBytes(1536)).toBe('1.5 KB'));
    it('reads the scan budget as 32 MB', () => expect(service.formatBytes(32 * 1024 * 1024)).toBe('32 MB'));
    it('shows a dash when unknown', () => expect(service.formatBytes(null)).toBe('—'));
  });

  describe('formatCount', () => {
    it('groups thousands', () => expect(service.formatCount(10_000)).toBe('10,000'));
    it('shows a dash when unknown', () => expect(service.formatCount(null)).toBe('—'));
  });

  describe('partitionMessageCount', () => {
    it('is the latest minus the earliest offset', () =>
      expect(service.partitionMessageCount(aPartition({ earliestOffset: '5', latestOffset: '12' }))).toBe(7));
  });

  describe('outOfSyncReplicas', () => {
    describe('with every replica in sync', () => {
      it('is empty', () => expect(service.outOfSyncReplicas(aPartition({ replicas: [1, 2], isr: [2, 1] }))).toEqual([]));
    });

    describe('with a replica behind', () => {
      it('names it', () => expect(service.outOfSyncReplicas(aPartition({ replicas: [1, 2, 3], isr: [1] }))).toEqual([2, 3]));
    });
  });

  describe('isJson', () => {
    it('is true for an object', () => expect(service.isJson('{"a": [1, 2]}')).toBeTrue());
    it('is false for plain text', () => expect(service.isJson('OrderPlaced order-1')).toBeFalse());
  });

  describe('prettyJson', () => {
    it('indents JSON', () => expect(service.prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}'));
    it('leaves other text alone', () => expect(service.prettyJson('not json')).toBe('not json'));
  });

  describe('messageRow', () => {
    describe('for a JSON value', () => {
      it('pretty-prints it when expanded and keeps it on one line in the list', () => {
        const row = service.messageRow(aMessage({ value: someBytes({ encoding: 'json', text: '{"a":1}' }) }));
        expect(row.valueFull).toBe('{\n  "a": 1\n}');
        expect(row.valuePreview).toBe('{"a":1}');
      });
    });

    describe('for a long value', () => {
      it('cuts the preview short', () =>
        expect(service.messageRow(aMessage({ value: someBytes({ text: 'x'.repeat(500) }) })).valuePreview.length).toBe(161));
    });

    describe("for Kafka's null", () => {
      it('shows the word null', () =>
        expect(service.messageRow(aMessage({ key: someBytes({ encoding: 'null', text: null }) })).keyText).toBe('null'));
    });

    it('keeps the schema id and the headers', () => {
      const row = service.messageRow(aMessage({
        value: someBytes({ encoding: 'json', text: '{}', schemaId: 7 }),
        headers: [{ key: 'source', value: someBytes({ text: 'console' }) }],
      }));
      expect(row.valueSchemaId).toBe(7);
      expect(row.headers).toEqual([{ key: 'source', value: 'console' }]);
    });
  });

  describe('stopReasonText', () => {
    describe('at the end of the topic', () => {
      it('says so', () => expect(service.stopReasonText(aMessagePage({ stoppedBy: 'end' }))).toContain('end of the topic'));
    });

    describe('when the scan budget ran out', () => {
      it('says how much was scanned and to load more', () =>
        expect(service.stopReasonText(aMessagePage({ stoppedBy: 'scan-budget', scanned: { records: 90_000, bytes: 32 * 1024 * 1024 } })))
          .toBe('Stopped after scanning 32 MB (90,000 records) — load more to continue'));
    });

    describe('when the time budget ran out', () => {
      it('asks to load more', () =>
        expect(service.stopReasonText(aMessagePage({ stoppedBy: 'time-budget' }))).toContain('load more to continue'));
    });

    describe('when the page is full', () => {
      it('offers the next ones', () =>
        expect(service.stopReasonText(aMessagePage({ stoppedBy: 'limit' }))).toContain('load more for the next ones'));
    });
  });
});
