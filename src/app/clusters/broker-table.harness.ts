import { ComponentHarness, HarnessPredicate, type BaseHarnessFilters } from '@angular/cdk/testing';
import { MatTableHarness } from '@angular/material/table/testing';

/** Filters for {@link BrokerTableHarness}. */
export type BrokerTableHarnessFilters = BaseHarnessFilters;

/** A broker line as the operator reads it. */
export interface BrokerLine {
  id: string;
  address: string;
  /** The rack, or a dash without one. */
  rack: string;
  /** `Active controller`, or empty. */
  role: string;
  leaderPartitions: string;
  replicasHosted: string;
}

/** Harness for a cluster's brokers table (`kpc-broker-table`). */
export class BrokerTableHarness extends ComponentHarness {
  static hostSelector = 'kpc-broker-table';

  private readonly table = this.locatorFor(MatTableHarness);

  /** A predicate to find a brokers table among others. */
  static with(options: BrokerTableHarnessFilters = {}): HarnessPredicate<BrokerTableHarness> {
    return new HarnessPredicate(BrokerTableHarness, options);
  }

  /** The brokers, in the table's order. */
  async getLines(): Promise<BrokerLine[]> {
    const rows = await (await this.table()).getRows();
    return Promise.all(
      rows.map(async (row) => {
        const cells = await row.getCellTextByColumnName();
        return {
          id: cells['id']!,
          address: cells['address']!,
          rack: cells['rack']!,
          role: cells['role']!,
          leaderPartitions: cells['leaders']!,
          replicasHosted: cells['replicas']!,
        };
      }),
    );
  }
}
