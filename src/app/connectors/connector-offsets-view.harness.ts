import { ComponentHarness } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatTableHarness } from '@angular/material/table/testing';

/** One committed offset as the view lists it. */
export interface ShownOffset {
  partition: string;
  offset: string;
}

/** Harness for a connector's offsets and the editor to rewind them ({@link ConnectorOffsetsView}). */
export class ConnectorOffsetsViewHarness extends ComponentHarness {
  static hostSelector = 'kpc-connector-offsets-view';

  private readonly table = this.locatorForOptional(MatTableHarness);
  private readonly startOverButton = this.locatorFor(MatButtonHarness.with({ text: /Start over/ }));
  private readonly continueButton = this.locatorFor(MatButtonHarness.with({ text: /Continue from these offsets/ }));
  private readonly editor = this.locatorFor('textarea');
  private readonly problem = this.locatorForOptional('[role="alert"]');

  /** The committed offsets, one per partition; none when nothing is committed yet. */
  async getOffsets(): Promise<ShownOffset[]> {
    const table = await this.table();
    if (!table) return [];
    const rows = await table.getRows();
    return Promise.all(
      rows.map(async (row) => {
        const cells = await row.getCellTextByColumnName();
        return { partition: cells['partition'] ?? '', offset: cells['offset'] ?? '' };
      }),
    );
  }

  /** Asks to start over from the beginning. */
  async startOver(): Promise<void> {
    return (await this.startOverButton()).click();
  }

  /** Whether starting over waits, as it does while a change is applied. */
  async isStartOverDisabled(): Promise<boolean> {
    return (await this.startOverButton()).isDisabled();
  }

  /** Replaces the new offsets' JSON with `text`, as typed. */
  async typeOffsets(text: string): Promise<void> {
    const editor = await this.editor();
    await editor.setInputValue(text);
    await editor.dispatchEvent('input');
  }

  /** Asks to continue from the typed offsets. */
  async continueFromOffsets(): Promise<void> {
    return (await this.continueButton()).click();
  }

  /** Whether continuing waits: while a change is applied, or until the typed offsets make sense. */
  async isContinueDisabled(): Promise<boolean> {
    return (await this.continueButton()).isDisabled();
  }

  /** What is wrong with the typed offsets; null when nothing is. */
  async getProblem(): Promise<string | null> {
    const problem = await this.problem();
    return problem ? problem.text() : null;
  }
}
