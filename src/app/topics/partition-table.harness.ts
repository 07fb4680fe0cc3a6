import { ComponentHarness, HarnessPredicate, type BaseHarnessFilters } from '@angular/cdk/testing';
import { MatTableHarness } from '@angular/material/table/testing';

/** Filters for {@link PartitionTableHarness}. */
export type PartitionTableHarnessFilters = BaseHarnessFilters;

/** A partition line as the operator reads it. */
export interface PartitionLine {
  partition: string;
  leader: string;
  replicas: string;
  /** The in-sync replicas, and "behind: …" naming those that fell out of sync. */
  inSync: string;
  earliestOffset: string;
  latestOffset: string;
  messages: string;
}

/** Harness for a topic's partitions table (`kpc-partition-table`). */
export class PartitionTableHarness extends ComponentHarness {
  static hostSelector = 'kpc-partition-table';

  private readonly table = this.locatorFor(MatTableHarness);

  /** A predicate to find a partitions table among others. */
  static with(options: PartitionTableHarnessFilters = {}): HarnessPredicate<PartitionTableHarness> {
    return new HarnessPredicate(PartitionTableHarness, options);
  }

  /** The partitions, in the table's order. */
  async getLines(): Promise<PartitionLine[]> {
    const rows = await (await this.table()).getRows();
    return Promise.all(
      rows.map(async (row) => {
        const cells = await row.getCellTextByColumnName();
        return {
          partition: cells['partition']!,
          leader: cells['leader']!,
          replicas: cells['replicas']!,
          inSync: cells['isr']!,
          earliestOffset: cells['earliest']!,
          latestOffset: cells['latest']!,
          messages: cells['messages']!,
        };
      }),
    );
  }
}
