import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { evidenceRows } from './copartition-rules';
import { aFinding, aKeyEvidence, aMisplacedKey } from './copartition.builders';
import type { Finding } from './copartition.model';
import { KeyEvidenceTable } from './key-evidence-table';
import { KeyEvidenceTableHarness } from './key-evidence-table.harness';

describe('KeyEvidenceTable', () => {
  const topics = ['shop.orders.avro', 'shop.shipments.avro'];

  let fixture: ComponentFixture<KeyEvidenceTable>;

  async function show(finding: Finding): Promise<KeyEvidenceTableHarness> {
    fixture = TestBed.createComponent(KeyEvidenceTable);
    fixture.componentRef.setInput('topics', topics);
    fixture.componentRef.setInput('rows', evidenceRows(finding, topics));
    return TestbedHarnessEnvironment.harnessForFixture(fixture, KeyEvidenceTableHarness);
  }

  it('has a column per topic of the group', async () => expect(await (await show(aFinding())).getTopics()).toEqual(topics));

  it('shows each key with its partition, schema id and murmur2 partition per topic', async () =>
    expect(await (await show(aFinding())).getLines()).toEqual([
      { key: 'order-1001', placements: ['partition 2 id 1 murmur2 → 2', 'partition 0 id 2 murmur2 → 0'] },
    ]));

  describe('for keys without a schema id', () => {
    it('shows no id', async () => {
      const plain = aKeyEvidence({
        placements: [
          { topic: 'shop.orders.avro', partition: 1, expectedPartition: 1, schemaId: null, keyHex: '6b' },
          { topic: 'shop.shipments.avro', partition: 1, expectedPartition: 1, schemaId: null, keyHex: '6b' },
        ],
      });

      const [line] = await (await show(aFinding({ keys: [plain] }))).getLines();

      expect(line!.placements).toEqual(['partition 1 murmur2 → 1', 'partition 1 murmur2 → 1']);
    });
  });

  describe('for a key one topic did not sample', () => {
    it('says so in its cell', async () => {
      const once = aKeyEvidence({
        placements: [{ topic: 'shop.orders.avro', partition: 2, expectedPartition: 2, schemaId: null, keyHex: '6b' }],
      });

      const [line] = await (await show(aFinding({ keys: [once] }))).getLines();

      expect(line!.placements[1]).toBe('not sampled');
    });
  });

  describe('for a key a custom partitioner placed', () => {
    it('marks where murmur2 would have put it', async () => {
      const moved = aKeyEvidence({
        key: 'order-7',
        placements: [{ topic: 'shop.orders.avro', partition: 4, expectedPartition: 1, schemaId: null, keyHex: '6b' }],
      });

      expect(await (await show(aFinding({ keys: [aKeyEvidence(), moved] }))).getKeysOffMurmur2()).toEqual(['order-7']);
    });
  });

  describe('for a key with a record away from the rest of it', () => {
    it('lists the record a join misses in its topic, with the partition it belongs on', async () => {
      const table = await show(aFinding({ cause: 'misplaced-key', keys: [aMisplacedKey()] }));

      expect(await table.getMisplacedRecords()).toEqual({ u1: ['shop.shipments.avro: offset 6 on partition 1 (belongs on 4)'] });
      expect((await table.getLines())[0]!.key).toBe('u1');
    });

    it('says how many more there are than it lists', async () => {
      await show(aFinding({ keys: [aMisplacedKey({ misplacedCount: 12 })] }));

      expect((fixture.nativeElement as HTMLElement).querySelector('.more')?.textContent).toContain('and 11 more misplaced records');
    });
  });
});
