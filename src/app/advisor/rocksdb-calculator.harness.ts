import { ComponentHarness } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';

/** Harness for the RocksDB memory calculator (`kpc-rocksdb-calculator`). */
export class RocksDbCalculatorHarness extends ComponentHarness {
  static hostSelector = 'kpc-rocksdb-calculator';

  private readonly total = this.locatorFor('[data-testid="total-memory"]');
  private readonly storeMemory = this.locatorForAll('[data-testid="store-memory"]');
  private readonly budgetVerdict = this.locatorForOptional('[data-testid="budget-verdict"]');
  private readonly note = this.locatorForOptional('.note');
  private readonly prefillSelect = this.locatorForOptional(MatSelectHarness);
  private readonly storeNames = this.locatorForAll(MatInputHarness.with({ ancestor: '.store .name' }));
  private readonly windowedBoxes = this.locatorForAll(MatCheckboxHarness.with({ ancestor: '.store' }));
  private readonly addButton = this.locatorFor(MatButtonHarness.with({ text: /Add store/ }));

  /** The total, e.g. `3,528 MiB`. */
  async getTotal(): Promise<string> {
    return (await this.total()).text();
  }

  /** Each store's share, in the rows' order. */
  async getStoreMemory(): Promise<string[]> {
    return Promise.all((await this.storeMemory()).map((cell) => cell.text()));
  }

  /** Each row's store name. */
  async getStoreNames(): Promise<string[]> {
    return Promise.all((await this.storeNames()).map((input) => input.getValue()));
  }

  /** Whether each row's store is windowed. */
  async getWindowed(): Promise<boolean[]> {
    return Promise.all((await this.windowedBoxes()).map((box) => box.isChecked()));
  }

  async addStore(): Promise<void> {
    return (await this.addButton()).click();
  }

  /** Types into the field of that label: a setting, the budget, or a store's (the index-th row's). */
  async setField(label: string, value: string, index = 0): Promise<void> {
    const fields = await this.locatorForAll(MatFormFieldHarness.with({ floatingLabelText: label }))();
    const input = await fields[index]?.getControl(MatInputHarness);
    if (!input) throw new Error(`No field labelled ${label} in row ${index}`);
    await input.setValue(value);
  }

  /** The apps to prefill from; empty when there is no select. */
  async getPrefillOptions(): Promise<string[]> {
    const select = await this.prefillSelect();
    if (!select) return [];
    await select.open();
    const options = await Promise.all((await select.getOptions()).map((option) => option.getText()));
    await select.close();
    return options;
  }

  async prefillFrom(app: string): Promise<void> {
    const select = await this.prefillSelect();
    if (!select) throw new Error('There is no app to prefill from');
    await select.open();
    await select.clickOptions({ text: app });
  }

  /** Whether the total is over or within the budget, and by how much; null without a budget. */
  async getBudgetVerdict(): Promise<string | null> {
    const verdict = await this.budgetVerdict();
    return verdict ? verdict.text() : null;
  }

  /** Why a prefill left the stores as they were; null when it did not. */
  async getPrefillNote(): Promise<string | null> {
    const note = await this.note();
    return note ? note.text({ exclude: 'mat-icon' }) : null;
  }
}
