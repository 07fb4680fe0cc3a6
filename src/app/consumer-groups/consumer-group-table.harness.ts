import { ComponentHarness, HarnessPredicate, type BaseHarnessFilters } from '@angular/cdk/testing';
import { MatSortHeaderHarness } from '@angular/material/sort/testing';

/** Filters for {@link ConsumerGroupTableHarness}. */
export type ConsumerGroupTableHarnessFilters = BaseHarnessFilters;

/** A group line as the operator reads it. */
export interface ConsumerGroupLine {
  group: string;
  state: string;
  members: string;
  topics: string;
  lag: string;
}

/** Cells per line: group, state, members, topics, lag. */
const COLUMNS = 5;

/** Harness for the virtually scrolled group list (`kpc-consumer-group-table`): only the lines in sight exist. */
export class ConsumerGroupTableHarness extends ComponentHarness {
  static hostSelector = 'kpc-consumer-group-table';

  private readonly table = this.locatorFor('[role="table"]');
  private readonly lines = this.locatorForAll('cdk-virtual-scroll-viewport [role="row"]');
  private readonly cells = this.locatorForAll('cdk-virtual-scroll-viewport [role="cell"]');

  /** A predicate to find a group list among others. */
  static with(options: ConsumerGroupTableHarnessFilters = {}): HarnessPredicate<ConsumerGroupTableHarness> {
    return new HarnessPredicate(ConsumerGroupTableHarness, options);
  }

  /** How many rows the table says it has: every matching group and the header, rendered or not. */
  async getAriaRowCount(): Promise<number> {
    return Number(await (await this.table()).getAttribute('aria-rowcount'));
  }

  /** How many group lines are rendered now: those in sight, not all that are loaded. */
  async getRenderedLineCount(): Promise<number> {
    return (await this.lines()).length;
  }

  /** The rendered lines, top to bottom. */
  async getLines(): Promise<ConsumerGroupLine[]> {
    const texts = await Promise.all((await this.cells()).map((cell) => cell.text()));
    return Array.from({ length: texts.length / COLUMNS }, (_, index) => {
      const [group, state, members, topics, lag] = texts.slice(index * COLUMNS, (index + 1) * COLUMNS);
      return { group: group!, state: state!, members: members!, topics: topics!, lag: lag! };
    });
  }

  /** The ids of the rendered groups, top to bottom. */
  async getGroupIds(): Promise<string[]> {
    return (await this.getLines()).map((line) => line.group);
  }

  /** Sorts by the column with this header, e.g. `Lag`; a second call reverses the order. */
  async sortBy(column: string): Promise<void> {
    await (await this.locatorFor(MatSortHeaderHarness.with({ label: column }))()).click();
  }

  /** The text shown when no group matches; empty when there are groups. */
  async getEmptyText(): Promise<string> {
    const empty = await this.locatorForOptional('.empty')();
    return empty ? empty.text() : '';
  }
}
