import { ComponentHarness, HarnessPredicate, type BaseHarnessFilters } from '@angular/cdk/testing';
import { MatSortHeaderHarness } from '@angular/material/sort/testing';

/** Filters for {@link TopicListHarness}. */
export type TopicListHarnessFilters = BaseHarnessFilters;

/** A topic line as the operator reads it. */
export interface TopicListLine {
  name: string;
  /** Whether the line carries the "internal" badge. */
  isInternal: boolean;
  partitions: string;
  replication: string;
  underReplicated: string;
  messages: string;
  size: string;
  /** Whether the line is highlighted for partitions with too few in-sync replicas. */
  isUnderReplicated: boolean;
}

/** Cells per line: name, partitions, replication, under-replicated, messages, size. */
const COLUMNS = 6;

/** Harness for the virtually scrolled topic list (`kpc-topic-list`): only the lines in sight exist. */
export class TopicListHarness extends ComponentHarness {
  static hostSelector = 'kpc-topic-list';

  private readonly lines = this.locatorForAll('cdk-virtual-scroll-viewport [role="row"]');
  private readonly cells = this.locatorForAll('cdk-virtual-scroll-viewport [role="cell"]');
  private readonly links = this.locatorForAll('cdk-virtual-scroll-viewport [role="cell"].name a');

  /** A predicate to find a topic list among others. */
  static with(options: TopicListHarnessFilters = {}): HarnessPredicate<TopicListHarness> {
    return new HarnessPredicate(TopicListHarness, options);
  }

  /** How many rows the table says it has: every matching topic and the header, rendered or not. */
  async getAriaRowCount(): Promise<number> {
    return Number(await (await this.locatorFor('[role="table"]')()).getAttribute('aria-rowcount'));
  }

  /** How many topic lines are rendered now: those in sight, not all that are loaded. */
  async getRenderedLineCount(): Promise<number> {
    return (await this.lines()).length;
  }

  /** The rendered lines, top to bottom. */
  async getLines(): Promise<TopicListLine[]> {
    const [lines, cells, links] = await Promise.all([this.lines(), this.cells(), this.links()]);
    const [cellTexts, names, highlighted] = await Promise.all([
      Promise.all(cells.map((cell) => cell.text())),
      Promise.all(links.map((link) => link.text())),
      Promise.all(lines.map((line) => line.hasClass('under-replicated'))),
    ]);
    return names.map((name, index) => {
      const [nameCell, partitions, replication, underReplicated, messages, size] = cellTexts.slice(index * COLUMNS, (index + 1) * COLUMNS);
      return {
        name,
        isInternal: nameCell !== name,
        partitions: partitions!,
        replication: replication!,
        underReplicated: underReplicated!,
        messages: messages!,
        size: size!,
        isUnderReplicated: highlighted[index]!,
      };
    });
  }

  /** Sorts by the column with this header, e.g. `Size`; a second call reverses the order. */
  async sortBy(column: string): Promise<void> {
    await (await this.locatorFor(MatSortHeaderHarness.with({ label: column }))()).click();
  }

  /** The names of the rendered topics, top to bottom. */
  async getTopicNames(): Promise<string[]> {
    return (await this.getLines()).map((line) => line.name);
  }

  /** The names of the rendered topics highlighted as under-replicated. */
  async getUnderReplicatedTopicNames(): Promise<string[]> {
    return (await this.getLines()).filter((line) => line.isUnderReplicated).map((line) => line.name);
  }
}
