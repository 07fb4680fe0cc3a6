import { ComponentHarness } from '@angular/cdk/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatChipGridHarness } from '@angular/material/chips/testing';
import { MatInputHarness } from '@angular/material/input/testing';

/** Harness for the dialog that declares or edits a co-partition group (`kpc-declare-group-dialog`). */
export class DeclareGroupDialogHarness extends ComponentHarness {
  static hostSelector = 'kpc-declare-group-dialog';

  private readonly title = this.locatorFor('[mat-dialog-title]');
  private readonly nameInput = this.locatorFor(MatInputHarness.with({ selector: '[aria-label="Group name"]' }));
  private readonly topicInput = this.locatorFor(MatAutocompleteHarness.with({ selector: '[aria-label="Add topic"]' }));
  private readonly topicGrid = this.locatorFor(MatChipGridHarness);
  private readonly saveButton = this.locatorFor(MatButtonHarness.with({ text: /^(Declare|Save)$/ }));
  private readonly cancelButton = this.locatorFor(MatButtonHarness.with({ text: 'Cancel' }));
  private readonly error = this.locatorForOptional('[role="alert"]');

  /** `Declare a co-partition group`, or `Edit co-partition group`. */
  async getTitle(): Promise<string> {
    return (await this.title()).text();
  }

  /** The group's name as typed. */
  async getName(): Promise<string> {
    return (await this.nameInput()).getValue();
  }

  /** Types the group's name. */
  async setName(name: string): Promise<void> {
    return (await this.nameInput()).setValue(name);
  }

  /** Whether the name is fixed: a group being edited keeps its name. */
  async isNameReadonly(): Promise<boolean> {
    return (await this.nameInput()).isReadonly();
  }

  /** The chosen topics, in the order they were added. */
  async getTopics(): Promise<string[]> {
    const rows = await (await this.topicGrid()).getRows();
    return Promise.all(rows.map((row) => row.getText()));
  }

  /** Types the topic's name over what the field holds and picks it from the suggestions. */
  async addTopic(topic: string): Promise<void> {
    const input = await this.topicInput();
    await input.clear();
    await input.enterText(topic);
    await input.selectOption({ text: topic });
  }

  /** Takes a topic off the group with its chip's remove button. */
  async removeTopic(topic: string): Promise<void> {
    const [row] = await (await this.topicGrid()).getRows({ text: topic });
    if (!row) throw new Error(`${topic} is not among the chosen topics`);
    await row.remove();
  }

  /** The save button's words: `Declare` for a new group, `Save` for an edited one. */
  async getSaveLabel(): Promise<string> {
    return (await this.saveButton()).getText();
  }

  /** Whether saving waits: for a name and two topics, or for the save under way. */
  async isSaveDisabled(): Promise<boolean> {
    return (await this.saveButton()).isDisabled();
  }

  /** Declares or saves the group. */
  async save(): Promise<void> {
    return (await this.saveButton()).click();
  }

  /** Closes the dialog without saving. */
  async cancel(): Promise<void> {
    return (await this.cancelButton()).click();
  }

  /** Why the group was not saved; null when nothing failed. */
  async getError(): Promise<string | null> {
    const error = await this.error();
    return error ? error.text() : null;
  }
}
