import { aConnectorOffsetsRecord, anAuditRecord, aTopicRecord } from './audit.builders';
import type { ConsumerGroupOffsetsRecord } from './audit.model';
import { auditRow, canUndo, describeChanges } from './audit-format';

describe('audit-format', () => {
  describe('canUndo', () => {
    describe('for an offset reset', () => {
      it('is true', () => expect(canUndo(anAuditRecord())).toBeTrue());
    });

    describe('for a reset undone already', () => {
      it('is false', () => expect(canUndo(anAuditRecord({ undoneBy: 'later' }))).toBeFalse());
    });

    describe('for an undo', () => {
      it('is false', () => expect(canUndo(anAuditRecord({ action: 'consumer-group.offsets.undo' }))).toBeFalse());
    });

    describe('for a reset that failed', () => {
      it('is false: there is nothing to undo', () => expect(canUndo(anAuditRecord({ outcome: 'failed' }))).toBeFalse());
    });
  });

  describe('describeChanges', () => {
    describe("for a consumer group's offsets", () => {
      it('lists each partition under its topic, a dash where there was no offset', () =>
        expect(describeChanges(anAuditRecord())).toBe('shop.orders.events p0: 8 → 3, p1: — → 0'));
    });

    describe("for a connector's offsets", () => {
      it('shows them as short JSON', () =>
        expect(describeChanges(aConnectorOffsetsRecord({ after: [] }))).toBe(
          '[{"partition":{"filename":"orders.txt"},"offset":{"position":1}}] → []',
        ));
    });

    describe('for a reset that failed', () => {
      it('shows the offsets it found and nothing after', () =>
        expect(describeChanges(anAuditRecord({ outcome: 'failed', after: null as unknown as [] }))).toBe(
          'shop.orders.events p0: 8 → —, p1: — → —',
        ));
    });

    describe("for a topic's state", () => {
      it('names what changed, a dash where there was nothing', () =>
        expect(
          describeChanges(
            aTopicRecord({
              before: { partitions: 2, configs: { 'retention.ms': null } },
              after: { partitions: 3, configs: { 'retention.ms': '3600000' } },
            }),
          ),
        ).toBe('partitions: 2 → 3, retention.ms: — → 3600000'));
    });
  });

  describe('auditRow', () => {
    describe('for a change whose outcome is unknown', () => {
      it('says so in words', () => {
        const row = auditRow(anAuditRecord({ outcome: 'unknown' }));
        expect(row.outcomeLabel).toBe('Outcome unknown');
        expect(row.outcomeTone).toBe('unknown');
      });
    });

    describe('for an intact record', () => {
      it('has no integrity problem', () => expect(auditRow(anAuditRecord()).integrityProblem).toBeUndefined());
    });

    describe('for a record changed after the console wrote it', () => {
      it('says what is wrong with it', () =>
        expect(auditRow(anAuditRecord({ integrity: 'altered' })).integrityProblem).toContain('no longer matches'));
    });

    describe('for an offset reset', () => {
      it('names the action and shows the parameters but the topics', () => {
        const row = auditRow(anAuditRecord());
        expect(row.actionLabel).toBe('Offsets reset');
        expect(row.parametersText).toBe('mode: duration, value: PT2H');
      });
    });

    describe('for an undo', () => {
      it('leaves out the id of the undone reset', () =>
        expect(auditRow(anAuditRecord({ action: 'consumer-group.offsets.undo', parameters: { auditId: 'a' } })).parametersText).toBe(''));
    });

    describe('for an action this console has no words for', () => {
      it('shows its name', () =>
        expect(auditRow(anAuditRecord({ action: 'stream.rebalance' as ConsumerGroupOffsetsRecord['action'] })).actionLabel).toBe(
          'stream.rebalance',
        ));
    });
  });
});
