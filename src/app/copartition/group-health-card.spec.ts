import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { aCardView, aFinding, aGroup, aJob, aMisplacedKey, aReport } from './copartition.builders';
import type { CopartitionGroup, GroupCardView } from './copartition.model';
import { GroupHealthCard } from './group-health-card';
import { GroupHealthCardHarness } from './group-health-card.harness';

describe('GroupHealthCard', () => {
  let fixture: ComponentFixture<GroupHealthCard>;

  async function show(view: GroupCardView): Promise<GroupHealthCardHarness> {
    fixture = TestBed.createComponent(GroupHealthCard);
    fixture.componentRef.setInput('view', view);
    return TestbedHarnessEnvironment.harnessForFixture(fixture, GroupHealthCardHarness);
  }

  it('names the group, where it comes from and its topics', async () => {
    const card = await show(aCardView({ report: null }));

    expect(await card.getName()).toBe('shipment-tracker');
    expect(await card.getOrigin()).toBe('Consumer group');
    expect(await card.getTopics()).toEqual(['shop.orders.avro', 'shop.shipments.avro']);
  });

  describe('for a broken group', () => {
    it('shows the verdict and its summary', async () => {
      const card = await show(aCardView({ report: aReport({ verdict: 'broken', summary: 'Not co-partitioned.' }) }));

      expect(await card.getVerdict()).toBe('Broken');
      expect(await card.getSummary()).toBe('Not co-partitioned.');
    });

    it('opens each finding with its fix', async () => {
      const card = await show(
        aCardView({ report: aReport({ findings: [aFinding({ cause: 'schema-id', fix: 'Use a primitive serde.' })] }) }),
      );

      expect(await card.getFindings()).toEqual([{ title: 'Schema ids in the key bytes', fix: 'Use a primitive serde.', isExpanded: true }]);
    });

    it('shows the keys that prove it', async () => {
      const card = await show(aCardView());

      const [evidence] = await card.getEvidenceTables();

      expect((await evidence!.getLines()).map((line) => line.key)).toEqual(['order-1001']);
    });
  });

  describe('for a key with a record away from the rest of it', () => {
    it('shows the finding, its fix naming the key, and the record a join misses', async () => {
      const misplaced = aFinding({
        cause: 'misplaced-key',
        fix: 'The producer of shop.shipments.avro used an explicit partition or a custom partitioner for u1; re-produce it to partition 4.',
        keys: [aMisplacedKey()],
      });
      const card = await show(aCardView({ report: aReport({ findings: [misplaced] }) }));

      expect(await card.getFindings()).toEqual([
        { title: 'Records away from the rest of their key', fix: misplaced.fix, isExpanded: true },
      ]);
      const [evidence] = await card.getEvidenceTables();
      expect(await evidence!.getMisplacedRecords()).toEqual({ u1: ['shop.shipments.avro: offset 6 on partition 1 (belongs on 4)'] });
    });
  });

  describe('for a group at risk', () => {
    it('leaves its findings closed', async () => {
      const card = await show(
        aCardView({ report: aReport({ verdict: 'at-risk', findings: [aFinding({ cause: 'partitions-added', keys: [] })] }) }),
      );

      expect(await card.getFindings()).toEqual([
        jasmine.objectContaining({ title: 'Partitions added after the data was written', isExpanded: false }),
      ]);
      expect(await card.getEvidenceTables()).toEqual([]);
    });
  });

  describe('when the quick look ran out of time', () => {
    it('says it was not checked yet', async () => {
      const card = await show(aCardView({ report: null }));

      expect(await card.getVerdict()).toBe('Not checked');
      expect(await card.getSummary()).toContain('Not checked yet');
    });
  });

  describe('while a full check runs', () => {
    it('shows how far it has read, and waits before another', async () => {
      const card = await show(
        aCardView({ report: null, job: aJob({ progress: { partitionsRead: 3, partitionsTotal: 12, recordsRead: 150 } }) }),
      );

      expect(await card.getProgress()).toBe('Reading keys: 3 of 12 partitions, 150 records');
      expect(await card.getSummary()).toBeNull();
      expect(await card.isCheckNowDisabled()).toBeTrue();
    });
  });

  describe('once a full check is done', () => {
    it('shows its report and offers another check', async () => {
      const card = await show(aCardView({ job: aJob({ status: 'done', report: aReport({ verdict: 'healthy', findings: [] }) }) }));

      expect(await card.getVerdict()).toBe('Healthy');
      expect(await card.getProgress()).toBeNull();
      expect(await card.isCheckNowDisabled()).toBeFalse();
    });
  });

  describe('when the check failed', () => {
    it('says why', async () => {
      const card = await show(
        aCardView({
          job: aJob({ status: 'failed', error: { code: 'CLUSTER_UNREACHABLE', message: 'Kafka cluster local is unreachable' } }),
        }),
      );

      expect(await card.getFailure()).toBe('Kafka cluster local is unreachable');
    });
  });

  describe('Check now', () => {
    it('asks to check the group', async () => {
      const card = await show(aCardView());
      const checked: CopartitionGroup[] = [];
      fixture.componentInstance.check.subscribe((group) => checked.push(group));

      await card.checkNow();

      expect(checked).toEqual([aGroup()]);
    });
  });

  describe('for a declared group', () => {
    const declared = aGroup({ id: 'declared:orders', name: 'orders', origin: 'declared' });

    it('asks to edit it', async () => {
      const card = await show(aCardView({ group: declared }));
      const edited: CopartitionGroup[] = [];
      fixture.componentInstance.edit.subscribe((group) => edited.push(group));

      await card.edit();

      expect(edited).toEqual([declared]);
    });

    it('asks to remove it', async () => {
      const card = await show(aCardView({ group: declared }));
      const removed: CopartitionGroup[] = [];
      fixture.componentInstance.remove.subscribe((group) => removed.push(group));

      await card.remove();

      expect(removed).toEqual([declared]);
    });
  });

  describe('for a group found in the cluster', () => {
    it('offers neither edit nor remove: it comes back on its own', async () =>
      expect(await (await show(aCardView({ group: aGroup({ origin: 'streams-app' }) }))).isEditable()).toBeFalse());
  });
});
