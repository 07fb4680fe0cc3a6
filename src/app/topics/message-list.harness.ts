import { ComponentHarness, HarnessPredicate, type BaseHarnessFilters } from '@angular/cdk/testing';

/** Filters for {@link MessageListHarness}. */
export type MessageListHarnessFilters = BaseHarnessFilters;

/** A message line as the operator reads it, closed. */
export interface MessageLine {
  partition: string;
  offset: string;
  timestamp: string;
  key: string;
  valuePreview: string;
}

/** Harness for a list of messages (`kpc-message-list`), one line each, opened by a click. */
export class MessageListHarness extends ComponentHarness {
  static hostSelector = 'kpc-message-list';

  private readonly lines = this.locatorForAll('.line:not(.head)');
  private readonly values = this.locatorForAll('.detail pre.value');

  /** A predicate to find a message list among others. */
  static with(options: MessageListHarnessFilters = {}): HarnessPredicate<MessageListHarness> {
    return new HarnessPredicate(MessageListHarness, options);
  }

  /** The messages, top to bottom. */
  async getLines(): Promise<MessageLine[]> {
    const cells = await this.locatorForAll('.line:not(.head) [role="cell"]')();
    const texts = await Promise.all(cells.map((cell) => cell.text()));
    return Array.from({ length: texts.length / 5 }, (_, index) => {
      const [partition, offset, timestamp, key, valuePreview] = texts.slice(index * 5, index * 5 + 5);
      return { partition: partition!, offset: offset!, timestamp: timestamp!, key: key!, valuePreview: valuePreview! };
    });
  }

  /** The keys of the messages, top to bottom. */
  async getKeys(): Promise<string[]> {
    return (await this.getLines()).map((line) => line.key);
  }

  /** Opens or closes the message on this line (0 is the top one). */
  async toggle(index: number): Promise<void> {
    const line = (await this.lines())[index];
    if (!line) throw new Error(`There is no message line ${index}`);
    await line.click();
  }

  /** The whole values of the opened messages, as shown expanded (JSON pretty-printed). */
  async getOpenValues(): Promise<string[]> {
    return Promise.all((await this.values()).map((value) => value.text()));
  }
}
