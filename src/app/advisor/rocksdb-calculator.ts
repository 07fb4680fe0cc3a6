import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { CalculatorSettings, CalculatorStore, PrefillSource } from './advisor.model';
import { DEFAULT_SETTINGS, formatGiB, formatMiB, memoryEstimate, WORKED_EXAMPLE } from './rocksdb-memory';

/**
 * What RocksDB may take off-heap for a Streams app's stores, from its settings: opens on the
 * worked example, and fills in from the stores a rocksdb finding describes.
 */
@Component({
  selector: 'kpc-rocksdb-calculator',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule],
  templateUrl: './rocksdb-calculator.html',
  styleUrl: './rocksdb-calculator.scss',
})
export class RocksDbCalculator {
  /** The Streams apps with rocksdb findings, to prefill from. */
  readonly sources = input<PrefillSource[]>([]);

  protected readonly stores = signal<CalculatorStore[]>([WORKED_EXAMPLE]);
  protected readonly settings = signal<CalculatorSettings>(DEFAULT_SETTINGS);
  /** The RocksDB options the formula uses, under their RocksDB names. */
  protected readonly settingFields: readonly { key: keyof CalculatorSettings; label: string; min: number; unit?: string }[] = [
    { key: 'writeBufferSizeMiB', label: 'write_buffer_size', min: 0, unit: 'MiB' },
    { key: 'maxWriteBufferNumber', label: 'max_write_buffer_number', min: 1 },
    { key: 'blockCacheSizeMiB', label: 'block_cache_size', min: 0, unit: 'MiB' },
  ];
  protected readonly budgetMiB = signal<number | null>(null);
  /** The app last prefilled from. */
  protected readonly chosenApp = signal<string | undefined>(undefined);

  protected readonly hasSources = computed(() => this.sources().length > 0);
  private readonly estimate = computed(() => memoryEstimate(this.stores(), this.settings(), this.budgetMiB()));
  protected readonly rows = computed(() =>
    this.estimate().stores.map((estimate) => ({ ...estimate.store, memory: formatMiB(estimate.bytes) })),
  );
  protected readonly total = computed(() => formatMiB(this.estimate().totalBytes));
  protected readonly totalGiB = computed(() => formatGiB(this.estimate().totalBytes));
  private readonly budget = computed(() => this.estimate().budget);
  protected readonly isOverBudget = computed(() => !!this.budget()?.isOver);
  protected readonly budgetVerdict = computed(() => {
    const budget = this.budget();
    if (!budget) return undefined;
    return budget.isOver
      ? `Over the budget by ${formatMiB(budget.differenceBytes)}`
      : `Within the budget, ${formatMiB(budget.differenceBytes)} to spare`;
  });
  /** Why the stores did not change when the chosen app's findings describe none the calculator reads. */
  protected readonly prefillNote = computed(() => {
    const source = this.sources().find((each) => each.app === this.chosenApp());
    return source && source.stores.length === 0
      ? `The findings of ${source.app} do not describe its stores in numbers the calculator reads: type them below.`
      : undefined;
  });

  /** Takes the stores and settings the app's findings describe; keeps the typed ones where they say nothing. */
  protected prefill(app: string): void {
    this.chosenApp.set(app);
    const source = this.sources().find((each) => each.app === app);
    if (!source || source.stores.length === 0) return;
    this.stores.set(source.stores.map((store) => ({ ...store })));
    this.settings.set({ ...DEFAULT_SETTINGS, ...source.settings });
  }

  protected changeStore(index: number, change: Partial<CalculatorStore>): void {
    this.stores.update((stores) => stores.map((store, at) => (at === index ? { ...store, ...change } : store)));
  }

  /** Adds a store shaped as the last one: an app's stores mostly read the same partitions. */
  protected addStore(): void {
    this.stores.update((stores) => {
      const last = stores.at(-1) ?? WORKED_EXAMPLE;
      return [...stores, { ...last, name: `store-${stores.length + 1}` }];
    });
  }

  protected removeStore(index: number): void {
    this.stores.update((stores) => stores.filter((_, at) => at !== index));
  }

  protected changeSetting(key: keyof CalculatorSettings, value: number): void {
    this.settings.update((settings) => ({ ...settings, [key]: value }));
  }

  /** Back to the worked example and Kafka Streams' defaults. */
  protected reset(): void {
    this.stores.set([WORKED_EXAMPLE]);
    this.settings.set(DEFAULT_SETTINGS);
    this.budgetMiB.set(null);
    this.chosenApp.set(undefined);
  }
}
