import { aggregateField, compareKeys, eventOf, keysDiffer, keyText } from './key-values';
import type { SampledRecord } from './log-sample.gateway';

function aRecord(key: string | null, value: object | string): SampledRecord {
  return {
    partition: 0,
    key: key === null ? null : Buffer.from(key),
    value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
  };
}
const times = <T>(count: number, make: (index: number) => T): T[] => Array.from({ length: count }, (_, index) => make(index));

describe('key values', () => {
  describe('eventOf', () => {
    it('reads a JSON object', () => expect(eventOf(Buffer.from(' {"orderId":"o-1"}'))).toEqual({ orderId: 'o-1' }));

    it('unwraps the payload of Kafka Connect’s JSON with schemas', () =>
      expect(eventOf(Buffer.from(JSON.stringify({ schema: {}, payload: { id: 7 } })))).toEqual({ id: 7 }));

    it('takes the after image of a Debezium change event', () =>
      expect(eventOf(Buffer.from(JSON.stringify({ op: 'u', before: { id: 1 }, after: { id: 2 } })))).toEqual({ id: 2 }));

    it('is undefined for text, arrays, broken JSON and no value', () =>
      expect([eventOf(Buffer.from('o-1')), eventOf(Buffer.from('{oops')), eventOf(Buffer.from('[1]')), eventOf(null)]).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ]));
  });

  describe('keyText', () => {
    it('keeps a plain key', () => expect(keyText(Buffer.from('o-1'))).toBe('o-1'));
    it('unquotes a JSON string', () => expect(keyText(Buffer.from('"o-1"'))).toBe('o-1'));
    it('takes the payload of a key with its schema', () => expect(keyText(Buffer.from('{"schema":{},"payload":42}'))).toBe('42'));
    it('takes the value of a one-field struct', () => expect(keyText(Buffer.from('{"orderId":"o-1"}'))).toBe('o-1'));
    it('takes the named field of a struct', () => expect(keyText(Buffer.from('{"a":1,"orderId":"o-1"}'), 'orderId')).toBe('o-1'));
  });

  describe('aggregateField', () => {
    it('prefers aggregateId', () => expect(aggregateField('shop.orders', [{ aggregateId: 'a', orderId: 'o', id: 1 }])).toBe('aggregateId'));

    it('takes <noun of the topic>Id in any spelling', () => {
      expect(aggregateField('shop.orders', [{ order_id: 'o', id: 1 }])).toBe('order_id');
      expect(aggregateField('payment-events.v1', [{ PaymentID: 'p' }])).toBe('PaymentID');
      expect(aggregateField('deliveries', [{ deliveryId: 'd', customerId: 'c' }])).toBe('deliveryId');
    });

    it('falls back to id', () => expect(aggregateField('events', [{ id: 1, customerId: 'c' }])).toBe('id'));

    it('wants the field in most values', () =>
      expect(aggregateField('orders', [{ orderId: 'o' }, { other: 1 }, { other: 2 }])).toBeUndefined());

    it('is undefined without such a field', () => expect(aggregateField('orders', [{ customerId: 'c' }])).toBeUndefined());
  });

  describe('compareKeys', () => {
    describe('when the keys are the aggregate id', () => {
      it('finds them matching', () => {
        const match = compareKeys(
          'orders',
          times(30, (i) => aRecord(`o-${i}`, { orderId: `o-${i}` })),
        )!;
        expect(match).toEqual({ field: 'orderId', compared: 30, matching: 30, examples: [] });
        expect(keysDiffer(match)).toBeFalse();
      });
    });

    describe('when the keys are another field of the value', () => {
      it('names that field', () => {
        const records = times(30, (i) => aRecord(`c-${i % 3}`, { orderId: `o-${i}`, customerId: `c-${i % 3}` }));
        const match = compareKeys('orders', records)!;
        expect(match.keyedBy).toBe('customerId');
        expect(match.examples[0]).toEqual({ key: 'c-0', id: 'o-0' });
        expect(keysDiffer(match)).toBeTrue();
      });
    });

    describe('when the keys are unrelated to the value', () => {
      it('finds them differing, with no field named', () => {
        const match = compareKeys(
          'orders',
          times(30, (i) => aRecord(`k-${i}`, { orderId: `o-${i}` })),
        )!;
        expect(match.matching).toBe(0);
        expect(match.keyedBy).toBeUndefined();
      });
    });

    describe('when the values are not JSON', () => {
      it('is undefined', () => expect(compareKeys('orders', [aRecord('o-1', 'plain text')])).toBeUndefined());
    });

    describe('when no record has a key', () => {
      it('is undefined', () => expect(compareKeys('orders', [aRecord(null, { orderId: 'o-1' })])).toBeUndefined());
    });
  });
});
