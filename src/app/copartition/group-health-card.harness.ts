import { ComponentHarness, HarnessPredicate, type BaseHarnessFilters } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatExpansionPanelHarness } from '@angular/material/expansion/testing';
import { KeyEvidenceTableHarness } from './key-evidence-table.harness';

/** Filters for {@link GroupHealthCardHarness}. */
export interface GroupHealthCardHarnessFilters extends BaseHarnessFilters {
  /** The group's name, e.g. `shipment-tracker`. */
  name?: string | RegExp;
}

/** A finding as the card shows it. */
export interface ShownFinding {
  title: string;
  /** What to do about it. */
  fix: string;
  /** Whether its panel is open. */
  isExpanded: boolean;
}

/** Harness for one co-partition group's card (`kpc-group-health-card`). */
export class GroupHealthCardHarness extends ComponentHarness {
  static hostSelector = 'kpc-group-health-card';

  private readonly name = this.locatorFor('h2');
  private readonly verdict = this.locatorFor('[data-testid="verdict"]');
  private readonly origin = this.locatorFor('.origin');
  private readonly topics = this.locatorForAll('.topics li');
  private readonly summary = this.locatorForOptional('.summary');
  private readonly progress = this.locatorForOptional('.progress > span');
  private readonly failure = this.locatorForOptional('[role="alert"]');
  private readonly panels = this.locatorForAll(MatExpansionPanelHarness);
  private readonly fixes = this.locatorForAll('.fix');
  private readonly evidenceTables = this.locatorForAll(KeyEvidenceTableHarness);
  private readonly checkButton = this.locatorFor(MatButtonHarness.with({ text: /Check now/ }));
  private readonly editButton = this.locatorForOptional(MatButtonHarness.with({ selector: '[aria-label="Edit group"]' }));
  private readonly removeButton = this.locatorForOptional(MatButtonHarness.with({ selector: '[aria-label="Remove group"]' }));

  /** A predicate to find the card of a group by name. */
  static with(options: GroupHealthCardHarnessFilters = {}): HarnessPredicate<GroupHealthCardHarness> {
    return new HarnessPredicate(GroupHealthCardHarness, options).addOption('name', options.name, (harness, name) =>
      HarnessPredicate.stringMatches(harness.getName(), name),
    );
  }

  /** The group's name. */
  async getName(): Promise<string> {
    return (await this.name()).text();
  }

  /** The verdict's words, e.g. `Broken`, without its icon. */
  async getVerdict(): Promise<string> {
    return (await this.verdict()).text({ exclude: 'mat-icon' });
  }

  /** Where the group comes from, e.g. `Declared`. */
  async getOrigin(): Promise<string> {
    return (await this.origin()).text();
  }

  /** The topics, with what a check sampled of them once there is one. */
  async getTopics(): Promise<string[]> {
    return Promise.all((await this.topics()).map((topic) => topic.text()));
  }

  /** The verdict in one sentence, or why there is none yet. */
  async getSummary(): Promise<string | null> {
    const summary = await this.summary();
    return summary ? summary.text() : null;
  }

  /** How far a running check has read; null when none runs. */
  async getProgress(): Promise<string | null> {
    const progress = await this.progress();
    return progress ? progress.text() : null;
  }

  /** Why the last check failed; null when it did not. */
  async getFailure(): Promise<string | null> {
    const failure = await this.failure();
    return failure ? failure.text() : null;
  }

  /** The findings, each with its fix. */
  async getFindings(): Promise<ShownFinding[]> {
    const [panels, fixes] = await Promise.all([this.panels(), this.fixes()]);
    return Promise.all(
      panels.map(async (panel, index) => ({
        title: (await panel.getTitle()) ?? '',
        fix: await fixes[index]!.text({ exclude: 'mat-icon' }),
        isExpanded: await panel.isExpanded(),
      })),
    );
  }

  /** The evidence tables, one per finding that has example keys. */
  async getEvidenceTables(): Promise<KeyEvidenceTableHarness[]> {
    return this.evidenceTables();
  }

  /** Starts a full check of the group. */
  async checkNow(): Promise<void> {
    return (await this.checkButton()).click();
  }

  /** Whether Check now waits, as it does while a check runs. */
  async isCheckNowDisabled(): Promise<boolean> {
    return (await this.checkButton()).isDisabled();
  }

  /** Whether the operator may edit and remove the group: only declared ones. */
  async isEditable(): Promise<boolean> {
    return !!(await this.editButton()) && !!(await this.removeButton());
  }

  /** Opens the group for editing; only a declared group has the button. */
  async edit(): Promise<void> {
    return (await this.requireButton(this.editButton(), 'Edit group')).click();
  }

  /** Asks to remove the group; only a declared group has the button. */
  async remove(): Promise<void> {
    return (await this.requireButton(this.removeButton(), 'Remove group')).click();
  }

  private async requireButton(button: Promise<MatButtonHarness | null>, label: string): Promise<MatButtonHarness> {
    const found = await button;
    if (!found) throw new Error(`The card has no ${label} button: only declared groups do`);
    return found;
  }
}
