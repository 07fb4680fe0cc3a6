import { Component } from '@angular/core';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter, Router } from '@angular/router';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { ErrorPanelHarness } from '../shared/error-panel.harness';
import { aGroupHistory, aGroupMeasure, aPartitionLagMeasure } from '../metrics/metrics.builders';
import type { GroupHistory } from '../metrics/metrics.model';
import { aConsumerGroupDetail, aPartitionLag, aPreview, aResetResult } from './consumer-group.builders';
import { ConsumerGroupPage } from './consumer-group-page';
import { requestSoon, waitFor } from '../shared/spec-waits';
import { LIVE_PERIOD } from '../shared/live-resource';
import { PageVisibility } from '../shared/page-visibility';
import { FakePageVisibility } from '../shared/page-visibility.fake';
import { aSignedInSession, provideSession } from '../access/access.builders';
import { AccessService } from '../access/access.service';
import { MatTooltipHarness } from '@angular/material/tooltip/testing';

/** No background read happens within a spec unless the spec shortens this. */
const AN_HOUR = 3_600_000;

/** The group's history before the console sampled it: what the lag section gets unless a spec says otherwise. */
const UNMEASURED = aGroupHistory({ asOf: null, time: [], lag: [], lagSeconds: [], consumeRate: [], status: [], current: null });

/** A host to find the overlay container from; the dialog renders outside the page. */
@Component({ template: '' })
class Host {}

describe('ConsumerGroupPage', () => {
  let fixture: ComponentFixture<ConsumerGroupPage>;
  let http: HttpTestingController;
  let visibility: FakePageVisibility;
  let livePeriod = AN_HOUR;
  let lagHistory: GroupHistory = UNMEASURED;
  const url = '/api/clusters/local/consumer-groups/order-enricher';
  const historyUrl = '/api/clusters/local/metrics/consumer-groups/order-enricher';

  beforeEach(() => {
    visibility = new FakePageVisibility();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideSession(),
        provideRouter([]),
        { provide: PageVisibility, useValue: visibility },
        { provide: LIVE_PERIOD, useFactory: () => livePeriod },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ConsumerGroupPage);
    fixture.componentRef.setInput('cluster', 'local');
    fixture.componentRef.setInput('group', 'order-enricher');
    fixture.detectChanges();
    // A request on its way keeps the page from being stable: the lag section's is answered at once.
    http.expectOne(`${historyUrl}?range=1h`).flush(lagHistory);
  });
  afterEach(() => {
    http.match((request) => request.url === historyUrl);
    http.verify();
  });

  const loader = () => TestbedHarnessEnvironment.loader(fixture);
  const button = (text: string) => loader().getHarness(MatButtonHarness.with({ text: new RegExp(text) }));
  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

  describe('for an idle group', () => {
    beforeEach(async () => {
      http.expectOne(url).flush(
        aConsumerGroupDetail({
          totalLag: 5,
          partitions: [
            aPartitionLag({ partition: 0, committedOffset: 5, lag: 5 }),
            aPartitionLag({ partition: 1, committedOffset: null, lag: null, committedTimestamp: null }),
          ],
        }),
      );
      await fixture.whenStable();
    });

    it('shows the lag per partition', async () => {
      const rows = await (await loader().getHarness(MatTableHarness)).getCellTextByColumnName();

      expect(rows['committed']?.text).toEqual(['5', '—']);
      expect(rows['lag']?.text).toEqual(['5', '—']);
    });

    it('offers Replay', async () => expect(await (await button('Replay')).isDisabled()).toBeFalse());

    describe('deleted', () => {
      const overlay = () => TestbedHarnessEnvironment.documentRootLoader(TestBed.createComponent(Host));

      /** Types the group id into the confirmation and confirms; `done` once the page is stable again. */
      async function confirmDeletion(): Promise<{ done: Promise<void> }> {
        await (await button('Delete')).click();
        const dialog = await overlay().getHarness(MatDialogHarness);
        await (await dialog.getHarness(MatInputHarness.with({ selector: '[aria-label="Type to confirm"]' }))).setValue('order-enricher');
        return { done: (await dialog.getHarness(MatButtonHarness.with({ text: 'Delete group' }))).click() };
      }

      it('deletes it once its id is typed, says so and goes back to the list', async () => {
        const navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
        const { done } = await confirmDeletion();

        const deletion = await requestSoon(http, `${url}?confirm=order-enricher`);
        expect(deletion.request.method).toBe('DELETE');
        deletion.flush(null, { status: 204, statusText: 'No Content' });
        await done;

        expect(await (await overlay().getHarness(MatSnackBarHarness)).getMessage()).toBe('Deleted consumer group order-enricher');
        expect(navigate).toHaveBeenCalledOnceWith(['/clusters', 'local', 'consumer-groups']);
      });

      describe('when a consumer joined meanwhile', () => {
        it('says why it was not deleted', async () => {
          const { done } = await confirmDeletion();

          (await requestSoon(http, `${url}?confirm=order-enricher`)).flush(
            { error: { code: 'GROUP_ACTIVE', message: 'order-enricher has 1 member' } },
            { status: 409, statusText: 'Conflict' },
          );
          await done;

          const panel = await loader().getHarness(ErrorPanelHarness.with({ title: 'The group was not deleted' }));
          expect(await panel.getMessage()).toBe('order-enricher has 1 member');
        });
      });
    });

    describe('replayed through the dialog', () => {
      it('previews, waits for the typed group id, then applies the previewed targets', async () => {
        await (await button('Replay')).click();
        const dialog = await TestbedHarnessEnvironment.documentRootLoader(TestBed.createComponent(Host)).getHarness(MatDialogHarness);
        const next = () => dialog.getHarness(MatButtonHarness.with({ text: 'Next' }));

        await (await next()).click();
        // The harness waits for the page to be stable, which a pending request keeps it from.
        const opening = (await dialog.getHarness(MatButtonHarness.with({ text: 'Preview' }))).click();
        const previewRequest = await requestSoon(http, `${url}/offsets/preview`);
        expect(previewRequest.request.body).toEqual({ topics: [{ topic: 'shop.orders.events' }], mode: 'duration', value: 'PT1H' });
        previewRequest.flush(aPreview());
        await opening;
        const nexts = await dialog.getAllHarnesses(MatButtonHarness.with({ text: 'Next' }));
        await nexts[nexts.length - 1]!.click();

        const apply = await dialog.getHarness(MatButtonHarness.with({ text: 'Reset offsets' }));
        expect(await apply.isDisabled()).toBeTrue();
        await (
          await dialog.getHarness(MatInputHarness.with({ selector: '[aria-label="Type the group id to confirm"]' }))
        ).setValue('order-enricher');
        const applying = apply.click();

        const reset = await requestSoon(http, `${url}/offsets/reset`);
        expect(reset.request.body).toEqual(
          jasmine.objectContaining({ confirm: true, targets: [{ topic: 'shop.orders.events', partition: 0, offset: 0 }] }),
        );
        reset.flush(aResetResult());
        await applying;
        expect(await (await dialog.host()).text()).toContain('Offsets reset.');
        const closing = dialog.close();
        (await requestSoon(http, url)).flush(aConsumerGroupDetail());
        await closing;
      });
    });
  });

  describe('kept up to date', () => {
    const hasProgressBar = () => !!(fixture.nativeElement as HTMLElement).querySelector('mat-progress-bar');

    it('says when the server read the group', async () => {
      http.expectOne(url).flush(aConsumerGroupDetail({ asOf: '2026-11-27T12:03:05.000Z' }));
      await fixture.whenStable();

      const time = (fixture.nativeElement as HTMLElement).querySelector('kpc-data-age time');
      expect(time?.getAttribute('datetime')).toBe('2026-11-27T12:03:05.000Z');
    });

    describe('by the Refresh button', () => {
      it('reads fresh from Kafka', async () => {
        http.expectOne(url).flush(aConsumerGroupDetail());
        await fixture.whenStable();

        // The harness waits for the page to be stable, which a pending request keeps it from.
        const clicking = (await button('Refresh')).click();
        (await requestSoon(http, `${url}?fresh=true`)).flush(aConsumerGroupDetail());
        await clicking;
      });
    });

    describe('while the page is in sight', () => {
      // Harnesses wait for stability, which a background read on its way keeps the page from.
      beforeAll(() => (livePeriod = 300));
      afterAll(() => (livePeriod = AN_HOUR));
      afterEach(() => {
        visibility.hide();
        http.match(url);
      });

      it('reads the group again from the live model and updates its lag in place, without a spinner', async () => {
        http.expectOne(url).flush(aConsumerGroupDetail({ partitions: [aPartitionLag({ lag: 5 })] }));
        await fixture.whenStable();
        const row = (fixture.nativeElement as HTMLElement).querySelector('tr[mat-row]')!;

        const read = await requestSoon(http, url);
        expect(hasProgressBar()).toBeFalse();
        read.flush(aConsumerGroupDetail({ partitions: [aPartitionLag({ committedOffset: 5, logEndOffset: 4_005, lag: 4_000 })] }));
        await waitFor(() => row.textContent!.includes('4,000'));

        expect((fixture.nativeElement as HTMLElement).querySelector('tr[mat-row]')).toBe(row);
      });
    });
  });

  describe('lag over time', () => {
    beforeAll(
      () =>
        (lagHistory = aGroupHistory({
          current: aGroupMeasure({
            status: 'ERR',
            rule: 'worst-partition',
            partitions: [aPartitionLagMeasure({ partition: 0, status: 'STALL', rule: 'stalled' })],
          }),
        })),
    );
    afterAll(() => (lagHistory = UNMEASURED));
    beforeEach(async () => {
      http.expectOne(url).flush(aConsumerGroupDetail({ partitions: [aPartitionLag({ partition: 0 })] }));
      await fixture.whenStable();
    });

    it('charts the lag in records and in seconds and the consume rate', async () => {
      await waitFor(() => (fixture.nativeElement as HTMLElement).querySelectorAll('kpc-time-series-chart .uplot').length === 3);

      const titles = [...(fixture.nativeElement as HTMLElement).querySelectorAll('.kpc-chart-title')].map((title) => title.textContent);
      expect(titles).toEqual(['Lag', 'Time behind', 'Consume rate']);
    });

    it('shows the status over time', () => expect(text()).toContain('Status over time'));

    it('explains the status now in plain words, down to the partition that decided it', () => {
      const now = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="status-now"]')?.textContent ?? '';

      expect(now).toContain('ERR');
      expect(now).toContain('The group takes the status of its worst partition.');
      expect(now).toContain('shop.orders.events partition 0');
      expect(now).toContain('the consumers are stuck');
    });

    it("shows each partition's status in the partition table", async () => {
      const rows = await (await loader().getHarness(MatTableHarness)).getCellTextByColumnName();

      expect(rows['status']?.text).toEqual(['STALL']);
    });
  });

  describe('while members consume', () => {
    beforeEach(async () => {
      http.expectOne(url).flush(
        aConsumerGroupDetail({
          state: 'Stable',
          memberCount: 1,
          members: [
            { memberId: 'm1', clientId: 'enricher-1', host: '10.0.0.7', assignments: [{ topic: 'shop.orders.events', partitions: [0] }] },
          ],
        }),
      );
      await fixture.whenStable();
    });

    it('names them and disables Replay and Delete', async () => {
      expect(text()).toContain('enricher-1 @ 10.0.0.7');
      expect(await (await button('Replay')).isDisabled()).toBeTrue();
      expect(await (await button('Delete')).isDisabled()).toBeTrue();
    });
  });

  describe('for a classic Kafka Streams app', () => {
    it('links to its Streams app page', async () => {
      http.expectOne(url).flush(aConsumerGroupDetail({ topics: ['order-enricher-KSTREAM-KEY-SELECT-0000000002-repartition'] }));
      await fixture.whenStable();

      const link = (fixture.nativeElement as HTMLElement).querySelector('a.streams-app');
      expect(link?.getAttribute('href')).toBe('/clusters/local/streams/order-enricher');
    });
  });

  describe('for a group that does not exist', () => {
    it('shows the server message', async () => {
      http
        .expectOne(url)
        .flush(
          { error: { code: 'GROUP_NOT_FOUND', message: 'There is no consumer group order-enricher on local' } },
          { status: 404, statusText: 'Not Found' },
        );
      await fixture.whenStable();

      const panel = await loader().getHarness(ErrorPanelHarness.with({ title: 'Cannot read this consumer group' }));
      expect(await panel.getMessage()).toBe('There is no consumer group order-enricher on local');
    });
  });

  describe('for a viewer', () => {
    beforeEach(async () => {
      TestBed.inject(AccessService).remember(aSignedInSession({ role: 'viewer' }));
      http.expectOne(url).flush(aConsumerGroupDetail());
      await fixture.whenStable();
    });

    it('offers no Replay at all', async () =>
      expect(await loader().getAllHarnesses(MatButtonHarness.with({ text: /Replay/ }))).toEqual([]));

    it('disables Delete and names the role it needs on hover', async () => {
      expect(await (await button('Delete')).isDisabled()).toBeTrue();
      const tooltip = await loader().getHarness(MatTooltipHarness.with({ selector: '[data-testid="delete"]' }));
      await tooltip.show();

      expect(await tooltip.getTooltipText()).toBe(
        'This needs the admin role on consumer group "order-enricher" of cluster "local"; you are viewer',
      );
    });
  });

  describe('for an operator', () => {
    beforeEach(async () => {
      TestBed.inject(AccessService).remember(aSignedInSession({ role: 'operator' }));
      http.expectOne(url).flush(aConsumerGroupDetail());
      await fixture.whenStable();
    });

    it('offers Replay', async () => expect(await (await button('Replay')).isDisabled()).toBeFalse());

    it('disables Delete, an admin change', async () => expect(await (await button('Delete')).isDisabled()).toBeTrue());
  });
});
