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

  /** The cell's words, its parts separated by a space. */
  async getText(): Promise<string> {
    const parts = await this.parts();
    if (!parts.length) return (await this.host()).text();
    return (await Promise.all(parts.map((part) => part.text()))).join(' ');
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

  /** Each key with its placement per topic. */
  async getLines(): Promise<EvidenceLine[]> {
    return Promise.all(
      (await this.rows()).map(async (row) => {
        const [key, ...placements] = await Promise.all((await row.cells()).map((cell) => cell.getText()));
        return { key: key!, placements };
      }),
    );
  }

  /** The keys that sit, in at least one topic, elsewhere than murmur2 of their bytes says. */
  async getKeysOffMurmur2(): Promise<string[]> {
    const keys = await Promise.all(
      (await this.rows()).map(async (row) => {
        const [key, ...placements] = await row.cells();
        const isOff = (await Promise.all(placements.map((cell) => cell.isOffMurmur2()))).some(Boolean);
        return isOff ? key!.getText() : undefined;
      }),
    );
    return keys.filter((key): key is string => key !== undefined);
  }
}
