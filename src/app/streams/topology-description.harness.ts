import { ComponentHarness } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatExpansionPanelHarness } from '@angular/material/expansion/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatTooltipHarness } from '@angular/material/tooltip/testing';

/** The section's buttons, by their words. */
export type DescriptionAction = "Add the app's description" | 'Replace' | 'Remove';

/** Harness for the app's topology description on its page (`kpc-topology-description-section`). */
export class TopologyDescriptionSectionHarness extends ComponentHarness {
  static hostSelector = 'kpc-topology-description-section';

  private readonly explanation = this.locatorForOptional('.explanation');
  private readonly givenAt = this.locatorForOptional('.given-at time');
  private readonly matches = this.locatorForOptional('[data-testid="matches"]');
  private readonly differences = this.locatorForAll('[data-testid="differences"] li');
  private readonly panel = this.locatorForOptional(MatExpansionPanelHarness);
  private readonly tooltip = this.locatorFor(MatTooltipHarness);

  /** What a description would add, shown while none is given; null once one is. */
  async getExplanation(): Promise<string | null> {
    const explanation = await this.explanation();
    return explanation ? explanation.text() : null;
  }

  /** When the description was given (ISO-8601); null while none is. */
  async getGivenAt(): Promise<string | null> {
    const time = await this.givenAt();
    return time ? time.getAttribute('datetime') : null;
  }

  /** Whether it says the description matches the broker. */
  async isMatching(): Promise<boolean> {
    return !!(await this.matches());
  }

  /** Where the description and the broker disagree, as listed. */
  async getDifferences(): Promise<string[]> {
    return Promise.all((await this.differences()).map((item) => item.text()));
  }

  /** The description's text, opening its panel. */
  async getText(): Promise<string> {
    const panel = await this.panel();
    if (!panel) throw new Error('No description is given');
    await panel.expand();
    return (await this.locatorFor('pre.text')()).text();
  }

  /** Whether the button offers itself; false when it is not there at all. */
  async isEnabled(action: DescriptionAction): Promise<boolean> {
    const [button] = await this.locatorForAll(MatButtonHarness.with({ text: new RegExp(`${action}$`) }))();
    return !!button && !(await button.isDisabled());
  }

  /** Presses the button. */
  async press(action: DescriptionAction): Promise<void> {
    await (await this.locatorFor(MatButtonHarness.with({ text: new RegExp(`${action}$`) }))()).click();
  }

  /** Why the buttons are disabled, as said on hover. */
  async getReason(): Promise<string> {
    const tooltip = await this.tooltip();
    await tooltip.show();
    return tooltip.getTooltipText();
  }
}

/** Harness for the dialog that takes the app's `Topology#describe()` output (`kpc-topology-description-dialog`). */
export class TopologyDescriptionDialogHarness extends ComponentHarness {
  static hostSelector = 'kpc-topology-description-dialog';

  private readonly title = this.locatorFor('[mat-dialog-title]');
  private readonly hint = this.locatorFor('.hint');
  private readonly textArea = this.locatorFor(MatInputHarness.with({ selector: 'textarea' }));
  private readonly saveButton = this.locatorFor(MatButtonHarness.with({ text: 'Save' }));
  private readonly error = this.locatorForOptional('[role="alert"]');

  /** `Add the app's description`, or `Replace the app's description`. */
  async getTitle(): Promise<string> {
    return (await this.title()).text();
  }

  /** How to get the text from the app. */
  async getHint(): Promise<string> {
    return (await this.hint()).text();
  }

  /** The text field's label. */
  async getLabel(): Promise<string> {
    return (await this.locatorFor('mat-label')()).text();
  }

  /** The text as it stands in the field. */
  async getText(): Promise<string> {
    return (await this.textArea()).getValue();
  }

  /** Puts the text in the field, as pasted. */
  async setText(text: string): Promise<void> {
    return (await this.textArea()).setValue(text);
  }

  /** Whether saving waits: for a text, or for the save under way. */
  async isSaveDisabled(): Promise<boolean> {
    return (await this.saveButton()).isDisabled();
  }

  async save(): Promise<void> {
    return (await this.saveButton()).click();
  }

  /** Why the text was not saved, in the server's words; null when nothing failed. */
  async getError(): Promise<string | null> {
    const error = await this.error();
    return error ? error.text() : null;
  }
}
