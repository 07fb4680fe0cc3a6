import { ComponentHarness, HarnessPredicate, type BaseHarnessFilters } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatTableHarness } from '@angular/material/table/testing';

/** Filters for {@link ConfigTableHarness}. */
export type ConfigTableHarnessFilters = BaseHarnessFilters;

/** A config line as the operator reads it (not while it is being edited). */
export interface ConfigLine {
  name: string;
  value: string;
  /** Where the value comes from, e.g. `topic`, `default`. */
  source: string;
}

/** Harness for a topic's configs table (`kpc-config-table`), edited in place. */
export class ConfigTableHarness extends ComponentHarness {
  static hostSelector = 'kpc-config-table';

  private readonly table = this.locatorFor(MatTableHarness);
  // The name cell also holds the documentation icon, whose ligature is text too.
  private readonly names = this.locatorForAll('td.name > span');
  private readonly saveButton = this.locatorFor(MatButtonHarness.with({ text: 'Save' }));
  private readonly error = this.locatorForOptional('.error[role="alert"]');

  /** A predicate to find a configs table among others. */
  static with(options: ConfigTableHarnessFilters = {}): HarnessPredicate<ConfigTableHarness> {
    return new HarnessPredicate(ConfigTableHarness, options);
  }

  /** The configs, in the table's order. */
  async getLines(): Promise<ConfigLine[]> {
    const [rows, names] = await Promise.all([(await this.table()).getRows(), this.names()]);
    return Promise.all(
      rows.map(async (row, index) => {
        const cells = await row.getCellTextByColumnName();
        return { name: await names[index]!.text(), value: cells['value']!, source: cells['source']! };
      }),
    );
  }

  /** Whether the config offers an Edit button (read-only ones do not). */
  async canEdit(name: string): Promise<boolean> {
    return (await this.locatorForOptional(this.editButton(name))()) !== null;
  }

  /** Whether the config's value is open in the editor. */
  async isEditing(name: string): Promise<boolean> {
    return (await this.locatorForOptional(this.valueInput(name))()) !== null;
  }

  /** Opens the config in the editor, types the value and saves it. */
  async editValue(name: string, value: string): Promise<void> {
    await (await this.locatorFor(this.editButton(name))()).click();
    await (await this.locatorFor(this.valueInput(name))()).setValue(value);
    await (await this.saveButton()).click();
  }

  /** Removes the topic's override of the config, so the default applies again. */
  async resetToDefault(name: string): Promise<void> {
    await (await this.locatorFor(MatButtonHarness.with({ selector: `[aria-label="Reset ${name} to default"]` }))()).click();
  }

  /** Why the last change of the edited config failed; null when it did not. */
  async getError(): Promise<string | null> {
    return (await this.error())?.text() ?? null;
  }

  private editButton(name: string) {
    return MatButtonHarness.with({ selector: `[aria-label="Edit ${name}"]` });
  }

  private valueInput(name: string) {
    return MatInputHarness.with({ selector: `[aria-label="New value of ${name}"]` });
  }
}
