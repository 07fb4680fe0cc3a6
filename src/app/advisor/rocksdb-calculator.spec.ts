import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { aPrefillSource, aStore } from './advisor.builders';
import type { PrefillSource } from './advisor.model';
import { RocksDbCalculator } from './rocksdb-calculator';
import { RocksDbCalculatorHarness } from './rocksdb-calculator.harness';

describe('RocksDbCalculator', () => {
  let fixture: ComponentFixture<RocksDbCalculator>;

  async function open(sources: PrefillSource[] = []): Promise<RocksDbCalculatorHarness> {
    TestBed.configureTestingModule({ providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }] });
    fixture = TestBed.createComponent(RocksDbCalculator);
    fixture.componentRef.setInput('sources', sources);
    return TestbedHarnessEnvironment.harnessForFixture(fixture, RocksDbCalculatorHarness);
  }

  describe('as it opens', () => {
    it('shows the worked example: one windowed store, 12 partitions, 3 segments, 3,528 MiB', async () => {
      const calculator = await open();

      expect(await calculator.getWindowed()).toEqual([true]);
      expect(await calculator.getStoreMemory()).toEqual(['3,528 MiB']);
      expect(await calculator.getTotal()).toBe('3,528 MiB');
    });

    it('offers no prefill without rocksdb findings', async () => expect(await (await open()).getPrefillOptions()).toEqual([]));
  });

  describe('adding stores', () => {
    it('adds stores shaped as the last: eight take 28,224 MiB', async () => {
      const calculator = await open();

      for (let added = 0; added < 7; added++) await calculator.addStore();

      expect((await calculator.getStoreNames()).length).toBe(8);
      expect(await calculator.getTotal()).toBe('28,224 MiB');
    });
  });

  describe('changing the settings', () => {
    it('estimates again with them', async () => {
      const calculator = await open();

      await calculator.setField('block_cache_size', '16');
      await calculator.setField('write_buffer_size', '8');
      await calculator.setField('max_write_buffer_number', '2');

      expect(await calculator.getTotal()).toBe('1,152 MiB');
    });
  });

  describe('changing a store', () => {
    it('estimates again with its partitions', async () => {
      const calculator = await open();

      await calculator.setField('Partitions', '6');

      expect(await calculator.getTotal()).toBe('1,764 MiB');
    });
  });

  describe('with a budget', () => {
    it('says when the stores may take more', async () => {
      const calculator = await open();

      await calculator.setField('Budget (optional)', '3000');

      expect(await calculator.getBudgetVerdict()).toBe('Over the budget by 528 MiB');
    });

    it('says what is to spare when they fit', async () => {
      const calculator = await open();

      await calculator.setField('Budget (optional)', '4096');

      expect(await calculator.getBudgetVerdict()).toBe('Within the budget, 568 MiB to spare');
    });
  });

  describe('prefilling from an app', () => {
    it("takes the stores and settings of the app's findings", async () => {
      const calculator = await open([
        aPrefillSource({ app: 'billing', stores: [aStore({ name: 'invoices', isWindowed: false, partitions: 6 })] }),
        aPrefillSource({
          app: 'order-enricher',
          stores: Array.from({ length: 8 }, (_, index) => aStore({ name: `store-${index}` })),
          settings: { blockCacheSizeMiB: 50 },
        }),
      ]);
      expect(await calculator.getPrefillOptions()).toEqual(['billing', 'order-enricher']);

      await calculator.prefillFrom('order-enricher');

      expect((await calculator.getStoreNames())[0]).toBe('store-0');
      expect(await calculator.getTotal()).toBe('28,224 MiB');
    });

    describe("when the app's findings describe no store the calculator reads", () => {
      it('keeps the stores in sight and asks the operator to type them', async () => {
        const calculator = await open([aPrefillSource({ app: 'billing', stores: [] })]);

        await calculator.prefillFrom('billing');

        expect(await calculator.getTotal()).toBe('3,528 MiB');
        expect(await calculator.getPrefillNote()).toContain('type them below');
      });
    });
  });
});
