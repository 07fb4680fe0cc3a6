import { TIMES } from './metrics.builders';
import { parseRange, sparklinePath, statusBands, viewRows } from './metrics-rules';

describe('metrics rules', () => {
  describe('parseRange', () => {
    it('takes a range the server knows', () => expect(parseRange('7d')).toBe('7d'));
    it('defaults to one hour without one', () => expect(parseRange(null)).toBe('1h'));
    it('defaults to one hour for one it does not know', () => expect(parseRange('2y')).toBe('1h'));
  });

  describe('statusBands', () => {
    it('joins neighbouring samples of one status', () => {
      const bands = statusBands(TIMES, ['OK', 'OK', 'WARN', 'WARN']);

      expect(bands.map((band) => band.status)).toEqual(['OK', 'WARN']);
      expect(bands.map((band) => band.widthPercent)).toEqual([50, 50]);
    });

    it('keeps unsampled stretches as bands of their own', () => {
      expect(statusBands(TIMES, ['OK', null, null, 'STALL']).map((band) => band.status)).toEqual(['OK', null, 'STALL']);
    });

    it('gives the last sample one interval', () => {
      const [band] = statusBands([TIMES[0]!], ['ERR']);

      expect(band).toEqual(jasmine.objectContaining({ startPercent: 0, widthPercent: 100, to: TIMES[0]! + 15_000 }));
    });

    it('is empty without samples', () => expect(statusBands([], [])).toEqual([]));
  });

  describe('sparklinePath', () => {
    it('draws from the left edge to the right, highest at the top', () => expect(sparklinePath([0, 10], 100, 22)).toBe('M0 21L100 1'));

    it('breaks the line at a gap', () => expect(sparklinePath([0, null, 10], 100, 22)).toBe('M0 21M100 1'));

    it('draws a flat line for a constant', () => expect(sparklinePath([0, 0], 10, 22)).toBe('M0 21L10 21'));

    it('is empty with nothing measured', () => expect(sparklinePath([null, null], 100, 22)).toBe(''));
  });

  describe('viewRows', () => {
    const rows = [
      { name: 'orders', rate: 5 },
      { name: 'payments', rate: null },
      { name: 'orders.dlq', rate: 50 },
      { name: 'audit', rate: 1 },
    ];
    const names = (view: { rows: { name: string }[] }) => view.rows.map((row) => row.name);

    it('sorts by the field, largest first when descending', () =>
      expect(names(viewRows(rows, (row) => row.name, '', { active: 'rate', direction: 'desc' }, 10))).toEqual([
        'orders.dlq',
        'orders',
        'audit',
        'payments',
      ]));

    it('puts unknown values last when ascending too', () =>
      expect(names(viewRows(rows, (row) => row.name, '', { active: 'rate', direction: 'asc' }, 10)).at(-1)).toBe('payments'));

    it('sorts names alphabetically', () =>
      expect(names(viewRows(rows, (row) => row.name, '', { active: 'name', direction: 'asc' }, 10))[0]).toBe('audit'));

    it('keeps the rows whose name contains the filter, in any case', () =>
      expect(names(viewRows(rows, (row) => row.name, ' ORDERS ', { active: 'rate', direction: '' }, 10))).toEqual([
        'orders',
        'orders.dlq',
      ]));

    it('shows the first rows and counts all that match', () => {
      const view = viewRows(rows, (row) => row.name, '', { active: 'rate', direction: 'desc' }, 2);

      expect(names(view)).toEqual(['orders.dlq', 'orders']);
      expect(view.matching).toBe(4);
    });
  });
});
