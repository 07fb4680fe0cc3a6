import { ComponentHarness } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatInputHarness } from '@angular/material/input/testing';

/** Harness for the warning that a connector's topics do not exist ({@link ConnectorMissingTopics}). */
export class ConnectorMissingTopicsHarness extends ComponentHarness {
  static hostSelector = 'kpc-connector-missing-topics';

  private readonly message = this.locatorFor('.message');
  private readonly createFirst = this.locatorFor(MatCheckboxHarness);
  private readonly partitions = this.locatorFor(MatInputHarness.with({ selector: '[aria-label="Partitions"]' }));
  private readonly replicationFactor = this.locatorFor(MatInputHarness.with({ selector: '[aria-label="Replication factor"]' }));
  private readonly letConnectButton = this.locatorForOptional(MatButtonHarness.with({ text: /Let Connect create/ }));
  private readonly problem = this.locatorForOptional('.problem');

  /** What the warning says. */
  async getMessage(): Promise<string> {
    return (await this.message()).text();
  }

  /** Chooses to create the topics first, with the partitions and replication factor typed (blank: broker default). */
  async chooseCreating(partitions = '', replicationFactor = ''): Promise<void> {
    await (await this.createFirst()).check();
    await (await this.partitions()).setValue(partitions);
    await (await this.replicationFactor()).setValue(replicationFactor);
  }

  /** Whether it offers to let Connect create the topics (only a source can). */
  async canLetConnectCreate(): Promise<boolean> {
    return !!(await this.letConnectButton());
  }

  /** Asks to add `topic.creation.default.*` to the config. */
  async letConnectCreate(): Promise<void> {
    const button = await this.letConnectButton();
    if (!button) throw new Error('No "Let Connect create" button: the connector is not a source');
    await button.click();
  }

  /** What is wrong with the typed numbers; null when nothing is. */
  async getProblem(): Promise<string | null> {
    const problem = await this.problem();
    return problem ? problem.text() : null;
  }
}
