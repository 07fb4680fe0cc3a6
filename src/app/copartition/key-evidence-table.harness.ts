import { ComponentHarness, HarnessPredicate, type BaseHarnessFilters } from '@angular/cdk/testing';

/** A key as the evidence table shows it: per topic, what its cell reads, e.g. `partition 2 id 1 murmur2 → 2`. */
export interface EvidenceLine {
  key: string;
  /** Per topic, in the table's column order; `not sampled` where the key was not read. */
  placements: string[];
}

/** One cell: a key, or its placement in one topic. */
class EvidenceCellHarness extends ComponentHarness {
  static hostSelector = 'td';

  private readonly parts = this.locatorForAll('span');
  private readonly expected = this.locatorForOptional('.expected');
  private readonly misplaced = this.locatorForAll('.misplaced');

  /** The cell's words, its parts separated by a space. */
  async getText(): Promise<string> {
    const parts = await this.parts();
    if (!parts.length) return (await this.host()).text();
    return (await Promise.all(parts.map((part) => part.text()))).join(' ');
  }

  /** The key's records in this topic away from its partition, e.g. `offset 6 on partition 1 (belongs on 4)`. */
  async getMisplaced(): Promise<string[]> {
    return Promise.all((await this.misplaced()).map((record) => record.text()));
  }

  /** Whether the key sits elsewhere than Java's default partitioner would put it. */
  async isOffMurmur2(): Promise<boolean> {
    const expected = await this.expected();
    return !!expected && expected.hasClass('off');
  }
}

/** One key's row. */
class EvidenceRowHarness extends ComponentHarness {
  static hostSelector = 'tbody tr';

  readonly cells = this.locatorForAll(EvidenceCellHarness);
  private readonly key = this.locatorFor('.key > span:first-child');

  /** The key alone, without what its cell says besides. */
  async getKey(): Promise<string> {
    return (await this.key()).text();
  }
}

/** Harness for the keys that show a finding (`kpc-key-evidence-table`). */
export class KeyEvidenceTableHarness extends ComponentHarness {
  static hostSelector = 'kpc-key-evidence-table';

  private readonly headers = this.locatorForAll('thead th');
  private readonly rows = this.locatorForAll(EvidenceRowHarness);

  /** A predicate to find a table among others. */
  static with(options: BaseHarnessFilters = {}): HarnessPredicate<KeyEvidenceTableHarness> {
    return new HarnessPredicate(KeyEvidenceTableHarness, options);
  }

  /** The topics, one per column after the key. */
  async getTopics(): Promise<string[]> {
    const [, ...topics] = await Promise.all((await this.headers()).map((header) => header.text()));
    return topics;
  }

  /** Each key with its placement per topic (and the records of it a join misses, in their topic's cell). */
  async getLines(): Promise<EvidenceLine[]> {
    return Promise.all(
      (await this.rows()).map(async (row) => {
        const [, ...placements] = await Promise.all((await row.cells()).map((cell) => cell.getText()));
        return { key: await row.getKey(), placements };
      }),
    );
  }

  /** Per key, its records a join misses, each with its topic: `topic: offset 6 on partition 1 (belongs on 4)`. */
  async getMisplacedRecords(): Promise<Record<string, string[]>> {
    const topics = await this.getTopics();
    const entries = await Promise.all(
      (await this.rows()).map(async (row) => {
        const [, ...placements] = await row.cells();
        const records = await Promise.all(
          placements.map(async (cell, index) => (await cell.getMisplaced()).map((record) => `${topics[index]}: ${record}`)),
        );
        return [await row.getKey(), records.flat()] as const;
      }),
    );
    return Object.fromEntries(entries.filter(([, records]) => records.length > 0));
  }

  /** The keys that sit, in at least one topic, elsewhere than murmur2 of their bytes says. */
  async getKeysOffMurmur2(): Promise<string[]> {
    const keys = await Promise.all(
      (await this.rows()).map(async (row) => {
        const [, ...placements] = await row.cells();
        const isOff = (await Promise.all(placements.map((cell) => cell.isOffMurmur2()))).some(Boolean);
        return isOff ? row.getKey() : undefined;
      }),
    );
    return keys.filter((key): key is string => key !== undefined);
  }
}
