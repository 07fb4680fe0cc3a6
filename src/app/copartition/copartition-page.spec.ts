import { Component } from '@angular/core';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { ErrorPanelHarness } from '../shared/error-panel.harness';
import { CopartitionPage } from './copartition-page';
import { aGroup, aGroupHealth, aJob, aReport } from './copartition.builders';
import type { GroupHealth } from './copartition.model';
import { DeclareGroupDialogHarness } from './declare-group-dialog.harness';
import { GroupHealthCardHarness } from './group-health-card.harness';
import { requestSoon } from '../shared/spec-waits';
import { aSignedInSession, provideSession } from '../access/access.builders';
import { AccessService } from '../access/access.service';
import { MatTooltipHarness } from '@angular/material/tooltip/testing';

/** A host to find the overlay container from; dialogs and snack bars render outside the page. */
@Component({ template: '' })
class Host {}

describe('CopartitionPage', () => {
  const base = '/api/clusters/local/copartition';
  const broken = aGroupHealth();
  const declared = aGroup({ id: 'declared:orders', name: 'orders', origin: 'declared', topics: ['shop.orders', 'shop.payments'] });
  const healthy = aGroupHealth({
    group: declared,
    report: aReport({ group: declared, verdict: 'healthy', summary: 'Co-partitioned.', findings: [] }),
  });
  let fixture: ComponentFixture<CopartitionPage>;
  let http: HttpTestingController;
  let page: HarnessLoader;
  let overlay: HarnessLoader;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        // Open mode: admin everywhere, unless a case says otherwise.
        provideSession(),
        // The dialog opens at once: animated, it would move the focus to its first field only once open,
        // away from a topic being typed, and the suggestions would close.
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CopartitionPage);
    fixture.componentRef.setInput('cluster', 'local');
    fixture.detectChanges();
    page = TestbedHarnessEnvironment.loader(fixture);
    overlay = TestbedHarnessEnvironment.documentRootLoader(TestBed.createComponent(Host));
  });
  afterEach(() => http.verify());

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
  const card = (name: string) => page.getHarness(GroupHealthCardHarness.with({ name }));
  const cardNames = async () => Promise.all((await page.getAllHarnesses(GroupHealthCardHarness)).map((each) => each.getName()));
  const snackBarMessage = async () => (await overlay.getHarness(MatSnackBarHarness)).getMessage();

  async function answer(...groups: GroupHealth[]): Promise<void> {
    http.expectOne({ method: 'GET', url: base }).flush({ groups });
    await fixture.whenStable();
  }

  /** Opens the declare dialog, answering its list of topic names. */
  async function openDialog(opening: Promise<void>): Promise<DeclareGroupDialogHarness> {
    (await requestSoon(http, (request) => request.url === '/api/clusters/local/topics')).flush({
      items: ['shop.orders', 'shop.payments', 'shop.refunds'].map((name) => ({ name })),
      total: 3,
    });
    await opening;
    return overlay.getHarness(DeclareGroupDialogHarness);
  }

  describe('with a broken and a healthy group', () => {
    beforeEach(() => answer(broken, healthy));

    it('shows the verdict of each group', async () => {
      const cards = await page.getAllHarnesses(GroupHealthCardHarness);

      expect(await Promise.all(cards.map(async (each) => [await each.getName(), await each.getVerdict()]))).toEqual([
        ['shipment-tracker', 'Broken'],
        ['orders', 'Healthy'],
      ]);
    });

    it('counts the groups by verdict', () => expect(text()).toContain('1 broken · 0 at risk · 1 healthy'));

    it('shows what is wrong with the broken one, and the fix', async () =>
      expect(await (await card('shipment-tracker')).getFindings()).toEqual([
        { title: 'Schema ids in the key bytes', fix: 'Use a primitive serde.', isExpanded: true },
      ]));

    it('shows the keys that prove it, per topic', async () => {
      const [evidence] = await (await card('shipment-tracker')).getEvidenceTables();

      expect(await evidence!.getTopics()).toEqual(['shop.orders.avro', 'shop.shipments.avro']);
      expect(await evidence!.getLines()).toEqual([
        { key: 'order-1001', placements: ['partition 2 id 1 murmur2 → 2', 'partition 0 id 2 murmur2 → 0'] },
      ]);
    });
  });

  describe('starting a check', () => {
    beforeEach(() => answer(broken));

    it('sends the group topics, shows the progress, then the new report', async () => {
      const tracker = await card('shipment-tracker');

      const checking = tracker.checkNow();
      const start = await requestSoon(http, `${base}/check`);
      expect(start.request.body).toEqual({ topics: ['shop.orders.avro', 'shop.shipments.avro'] });
      start.flush(aJob());
      (await requestSoon(http, `${base}/checks/job-1`)).flush(
        aJob({ progress: { partitionsRead: 3, partitionsTotal: 12, recordsRead: 150 } }),
      );
      await checking;

      expect(await tracker.getProgress()).toBe('Reading keys: 3 of 12 partitions, 150 records');
      expect(await tracker.isCheckNowDisabled()).toBeTrue();

      (await requestSoon(http, `${base}/checks/job-1`)).flush(
        aJob({ status: 'done', report: aReport({ verdict: 'healthy', findings: [] }) }),
      );
      await fixture.whenStable();

      expect(await tracker.getVerdict()).toBe('Healthy');
      expect(await tracker.getProgress()).toBeNull();
    });

    describe('when the check cannot start', () => {
      it('says why on the card', async () => {
        const tracker = await card('shipment-tracker');

        const checking = tracker.checkNow();
        (await requestSoon(http, `${base}/check`)).flush(
          { error: { code: 'CLUSTER_UNREACHABLE', message: 'Kafka cluster local is unreachable' } },
          { status: 503, statusText: 'Service Unavailable' },
        );
        await checking;

        expect(await tracker.getFailure()).toBe('Kafka cluster local is unreachable');
      });
    });
  });

  describe('declaring a group', () => {
    beforeEach(() => answer(broken));

    it('saves it through the dialog, says so, and shows its card', async () => {
      const dialog = await openDialog((await page.getHarness(MatButtonHarness.with({ text: /Declare group/ }))).click());
      await dialog.setName('orders');
      await dialog.addTopic('shop.orders');
      await dialog.addTopic('shop.payments');

      const saving = dialog.save();
      const declaring = await requestSoon(http, `${base}/groups`);
      expect(declaring.request.body).toEqual({ name: 'orders', topics: ['shop.orders', 'shop.payments'] });
      declaring.flush(declared);
      (await requestSoon(http, base)).flush({ groups: [broken, healthy] });
      await saving;

      expect(await snackBarMessage()).toBe('Declared orders');
      expect(await cardNames()).toEqual(['shipment-tracker', 'orders']);
      expect(await (await card('orders')).getOrigin()).toBe('Declared');
    });
  });

  describe('for a declared group', () => {
    beforeEach(() => answer(broken, healthy));

    describe('editing it', () => {
      it('opens the dialog on the group and saves its new topics', async () => {
        const dialog = await openDialog((await card('orders')).edit());
        expect(await dialog.getName()).toBe('orders');
        await dialog.addTopic('shop.refunds');

        const saving = dialog.save();
        const saved = await requestSoon(http, `${base}/groups`);
        expect(saved.request.body).toEqual({ name: 'orders', topics: ['shop.orders', 'shop.payments', 'shop.refunds'] });
        saved.flush({ ...declared, topics: ['shop.orders', 'shop.payments', 'shop.refunds'] });
        (await requestSoon(http, base)).flush({ groups: [broken, healthy] });
        await saving;

        expect(await snackBarMessage()).toBe('Saved orders');
      });
    });

    describe('removing it', () => {
      const confirmButton = async (label: string) =>
        (await overlay.getHarness(MatDialogHarness)).getHarness(MatButtonHarness.with({ text: label }));

      it('asks first, then removes it and says so', async () => {
        await (await card('orders')).remove();

        const confirming = (await confirmButton('Remove')).click();
        const removing = await requestSoon(http, `${base}/groups/orders`);
        expect(removing.request.method).toBe('DELETE');
        removing.flush(null);
        (await requestSoon(http, base)).flush({ groups: [broken] });
        await confirming;

        expect(await snackBarMessage()).toBe('Removed orders');
        expect(await cardNames()).toEqual(['shipment-tracker']);
      });

      it('removes nothing when cancelled', async () => {
        await (await card('orders')).remove();

        await (await confirmButton('Cancel')).click();

        http.expectNone(`${base}/groups/orders`);
        expect(await cardNames()).toEqual(['shipment-tracker', 'orders']);
      });

      describe('when the server refuses', () => {
        it('says why on the page', async () => {
          await (await card('orders')).remove();

          const confirming = (await confirmButton('Remove')).click();
          (await requestSoon(http, `${base}/groups/orders`)).flush(
            { error: { code: 'NOT_FOUND', message: 'There is no declared group orders' } },
            { status: 404, statusText: 'Not Found' },
          );
          await confirming;

          const panel = await page.getHarness(ErrorPanelHarness.with({ title: 'The group was not removed' }));
          expect(await panel.getMessage()).toBe('There is no declared group orders');
        });
      });
    });
  });

  describe('without any group', () => {
    it('says how groups appear', async () => {
      await answer();

      expect(text()).toContain('No group of topics to check yet');
    });
  });

  describe('when the cluster is unreachable', () => {
    it('shows the server message', async () => {
      http
        .expectOne(base)
        .flush(
          { error: { code: 'CLUSTER_UNREACHABLE', message: 'Kafka cluster local is unreachable' } },
          { status: 503, statusText: 'Service Unavailable' },
        );
      await fixture.whenStable();

      const panel = await page.getHarness(ErrorPanelHarness.with({ title: 'Cannot check co-partitioning' }));
      expect(await panel.getMessage()).toBe('Kafka cluster local is unreachable');
    });
  });

  describe('for an operator', () => {
    beforeEach(async () => {
      TestBed.inject(AccessService).remember(aSignedInSession({ role: 'operator' }));
      await answer(broken, healthy);
    });

    it('disables declaring, and says it needs admin of the whole cluster on hover', async () => {
      expect(await (await page.getHarness(MatButtonHarness.with({ text: /Declare group/ }))).isDisabled()).toBeTrue();
      const tooltip = await page.getHarness(MatTooltipHarness.with({ selector: '[data-testid="declare"]' }));
      await tooltip.show();
      expect(await tooltip.getTooltipText()).toBe('This needs the admin role on the whole cluster of cluster "local"; you are operator');
    });

    it('disables editing and removing a declared group', async () => {
      for (const label of ['Edit group', 'Remove group'])
        expect(await (await page.getHarness(MatButtonHarness.with({ selector: `[aria-label="${label}"]` }))).isDisabled())
          .withContext(label)
          .toBeTrue();
    });

    it('still lets them start a check, which reads only', async () =>
      expect(await (await page.getHarness(MatButtonHarness.with({ text: /Check now/ }))).isDisabled()).toBeFalse());
  });
});
