import {
  explainRule,
  formatByteRate,
  formatCatchUp,
  formatChartValue,
  formatCompact,
  formatDuration,
  formatRecordRate,
  statusTone,
} from './metrics-format';
import type { LagRule } from './metrics.model';

describe('metrics format', () => {
  describe('formatCompact', () => {
    it('keeps small numbers whole', () => expect(formatCompact(950)).toBe('950'));
    it('shortens thousands', () => expect(formatCompact(1_234)).toBe('1.2K'));
    it('shortens millions', () => expect(formatCompact(3_400_000)).toBe('3.4M'));
    it('shows a dash when unknown', () => expect(formatCompact(null)).toBe('—'));
  });

  describe('formatRecordRate', () => {
    it('says per second', () => expect(formatRecordRate(12_500)).toBe('12.5K/s'));
    it('keeps fractions of one record', () => expect(formatRecordRate(0.5)).toBe('0.5/s'));
    it('shows a dash before the second sample', () => expect(formatRecordRate(null)).toBe('—'));
  });

  describe('formatByteRate', () => {
    it('uses binary units per second', () => expect(formatByteRate(48_000)).toBe('47 KB/s'));
    it('shows a dash when unknown', () => expect(formatByteRate(null)).toBe('—'));
  });

  describe('formatDuration', () => {
    it('counts seconds under a minute', () => expect(formatDuration(45)).toBe('45 s'));
    it('rounds to the second', () => expect(formatDuration(0.4)).toBe('0 s'));
    it('gives minutes and seconds', () => expect(formatDuration(200)).toBe('3 min 20 s'));
    it('leaves out a zero second part', () => expect(formatDuration(180)).toBe('3 min'));
    it('gives hours and minutes', () => expect(formatDuration(7_500)).toBe('2 h 5 min'));
    it('gives days and hours', () => expect(formatDuration(273_600)).toBe('3 d 4 h'));
    it('shows a dash when it cannot be told', () => expect(formatDuration(null)).toBe('—'));
  });

  describe('formatChartValue', () => {
    it('writes bytes in binary units', () => expect(formatChartValue(2_097_152, 'bytes')).toBe('2.0 MB'));
    it('writes byte rates per second', () => expect(formatChartValue(1_024, 'bytes/s')).toBe('1.0 KB/s'));
    it('writes seconds as a duration', () => expect(formatChartValue(200, 'seconds')).toBe('3 min 20 s'));
    it('writes milliseconds with their unit', () => expect(formatChartValue(12.5, 'ms')).toBe('12.5 ms'));
    it('writes counts compact', () => expect(formatChartValue(1_500, 'records')).toBe('1.5K'));
    it('writes a gap as a dash', () => expect(formatChartValue(null, 'tasks')).toBe('—'));
  });

  describe('formatCatchUp', () => {
    it('says caught up without lag', () => expect(formatCatchUp({ lag: 0, catchUpSeconds: null })).toBe('caught up'));
    it('says so when the group does not gain', () => expect(formatCatchUp({ lag: 10, catchUpSeconds: null })).toBe('not catching up'));
    it('says how long otherwise', () => expect(formatCatchUp({ lag: 10, catchUpSeconds: 125 })).toBe('2 min 5 s'));
  });

  describe('statusTone', () => {
    it('is ok for OK', () => expect(statusTone('OK')).toBe('ok'));
    it('is warn for WARN', () => expect(statusTone('WARN')).toBe('warn'));
    for (const status of ['STALL', 'STOP', 'REWIND', 'ERR'] as const) {
      it(`is error for ${status}`, () => expect(statusTone(status)).toBe('error'));
    }
  });

  describe('explainRule', () => {
    const rules: LagRule[] = [
      'no-lag',
      'stopped',
      'caught-up-in-window',
      'rewind',
      'stalled',
      'lag-not-decreasing',
      'lag-decreasing',
      'too-few-samples',
      'worst-partition',
    ];

    it('has one sentence for every rule', () => {
      for (const rule of rules) expect(explainRule(rule)).toMatch(/^[A-Z].+\.$/);
    });

    it('names a stall plainly', () => expect(explainRule('stalled')).toContain('consumers are stuck'));
  });
});
