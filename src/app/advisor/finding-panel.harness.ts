import { ComponentHarness, HarnessPredicate, type BaseHarnessFilters } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatExpansionPanelHarness } from '@angular/material/expansion/testing';
import { MatTableHarness } from '@angular/material/table/testing';

/** Filters for {@link FindingPanelHarness}. */
export interface FindingPanelHarnessFilters extends BaseHarnessFilters {
  /** The finding's title. */
  title?: string | RegExp;
}

/** Harness for one finding's panel (`kpc-finding-panel`). */
export class FindingPanelHarness extends ComponentHarness {
  static hostSelector = 'kpc-finding-panel';

  private readonly panel = this.locatorFor(MatExpansionPanelHarness);
  private readonly rule = this.locatorFor('.rule');
  private readonly evidence = this.locatorForOptional(MatTableHarness);
  private readonly summary = this.locatorFor('.fix .summary');
  private readonly target = this.locatorFor('.fix .target');
  private readonly config = this.locatorFor('[data-testid="fix-config"]');
  private readonly why = this.locatorFor('.why');
  private readonly copyButton = this.locatorFor(MatButtonHarness.with({ text: /Copy/ }));

  /** A predicate to find a finding's panel by its title. */
  static with(options: FindingPanelHarnessFilters = {}): HarnessPredicate<FindingPanelHarness> {
    return new HarnessPredicate(FindingPanelHarness, options).addOption('title', options.title, (harness, title) =>
      HarnessPredicate.stringMatches(harness.getTitle(), title),
    );
  }

  /** The finding's one line. */
  async getTitle(): Promise<string> {
    return (await (await this.panel()).getTitle())?.replace(/^(error|warning|info)/, '').trim() ?? '';
  }

  /** The rule in words, as the header shows it. */
  async getRule(): Promise<string> {
    return (await this.rule()).text();
  }

  async expand(): Promise<void> {
    return (await this.panel()).expand();
  }

  async isExpanded(): Promise<boolean> {
    return (await this.panel()).isExpanded();
  }

  /** The evidence rows as label, value, source; the panel must be open. */
  async getEvidence(): Promise<string[][]> {
    const table = await this.evidence();
    return table ? await table.getCellTextByIndex() : [];
  }

  /** The fix: what to do, where, the config and why; the panel must be open. */
  async getFix(): Promise<{ summary: string; target: string; config: string; why: string }> {
    const [summary, target, config, why] = await Promise.all([this.summary(), this.target(), this.config(), this.why()]);
    return {
      summary: await summary.text(),
      target: await target.text(),
      config: await config.text(),
      why: await why.text({ exclude: 'mat-icon' }),
    };
  }

  /** Presses Copy; the panel must be open. */
  async copyConfig(): Promise<void> {
    return (await this.copyButton()).click();
  }
}
