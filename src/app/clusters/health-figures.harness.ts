import { ComponentHarness, HarnessPredicate, type BaseHarnessFilters } from '@angular/cdk/testing';
import type { HealthTone } from './cluster.model';

/** Filters for {@link HealthFiguresHarness}. */
export type HealthFiguresHarnessFilters = BaseHarnessFilters;

/** A figure card as the operator reads it. */
export interface HealthFigureCard {
  label: string;
  value: string;
  hint: string;
  /** How worried its colour says to be. */
  tone: HealthTone;
}

const TONES: readonly HealthTone[] = ['ok', 'warn', 'error', 'neutral'];

/** Harness for the overview's headline figures (`kpc-health-figures`). */
export class HealthFiguresHarness extends ComponentHarness {
  static hostSelector = 'kpc-health-figures';

  private readonly cards = this.locatorForAll('section.figure');
  private readonly values = this.locatorForAll('section.figure .value');
  private readonly hints = this.locatorForAll('section.figure .hint');

  /** A predicate to find the figures among others. */
  static with(options: HealthFiguresHarnessFilters = {}): HarnessPredicate<HealthFiguresHarness> {
    return new HarnessPredicate(HealthFiguresHarness, options);
  }

  /** The cards, in order. */
  async getFigures(): Promise<HealthFigureCard[]> {
    const [cards, values, hints] = await Promise.all([this.cards(), this.values(), this.hints()]);
    return Promise.all(
      cards.map(async (card, index) => ({
        label: (await card.getAttribute('aria-label')) ?? '',
        value: await values[index]!.text(),
        hint: await hints[index]!.text(),
        tone: (await asyncFind(TONES, (tone) => card.hasClass(`tone-${tone}`))) ?? 'neutral',
      })),
    );
  }

  /** The card with this label, e.g. `Offline`. */
  async getFigure(label: string): Promise<HealthFigureCard> {
    const figure = (await this.getFigures()).find((card) => card.label === label);
    if (!figure) throw new Error(`There is no figure ${label}`);
    return figure;
  }
}

async function asyncFind<T>(items: readonly T[], test: (item: T) => Promise<boolean>): Promise<T | undefined> {
  for (const item of items) if (await test(item)) return item;
  return undefined;
}
