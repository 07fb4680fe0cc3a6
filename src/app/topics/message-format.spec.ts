import { aMessage, aMessagePage, aMessageSearch, someBytes } from './topic.builders';
import { isJson, messageQuery, messageRow, prettyJson, stopReasonText } from './message-format';

describe('message-format', () => {
  describe('messageQuery', () => {
    describe('from the newest', () => {
      it('reads backward over every partition', () =>
        expect(messageQuery(aMessageSearch({ start: 'newest' }), 50)).toEqual({ limit: 50, direction: 'backward' }));
    });

    describe('from the oldest', () => {
      it('reads forward', () => expect(messageQuery(aMessageSearch({ start: 'oldest' }), 50).direction).toBe('forward'));
    });

    describe('from an offset in one partition', () => {
      it('reads forward from that offset', () =>
        expect(messageQuery(aMessageSearch({ start: 'offset', offset: 40, partition: 2 }), 50)).toEqual({
          limit: 50,
          direction: 'forward',
          partition: 2,
          offset: 40,
        }));
    });

    describe('from a time', () => {
      it('sends the local date-time as epoch milliseconds', () =>
        expect(messageQuery(aMessageSearch({ start: 'time', dateTime: '2026-01-01T12:00' }), 50).timestamp).toBe(
          new Date(2026, 0, 1, 12, 0).getTime(),
        ));
    });

    describe('with an offset typed but another start chosen', () => {
      it('ignores the offset', () => expect(messageQuery(aMessageSearch({ start: 'newest', offset: 40 }), 50).offset).toBeUndefined());
    });

    describe('with filters', () => {
      it('passes the key and the text on', () =>
        expect(messageQuery(aMessageSearch({ key: 'order-1', contains: 'Paid' }), 50)).toEqual(
          jasmine.objectContaining({ key: 'order-1', contains: 'Paid' }),
        ));
    });
  });

  describe('isJson', () => {
    it('is true for an object', () => expect(isJson('{"a": [1, 2]}')).toBeTrue());
    it('is false for plain text', () => expect(isJson('OrderPlaced order-1')).toBeFalse());
  });

  describe('prettyJson', () => {
    it('indents JSON', () => expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}'));
    it('leaves other text alone', () => expect(prettyJson('not json')).toBe('not json'));
  });

  describe('messageRow', () => {
    describe('for a JSON value', () => {
      it('pretty-prints it when expanded and keeps it on one line in the list', () => {
        const row = messageRow(aMessage({ value: someBytes({ encoding: 'json', text: '{"a":1}' }) }));
        expect(row.valueFull).toBe('{\n  "a": 1\n}');
        expect(row.valuePreview).toBe('{"a":1}');
      });
    });

    describe('for a long value', () => {
      it('cuts the preview short', () =>
        expect(messageRow(aMessage({ value: someBytes({ text: 'x'.repeat(500) }) })).valuePreview.length).toBe(161));
    });

    describe("for Kafka's null", () => {
      it('shows the word null', () =>
        expect(messageRow(aMessage({ key: someBytes({ encoding: 'null', text: null }) })).keyText).toBe('null'));
    });

    it('keeps the schema id and the headers', () => {
      const row = messageRow(
        aMessage({
          value: someBytes({ encoding: 'json', text: '{}', schemaId: 7 }),
          headers: [{ key: 'source', value: someBytes({ text: 'console' }) }],
        }),
      );
      expect(row.valueSchemaId).toBe(7);
      expect(row.headers).toEqual([{ key: 'source', value: 'console' }]);
    });
  });

  describe('stopReasonText', () => {
    describe('at the end of the topic', () => {
      it('says so', () => expect(stopReasonText(aMessagePage({ stoppedBy: 'end' }))).toContain('end of the topic'));
    });

    describe('when the scan budget ran out', () => {
      it('says how much was scanned and to load more', () =>
        expect(stopReasonText(aMessagePage({ stoppedBy: 'scan-budget', scanned: { records: 90_000, bytes: 32 * 1024 * 1024 } }))).toBe(
          'Stopped after scanning 32 MB (90,000 records) — load more to continue',
        ));
    });

    describe('when the time budget ran out', () => {
      it('asks to load more', () => expect(stopReasonText(aMessagePage({ stoppedBy: 'time-budget' }))).toContain('load more to continue'));
    });

    describe('when the page is full', () => {
      it('offers the next ones', () =>
        expect(stopReasonText(aMessagePage({ stoppedBy: 'limit' }))).toContain('load more for the next ones'));
    });
  });
});
