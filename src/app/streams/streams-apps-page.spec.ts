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
import { aStreamsApp, aStreamsAppPage, manyStreamsApps } from './streams.builders';
import type { StreamsAppSummary } from './streams.model';
import { StreamsAppTableHarness } from './streams-app-table.harness';
import { StreamsAppsPage } from './streams-apps-page';

/** No background read happens within a spec unless the spec shortens this. */
const AN_HOUR = 3_600_000;

describe('StreamsAppsPage', () => {
  let fixture: ComponentFixture<StreamsAppsPage>;
  let http: HttpTestingController;
  let loader: HarnessLoader;
  let router: Router;
  let visibility: FakePageVisibility;
  let livePeriod = AN_HOUR;
  const url = '/api/clusters/local/streams-apps';

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
    fixture = TestBed.createComponent(StreamsAppsPage);
    fixture.componentRef.setInput('cluster', 'local');
    loader = TestbedHarnessEnvironment.loader(fixture);
  });
  afterEach(() => http.verify());

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
  const listRequest = (): TestRequest => http.expectOne((request) => request.url === url);
  const open = async (...apps: StreamsAppSummary[]) => {
    fixture.detectChanges();
    listRequest().flush(aStreamsAppPage(apps));
    await fixture.whenStable();
  };
  const appTable = () => loader.getHarness(StreamsAppTableHarness);
  const navigatedWith = () => (router.navigate as jasmine.Spy).calls.mostRecent()?.args[1]?.queryParams;
  const hasProgressBar = () => !!(fixture.nativeElement as HTMLElement).querySelector('mat-progress-bar');

  describe('with apps', () => {
    beforeEach(() =>
      open(
        aStreamsApp({ applicationId: 'order-enricher', totalLag: 1234, consumeRate: 12.5 }),
        aStreamsApp({
          applicationId: 'payment-matcher',
          protocol: 'classic',
          state: 'Empty',
          memberCount: 0,
          subtopologyCount: null,
          storeCount: 2,
          totalLag: 0,
          consumeRate: null,
        }),
        aStreamsApp({ applicationId: 'fresh', state: 'NotReady', totalLag: null, consumeRate: 0 }),
      ),
    );

    it('lists each app with its protocol, state, members, sub-topologies, stores, lag and rate', async () => {
      expect(await (await appTable()).getLines()).toEqual([
        {
          app: 'order-enricher',
          protocol: 'streams group',
          state: 'Stable',
          members: '1',
          subtopologies: '2',
          stores: '1',
          lag: '1,234',
          rate: '12.5/s',
        },
        {
          app: 'payment-matcher',
          protocol: 'classic',
          state: 'Empty',
          members: '0',
          subtopologies: '—',
          stores: '2',
          lag: '0',
          rate: '—',
        },
        {
          app: 'fresh',
          protocol: 'streams group',
          state: 'NotReady',
          members: '1',
          subtopologies: '2',
          stores: '1',
          lag: '—',
          rate: '0/s',
        },
      ]);
    });

    it('links each app to its page', () => {
      const link = (fixture.nativeElement as HTMLElement).querySelector('[role="cell"] a');

      expect(link?.getAttribute('href')).toBe('/clusters/local/streams/order-enricher');
    });

    it('counts the lagging apps', () => expect(text()).toContain('3 apps, 1 lagging'));
  });

  describe('with 500 apps', () => {
    it('renders only the rows in sight, and counts them all for assistive technology', async () => {
      await open(...manyStreamsApps(500));
      const table = await appTable();

      const rendered = await table.getRenderedLineCount();
      expect(rendered).toBeGreaterThan(0);
      expect(rendered).toBeLessThan(60);
      expect(await table.getAriaRowCount()).toBe(501);
    });
  });

  describe('at first', () => {
    it('asks for every app in one request, by id', () => {
      fixture.detectChanges();

      expect(listRequest().request.params.toString()).toBe('sort=applicationId&order=asc&page=0&pageSize=10000');
    });
  });

  describe('with a search in the URL', () => {
    it('asks the server for it and shows it in the box', async () => {
      fixture.componentRef.setInput('search', 'order');
      fixture.detectChanges();

      expect(listRequest().request.params.get('search')).toBe('order');
      expect(await (await loader.getHarness(MatInputHarness)).getValue()).toBe('order');
    });

    describe('matching no app', () => {
      it('says so', async () => {
        fixture.componentRef.setInput('search', 'nothing');
        await open();

        expect(await (await appTable()).getEmptyText()).toBe('No Streams apps match.');
      });
    });
  });

  describe('typing in the search box', () => {
    it('puts the search in the URL once typing pauses', async () => {
      await open(aStreamsApp());

      await (await loader.getHarness(MatInputHarness)).setValue('payment');
      await new Promise((resolve) => setTimeout(resolve, 400));

      expect(navigatedWith()).toEqual({ search: 'payment' });
    });
  });

  describe('sorting', () => {
    it('puts the column and order in the URL', async () => {
      await open(aStreamsApp());
      await (await appTable()).sortBy('Lag');

      expect(navigatedWith()).toEqual({ sort: 'totalLag', order: null });
    });

    it('asks the server for the order in the URL', () => {
      fixture.componentRef.setInput('sort', 'memberCount');
      fixture.componentRef.setInput('order', 'desc');
      fixture.detectChanges();

      const params = listRequest().request.params;
      expect([params.get('sort'), params.get('order')]).toEqual(['memberCount', 'desc']);
    });

    it('sorts by id for a column it does not know', () => {
      fixture.componentRef.setInput('sort', 'nonsense');
      fixture.detectChanges();

      expect(listRequest().request.params.get('sort')).toBe('applicationId');
    });
  });

  describe('the Refresh button', () => {
    it('reads fresh from Kafka and shows it is loading', async () => {
      await open(aStreamsApp());

      // The harness waits for the page to be stable, which a pending request keeps it from.
      const clicking = (await loader.getHarness(MatButtonHarness.with({ text: /Refresh/ }))).click();
      const refresh = await requestSoon(http, (request) => request.url === url);
      expect(refresh.request.params.get('fresh')).toBe('true');
      await waitFor(hasProgressBar);
      refresh.flush(aStreamsAppPage());
      await clicking;

      await expectAsync(waitFor(() => !hasProgressBar())).toBeResolved();
    });
  });

  describe('while the page is in sight', () => {
    const rowOf = (applicationId: string) =>
      [...(fixture.nativeElement as HTMLElement).querySelectorAll('[role="row"]')].find(
        (row) => row.querySelector('a')?.textContent === applicationId,
      )!;

    // Harnesses wait for stability, which a background read on its way keeps the page from:
    // these specs read the DOM instead.
    beforeAll(() => (livePeriod = 300));
    afterAll(() => (livePeriod = AN_HOUR));
    afterEach(() => {
      visibility.hide();
      http.match((request) => request.url === url);
    });

    it('updates the lag and rate in place from the live model, without a spinner', async () => {
      await open(aStreamsApp({ applicationId: 'order-enricher', totalLag: 10, consumeRate: 1 }));
      const row = rowOf('order-enricher');

      const read = await requestSoon(http, (request) => request.url === url);
      expect(read.request.params.has('fresh')).toBeFalse();
      expect(hasProgressBar()).toBeFalse();
      read.flush(aStreamsAppPage([aStreamsApp({ applicationId: 'order-enricher', totalLag: 2_500, consumeRate: 40 })]));
      await waitFor(() => row.textContent!.includes('2,500'));

      expect(row.textContent).toContain('40/s');
      expect(rowOf('order-enricher')).toBe(row);
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

      const panel = await loader.getHarness(ErrorPanelHarness.with({ title: 'Cannot list the Streams apps' }));
      expect(await panel.getMessage()).toBe('Kafka cluster local is unreachable');
    });
  });
});
