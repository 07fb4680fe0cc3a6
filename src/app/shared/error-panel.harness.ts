import { ComponentHarness, HarnessPredicate, type BaseHarnessFilters } from '@angular/cdk/testing';

/** Filters for {@link ErrorPanelHarness}. */
export interface ErrorPanelHarnessFilters extends BaseHarnessFilters {
  /** The panel's title, e.g. `Cannot read this cluster`. */
  title?: string | RegExp;
}

/** Harness for a failed call's panel (`kpc-error-panel`): its words and its retry button. */
export class ErrorPanelHarness extends ComponentHarness {
  static hostSelector = 'kpc-error-panel';

  private readonly title = this.locatorFor('.text strong');
  private readonly message = this.locatorFor('.text span');
  private readonly retryButton = this.locatorFor('button');

  /** A predicate to find the panel with a given title. */
  static with(options: ErrorPanelHarnessFilters = {}): HarnessPredicate<ErrorPanelHarness> {
    return new HarnessPredicate(ErrorPanelHarness, options).addOption('title', options.title, (harness, title) =>
      HarnessPredicate.stringMatches(harness.getTitle(), title),
    );
  }

  /** What failed, e.g. `Cannot list the topics`. */
  async getTitle(): Promise<string> {
    return (await this.title()).text();
  }

  /** Why, in the server's words. */
  async getMessage(): Promise<string> {
    return (await this.message()).text();
  }

  /** Presses "Try again". */
  async retry(): Promise<void> {
    await (await this.retryButton()).click();
  }
}
