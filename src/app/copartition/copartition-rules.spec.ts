import { ApiError } from '../shared/api-error';
import { aFinding, aGroup, aJob, aKeyEvidence, aMisplacedKey, aReport } from './copartition.builders';
import {
  badge,
  causeTitle,
  evidenceRows,
  failedCheck,
  groupCardView,
  isDeclared,
  originLabel,
  percentDone,
  verdictCounts,
} from './copartition-rules';

describe('copartition rules', () => {
  describe('badge', () => {
    it('reads broken as an error', () => expect(badge('broken')).toEqual({ label: 'Broken', tone: 'error', icon: 'error' }));
    it('reads at risk as a warning', () => expect(badge('at-risk').tone).toBe('warn'));
    it('reads healthy as ok', () => expect(badge('healthy').tone).toBe('ok'));

    describe('when the quick check ran out of time', () => {
      it('says it was not checked', () => expect(badge(null).label).toBe('Not checked'));
    });
  });

  describe('causeTitle', () => {
    it('names the cause in a few words', () => expect(causeTitle('schema-id')).toBe('Schema ids in the key bytes'));
    it('names misplaced records', () => expect(causeTitle('misplaced-key')).toBe('Records away from the rest of their key'));
  });

  describe('originLabel', () => {
    it('names where the group comes from', () => expect(originLabel('streams-app')).toBe('Kafka Streams app'));
  });

  describe('evidenceRows', () => {
    it('puts each key on a row with its partition per topic, in the group order', () => {
      const rows = evidenceRows(aFinding(), ['shop.shipments.avro', 'shop.orders.avro']);

      expect(rows).toEqual([
        {
          key: 'order-1001',
          cells: [
            { partition: 0, expectedPartition: 0, schemaId: 2, isOffMurmur2: false, misplaced: [] },
            { partition: 2, expectedPartition: 2, schemaId: 1, isOffMurmur2: false, misplaced: [] },
          ],
          moreMisplaced: 0,
        },
      ]);
    });

    describe('for a key a custom partitioner placed', () => {
      it('marks the cell as off murmur2', () => {
        const evidence = aKeyEvidence({ placements: [{ topic: 'a', partition: 4, expectedPartition: 1, schemaId: null, keyHex: '6b' }] });

        const [row] = evidenceRows(aFinding({ keys: [evidence] }), ['a', 'b']);

        expect(row!.cells).toEqual([{ partition: 4, expectedPartition: 1, schemaId: null, isOffMurmur2: true, misplaced: [] }, null]);
      });
    });

    describe('for a key with a record away from the rest of it', () => {
      it('lists the record in its topic, with the partition it belongs on', () => {
        const [row] = evidenceRows(aFinding({ keys: [aMisplacedKey()] }), ['shop.orders.avro', 'shop.shipments.avro']);

        expect(row!.cells.map((cell) => cell!.misplaced)).toEqual([[], [{ partition: 1, offset: 6, belongsOn: 4 }]]);
        expect(row!.moreMisplaced).toBe(0);
      });

      it('counts the records beyond those listed', () => {
        const [row] = evidenceRows(aFinding({ keys: [aMisplacedKey({ misplacedCount: 12 })] }), ['shop.orders.avro']);

        expect(row!.moreMisplaced).toBe(11);
      });
    });
  });

  describe('isDeclared', () => {
    it('is true only for declared groups', () => {
      expect(isDeclared(aGroup({ origin: 'declared' }))).toBeTrue();
      expect(isDeclared(aGroup({ origin: 'streams-app' }))).toBeFalse();
    });
  });

  describe('percentDone', () => {
    it('is the share of partitions read', () => expect(percentDone(aJob())).toBe(25));

    describe('before the partitions are counted', () => {
      it('is 0', () => expect(percentDone(aJob({ progress: { partitionsRead: 0, partitionsTotal: 0, recordsRead: 0 } }))).toBe(0));
    });
  });

  describe('failedCheck', () => {
    it('carries the code and message of the failure', () =>
      expect(failedCheck(new ApiError(503, 'CLUSTER_UNREACHABLE', 'Kafka cluster local is unreachable'))).toEqual(
        jasmine.objectContaining({
          status: 'failed',
          error: { code: 'CLUSTER_UNREACHABLE', message: 'Kafka cluster local is unreachable' },
        }),
      ));
  });

  describe('groupCardView', () => {
    it('reads the quick report', () =>
      expect(groupCardView(aGroup(), aReport({ verdict: 'healthy', findings: [] }), null).badge.label).toBe('Healthy'));

    it('titles each finding and lays out its evidence in the group topic order', () => {
      const [finding] = groupCardView(aGroup(), aReport(), null).findings;

      expect(finding!.title).toBe('Schema ids in the key bytes');
      expect(finding!.rows[0]!.cells.map((cell) => cell!.schemaId)).toEqual([1, 2]);
    });

    describe('for a group that could not be checked', () => {
      it('carries the reason', () =>
        expect(groupCardView(aGroup(), null, null, 'No topic gone on cluster local').problem).toBe('No topic gone on cluster local'));
    });

    describe('once a full check is done', () => {
      it('reads its report instead of the quick one', () => {
        const view = groupCardView(
          aGroup(),
          aReport({ verdict: 'broken' }),
          aJob({ status: 'done', report: aReport({ verdict: 'healthy' }) }),
        );

        expect(view.badge.label).toBe('Healthy');
      });
    });

    describe('while a full check runs', () => {
      it('tells how far it has read', () => expect(groupCardView(aGroup(), aReport(), aJob()).percentDone).toBe(25));
    });
  });

  describe('verdictCounts', () => {
    it('counts the cards per verdict', () => {
      const cards = [aReport({ verdict: 'broken' }), aReport({ verdict: 'broken' }), aReport({ verdict: 'healthy' }), null].map((report) =>
        groupCardView(aGroup(), report, null),
      );

      expect(verdictCounts(cards)).toEqual({ broken: 2, atRisk: 0, healthy: 1 });
    });
  });
});
