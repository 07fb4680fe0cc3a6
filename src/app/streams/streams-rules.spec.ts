import { aStore } from './streams.builders';
import { protocolExplanation, restoreExplanation, restoreLabel, retentionVerdict, streamsStateTone } from './streams-rules';

describe('streams-rules', () => {
  describe('streamsStateTone', () => {
    it('reads a stable app as fine', () => expect(streamsStateTone('Stable')).toBe('ok'));

    it('reads an app not ready or assigning as needing a look', () => {
      expect(streamsStateTone('NotReady')).toBe('warn');
      expect(streamsStateTone('Assigning')).toBe('warn');
      expect(streamsStateTone('Reconciling')).toBe('warn');
    });

    it('reads an empty app as idle', () => expect(streamsStateTone('Empty')).toBe('idle'));
  });

  describe('protocolExplanation', () => {
    it('tells a classic app is known by its internal topic names only', () =>
      expect(protocolExplanation('classic')).toContain('internal topic names'));
  });

  describe('retentionVerdict', () => {
    const WEEK = 604_800_000;

    describe('for a compacted changelog', () => {
      it('flags nothing, whatever the retention', () => {
        const verdict = retentionVerdict(aStore({ cleanupPolicy: 'compact', retentionMs: null }));

        expect(verdict.label).toBe('compacted');
        expect(verdict.flag).toBeUndefined();
      });
    });

    describe('for a windowed store’s changelog, compacted and deleted', () => {
      const windowed = { windowed: true, cleanupPolicy: 'compact,delete', brokerDefaultRetentionMs: WEEK };

      it('accepts a retention within the broker default', () =>
        expect(retentionVerdict(aStore({ ...windowed, retentionMs: 86_400_000 }))).toEqual({
          label: '1 d',
          reason: 'Within the broker default of 7 d.',
        }));

      it('flags one longer than the broker default', () =>
        expect(retentionVerdict(aStore({ ...windowed, retentionMs: 4 * WEEK }))).toEqual(
          jasmine.objectContaining({ label: '28 d', flag: 'longer' }),
        ));

      it('flags one kept forever', () => {
        expect(retentionVerdict(aStore({ ...windowed, retentionMs: null })).flag).toBe('infinite');
        expect(retentionVerdict(aStore({ ...windowed, retentionMs: -1 }))).toEqual(
          jasmine.objectContaining({ label: 'forever', flag: 'infinite' }),
        );
      });
    });

    describe('without a known cleanup policy', () => {
      it('judges a windowed store as deleting', () =>
        expect(retentionVerdict(aStore({ windowed: true, cleanupPolicy: null, retentionMs: null })).flag).toBe('infinite'));
    });
  });

  describe('restore', () => {
    it('tells the time at the measured rate, and how it was estimated', () => {
      const store = aStore({ records: 90_000, restoreRate: 500, restoreSeconds: 180 });

      expect(restoreLabel(store)).toBe('3 min');
      expect(restoreExplanation(store)).toContain('90,000 records in the changelog at 500/s');
    });

    it('says when it cannot be told', () => {
      const store = aStore({ restoreSeconds: null, restoreRate: null });

      expect(restoreLabel(store)).toBe('—');
      expect(restoreExplanation(store)).toContain('Unknown');
    });
  });
});
