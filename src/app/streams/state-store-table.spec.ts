import { Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatTableHarness } from '@angular/material/table/testing';
import { MatTooltipHarness } from '@angular/material/tooltip/testing';
import { provideRouter } from '@angular/router';
import { aStore, aTopicUse } from './streams.builders';
import { StateStoreTable, stateStoreRow, type StateStoreRow } from './state-store-table';

const WEEK = 604_800_000;

@Component({
  imports: [StateStoreTable],
  template: `<kpc-state-store-table [stores]="stores()" cluster="local" />`,
})
class Host {
  readonly stores = signal<StateStoreRow[]>([]);
}

describe('StateStoreTable', () => {
  let fixture: ComponentFixture<Host>;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    fixture = TestBed.createComponent(Host);
    fixture.componentInstance.stores.set([
      stateStoreRow(aStore({ name: 'totals', records: 90_000, sizeBytes: 2_097_152, restoreRate: 500, restoreSeconds: 180 }), []),
      stateStoreRow(
        aStore({
          name: 'matches',
          changelogTopic: 'order-enricher-matches-changelog',
          windowed: true,
          cleanupPolicy: 'compact,delete',
          records: null,
          sizeBytes: null,
          retentionMs: null,
          brokerDefaultRetentionMs: WEEK,
          restoreSeconds: null,
          restoreRate: null,
        }),
        [],
      ),
    ]);
    await fixture.whenStable();
  });

  const loader = () => TestbedHarnessEnvironment.loader(fixture);
  const element = () => fixture.nativeElement as HTMLElement;
  const tooltip = async (selector: string) => {
    const harness = await loader().getHarness(MatTooltipHarness.with({ selector }));
    await harness.show();
    return harness.getTooltipText();
  };

  it('lists each store with its kind, changelog, cleanup, records, size, retention and restore time', async () => {
    const rows = await (await loader().getHarness(MatTableHarness)).getCellTextByColumnName();

    expect(rows['name']?.text).toEqual(['totals', 'matches']);
    expect(rows['windowed']?.text).toEqual(['key-value', 'windowed']);
    expect(rows['changelog']?.text).toEqual(['order-enricher-totals-changelog', 'order-enricher-matches-changelog']);
    expect(rows['cleanupPolicy']?.text).toEqual(['compact', 'compact,delete']);
    expect(rows['records']?.text).toEqual(['90,000', '—']);
    expect(rows['size']?.text).toEqual(['2.0 MB', '—']);
    expect(rows['retention']?.text).toEqual(['compacted', 'warning forever']);
    expect(rows['restore']?.text).toEqual(['3 min', '—']);
  });

  it('links a changelog that exists to its topic page, and no other', () => {
    const links = [...element().querySelectorAll('a')].map((link) => link.getAttribute('href'));

    expect(links).toEqual(['/clusters/local/topics/order-enricher-totals-changelog']);
  });

  it('flags a changelog kept forever', () =>
    expect([...element().querySelectorAll('[data-flag]')].map((cell) => cell.getAttribute('data-flag'))).toEqual(['infinite']));

  it('explains the restore estimate on hover', async () =>
    expect(await tooltip('[data-testid="restore"]')).toContain('90,000 records in the changelog at 500/s'));
});

describe('stateStoreRow', () => {
  describe('with the topology known', () => {
    it('takes from it whether the changelog exists', () => {
      const changelogs = [aTopicUse({ topic: 'order-enricher-totals-changelog', role: 'changelog', exists: false })];

      expect(stateStoreRow(aStore({ records: 10 }), changelogs).hasChangelog).toBeFalse();
    });
  });

  describe('without the topology', () => {
    it('takes a changelog the server counted as existing', () => {
      expect(stateStoreRow(aStore({ records: 0 }), []).hasChangelog).toBeTrue();
      expect(stateStoreRow(aStore({ records: null }), []).hasChangelog).toBeFalse();
    });
  });

  it('flags a retention longer than the broker default', () =>
    expect(
      stateStoreRow(aStore({ windowed: true, cleanupPolicy: 'compact,delete', retentionMs: 4 * WEEK, brokerDefaultRetentionMs: WEEK }), [])
        .retention.flag,
    ).toBe('longer'));
});
