import { ComponentHarness, HarnessPredicate, type BaseHarnessFilters } from '@angular/cdk/testing';
import { MatSortHeaderHarness } from '@angular/material/sort/testing';

/** Filters for {@link StreamsAppTableHarness}. */
export type StreamsAppTableHarnessFilters = BaseHarnessFilters;

/** An app line as the operator reads it. */
export interface StreamsAppLine {
  app: string;
  protocol: string;
  state: string;
  members: string;
  subtopologies: string;
  stores: string;
  lag: string;
  rate: string;
}

/** Cells per line, in the order of {@link StreamsAppLine}. */
const COLUMNS = 8;

/** Harness for the virtually scrolled Streams apps list (`kpc-streams-app-table`): only the lines in sight exist. */
export class StreamsAppTableHarness extends ComponentHarness {
  static hostSelector = 'kpc-streams-app-table';

  private readonly table = this.locatorFor('[role="table"]');
  private readonly lines = this.locatorForAll('cdk-virtual-scroll-viewport [role="row"]');
  private readonly cells = this.locatorForAll('cdk-virtual-scroll-viewport [role="cell"]');

  /** A predicate to find an app list among others. */
  static with(options: StreamsAppTableHarnessFilters = {}): HarnessPredicate<StreamsAppTableHarness> {
    return new HarnessPredicate(StreamsAppTableHarness, options);
  }

  /** How many rows the table says it has: every matching app and the header, rendered or not. */
  async getAriaRowCount(): Promise<number> {
    return Number(await (await this.table()).getAttribute('aria-rowcount'));
  }

  /** How many app lines are rendered now: those in sight, not all that are loaded. */
  async getRenderedLineCount(): Promise<number> {
    return (await this.lines()).length;
  }

  /** The rendered lines, top to bottom. */
  async getLines(): Promise<StreamsAppLine[]> {
    const texts = await Promise.all((await this.cells()).map((cell) => cell.text()));
    return Array.from({ length: texts.length / COLUMNS }, (_, index) => {
      const [app, protocol, state, members, subtopologies, stores, lag, rate] = texts.slice(index * COLUMNS, (index + 1) * COLUMNS);
      return {
        app: app!,
        protocol: protocol!,
        state: state!,
        members: members!,
        subtopologies: subtopologies!,
        stores: stores!,
        lag: lag!,
        rate: rate!,
      };
    });
  }

  /** The ids of the rendered apps, top to bottom. */
  async getApplicationIds(): Promise<string[]> {
    return (await this.getLines()).map((line) => line.app);
  }

  /** Sorts by the column with this header, e.g. `Lag`; a second call reverses the order. */
  async sortBy(column: string): Promise<void> {
    await (await this.locatorFor(MatSortHeaderHarness.with({ label: column }))()).click();
  }

  /** The text shown when no app matches; empty when there are apps. */
  async getEmptyText(): Promise<string> {
    const empty = await this.locatorForOptional('.empty')();
    return empty ? empty.text() : '';
  }
}
