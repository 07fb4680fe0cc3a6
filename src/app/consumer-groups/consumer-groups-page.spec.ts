import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter, Router } from '@angular/router';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { ErrorPanelHarness } from '../shared/error-panel.harness';
import { LIVE_PERIOD } from '../shared/live-resource';
import { PageVisibility } from '../shared/page-visibility';
import { FakePageVisibility } from '../shared/page-visibility.fake';
import { requestSoon, waitFor } from '../shared/spec-waits';
import { aConsumerGroup, aGroupPage, manyConsumerGroups } from './consumer-group.builders';
import type { ConsumerGroupSummary } from './consumer-group.model';
import { ConsumerGroupTableHarness } from './consumer-group-table.harness';
import { ConsumerGroupsPage } from './consumer-groups-page';

/** No background read happens within a spec unless the spec shortens this. */
const AN_HOUR = 3_600_000;

describe('ConsumerGroupsPage', () => {
  let fixture: ComponentFixture<ConsumerGroupsPage>;
  let http: HttpTestingController;
  let loader: HarnessLoader;
  let router: Router;
  let visibility: FakePageVisibility;
  let livePeriod = AN_HOUR;
  const url = '/api/clusters/local/consumer-groups';

  beforeEach(() => {
    visibility = new FakePageVisibility();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: PageVisibility, useValue: visibility },
        { provide: LIVE_PERIOD, useFactory: () => livePeriod },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    spyOn(router, 'navigate').and.resolveTo(true);
    fixture = TestBed.createComponent(ConsumerGroupsPage);
    fixture.componentRef.setInput('cluster', 'local');
    loader = TestbedHarnessEnvironment.loader(fixture);
  });
  afterEach(() => http.verify());

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
  const listRequest = (): TestRequest => http.expectOne((request) => request.url === url);
  const open = async (...groups: ConsumerGroupSummary[]) => {
    fixture.detectChanges();
    listRequest().flush(aGroupPage(groups));
    await fixture.whenStable();
  };
  const groupTable = () => loader.getHarness(ConsumerGroupTableHarness);
  const navigatedWith = () => (router.navigate as jasmine.Spy).calls.mostRecent()?.args[1]?.queryParams;
  const hasProgressBar = () => !!(fixture.nativeElement as HTMLElement).querySelector('mat-progress-bar');

  describe('with groups', () => {
    beforeEach(() =>
      open(
        aConsumerGroup({ groupId: 'order-enricher', state: 'Empty', totalLag: 1234 }),
        aConsumerGroup({ groupId: 'payment-auditor', state: 'Stable', memberCount: 2, topics: ['shop.payments.events'], totalLag: 0 }),
        aConsumerGroup({ groupId: 'fresh', totalLag: null }),
      ),
    );

    it('lists each group with its state, members, topics and lag', async () => {
      expect(await (await groupTable()).getLines()).toEqual([
        { group: 'order-enricher', state: 'Empty', members: '0', topics: 'shop.orders.events', lag: '1,234' },
        { group: 'payment-auditor', state: 'Stable', members: '2', topics: 'shop.payments.events', lag: '0' },
        { group: 'fresh', state: 'Empty', members: '0', topics: 'shop.orders.events', lag: '—' },
      ]);
    });

    it('counts the lagging groups', () => expect(text()).toContain('3 groups, 1 lagging'));
  });

  describe('with 500 groups', () => {
    it('renders only the rows in sight, and counts them all for assistive technology', async () => {
      await open(...manyConsumerGroups(500));
      const table = await groupTable();

      const rendered = await table.getRenderedLineCount();
      expect(rendered).toBeGreaterThan(0);
      expect(rendered).toBeLessThan(60);
      expect(await table.getAriaRowCount()).toBe(501);
      expect(text()).toContain('500 groups');
    });
  });

  describe('at first', () => {
    it('asks for every group in one request, by id', () => {
      fixture.detectChanges();

      expect(listRequest().request.params.toString()).toBe('sort=groupId&order=asc&page=0&pageSize=10000');
    });
  });

  describe('with a search in the URL', () => {
    it('asks the server for it and shows it in the box', async () => {
      fixture.componentRef.setInput('search', 'billing');
      fixture.detectChanges();

      listRequest().flush(aGroupPage([]));
      expect(await (await loader.getHarness(MatInputHarness)).getValue()).toBe('billing');
    });

    describe('matching no group', () => {
      it('says so', async () => {
        fixture.componentRef.setInput('search', 'nothing');
        await open();

        expect(await (await groupTable()).getEmptyText()).toBe('No consumer groups match.');
      });
    });
  });

  describe('typing in the search box', () => {
    it('puts the search in the URL once typing pauses', async () => {
      await open(aConsumerGroup());

      await (await loader.getHarness(MatInputHarness)).setValue('payments');
      await new Promise((resolve) => setTimeout(resolve, 400));

      expect(navigatedWith()).toEqual({ search: 'payments' });
    });
  });

  describe('sorting', () => {
    it('puts the column and order in the URL', async () => {
      await open(aConsumerGroup());
      await (await groupTable()).sortBy('Lag');

      expect(navigatedWith()).toEqual({ sort: 'totalLag', order: null });
    });

    it('asks the server for the order in the URL', () => {
      fixture.componentRef.setInput('sort', 'totalLag');
      fixture.componentRef.setInput('order', 'desc');
      fixture.detectChanges();

      const params = listRequest().request.params;
      expect([params.get('sort'), params.get('order')]).toEqual(['totalLag', 'desc']);
    });
  });

  describe('the Refresh button', () => {
    it('reads fresh from Kafka and shows it is loading', async () => {
      await open(aConsumerGroup());

      // The harness waits for the page to be stable, which a pending request keeps it from.
      const clicking = (await loader.getHarness(MatButtonHarness.with({ text: /Refresh/ }))).click();
      const refresh = await requestSoon(http, (request) => request.url === url);
      expect(refresh.request.params.get('fresh')).toBe('true');
      await waitFor(hasProgressBar);
      refresh.flush(aGroupPage());
      await clicking;

      // The bar leaves with a short animation.
      await expectAsync(waitFor(() => !hasProgressBar())).toBeResolved();
    });
  });

  describe('while the page is in sight', () => {
    const backgroundRead = () => requestSoon(http, (request) => request.url === url);
    const rowOf = (groupId: string) =>
      [...(fixture.nativeElement as HTMLElement).querySelectorAll('[role="row"]')].find(
        (row) => row.querySelector('a')?.textContent === groupId,
      )!;

    // Harnesses wait for stability, which a background read on its way keeps the page from:
    // these specs read the DOM instead.
    beforeAll(() => (livePeriod = 300));
    afterAll(() => (livePeriod = AN_HOUR));
    afterEach(() => {
      visibility.hide();
      http.match((request) => request.url === url);
    });

    it('updates the lag in place from the live model, without a spinner', async () => {
      await open(aConsumerGroup({ groupId: 'billing', totalLag: 10 }));
      const row = rowOf('billing');

      const read = await backgroundRead();
      expect(read.request.params.has('fresh')).toBeFalse();
      expect(hasProgressBar()).toBeFalse();
      read.flush(aGroupPage([aConsumerGroup({ groupId: 'billing', totalLag: 2_500 })]));
      await waitFor(() => row.textContent!.includes('2,500'));

      expect(rowOf('billing')).toBe(row);
    });

    describe('once hidden', () => {
      it('reads nothing until it is in sight again', async () => {
        await open(aConsumerGroup());
        visibility.hide();
        // A read already on its way is answered; none may follow.
        for (const read of http.match((request) => request.url === url)) read.flush(aGroupPage());

        await new Promise((resolve) => setTimeout(resolve, livePeriod * 3));
        http.expectNone((request) => request.url === url);

        visibility.show();
        expect((await backgroundRead()).request.params.has('fresh')).toBeFalse();
      });
    });
  });

  describe('when the cluster is unreachable', () => {
    it('shows the server message', async () => {
      fixture.detectChanges();
      listRequest().flush(
        { error: { code: 'CLUSTER_UNREACHABLE', message: 'Kafka cluster local is unreachable' } },
        { status: 503, statusText: 'Service Unavailable' },
      );
      await fixture.whenStable();

      const panel = await loader.getHarness(ErrorPanelHarness.with({ title: 'Cannot list the consumer groups' }));
      expect(await panel.getMessage()).toBe('Kafka cluster local is unreachable');
    });
  });
});
