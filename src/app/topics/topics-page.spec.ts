import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { By } from '@angular/platform-browser';
import { provideRouter, Router } from '@angular/router';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { ErrorPanelHarness } from '../shared/error-panel.harness';
import { CdkVirtualScrollViewport } from '@angular/cdk/scrolling';
import { aTopicPage, aTopicSummary, manyTopics } from './topic.builders';
import { TopicListHarness } from './topic-list.harness';
import { TopicsPage } from './topics-page';
import { requestSoon, waitFor } from '../shared/spec-waits';
import { LIVE_PERIOD } from '../shared/live-resource';
import { PageVisibility } from '../shared/page-visibility';
import { FakePageVisibility } from '../shared/page-visibility.fake';
import { aSignedInSession, provideSession } from '../access/access.builders';
import { AccessService } from '../access/access.service';
import { MatTooltipHarness } from '@angular/material/tooltip/testing';

/** Where the dialog's harness is found: overlays render outside the page. */
@Component({ template: '' })
class Host {}

/** No background read happens within a spec unless the spec shortens this. */
const AN_HOUR = 3_600_000;

describe('TopicsPage', () => {
  let fixture: ComponentFixture<TopicsPage>;
  let http: HttpTestingController;
  let loader: HarnessLoader;
  let router: Router;
  let visibility: FakePageVisibility;
  let livePeriod = AN_HOUR;
  const url = '/api/clusters/local/topics';

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
    router = TestBed.inject(Router);
    spyOn(router, 'navigate').and.resolveTo(true);
    fixture = TestBed.createComponent(TopicsPage);
    fixture.componentRef.setInput('cluster', 'local');
    loader = TestbedHarnessEnvironment.loader(fixture);
  });
  afterEach(() => http.verify());

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
  const listRequest = (): TestRequest => http.expectOne((request) => request.url === url);
  const open = async (...topics: ReturnType<typeof aTopicSummary>[]) => {
    fixture.detectChanges();
    listRequest().flush(aTopicPage(topics));
    await fixture.whenStable();
  };
  const hasProgressBar = () => !!(fixture.nativeElement as HTMLElement).querySelector('mat-progress-bar');
  const topicList = () => loader.getHarness(TopicListHarness);
  const viewport = () => fixture.debugElement.query(By.directive(CdkVirtualScrollViewport)).componentInstance as CdkVirtualScrollViewport;
  const rowOf = (name: string) =>
    [...(fixture.nativeElement as HTMLElement).querySelectorAll('[role="row"]')].find(
      (row) => row.querySelector('a')?.textContent === name,
    )!;
  const navigatedWith = () => (router.navigate as jasmine.Spy).calls.mostRecent()?.args[1]?.queryParams;

  describe('with topics', () => {
    it('lists them with their counts and sizes', async () => {
      await open(aTopicSummary({ name: 'shop.orders.events', messageCount: 12_345, sizeBytes: 3 * 1024 * 1024 }));

      const [line] = await (await topicList()).getLines();
      expect(line).toEqual(jasmine.objectContaining({ name: 'shop.orders.events', messages: '12,345', size: '3.0 MB' }));
      expect(text()).toContain('1 topic');
    });

    it('highlights a topic with under-replicated partitions', async () => {
      await open(aTopicSummary({ name: 'ok' }), aTopicSummary({ name: 'lagging', underReplicatedPartitions: 2 }));

      expect(await (await topicList()).getUnderReplicatedTopicNames()).toEqual(['lagging']);
    });
  });

  describe('with 5,000 topics', () => {
    beforeEach(() => open(...manyTopics(5_000)));

    it('renders only the rows in sight, and counts them all for assistive technology', async () => {
      const list = await topicList();

      const rendered = await list.getRenderedLineCount();
      expect(rendered).toBeGreaterThan(0);
      expect(rendered).toBeLessThan(100);
      expect(await list.getAriaRowCount()).toBe(5_001);
      expect(text()).toContain('5,000 topics');
    });

    it('scrolls to the last one without asking for more', async () => {
      viewport().scrollToIndex(4_999);
      await waitFor(() => text().includes('topic-04999'));

      expect(await (await topicList()).getTopicNames()).toContain('topic-04999');
      http.expectNone((request) => request.url === url);
    });
  });

  describe('at first', () => {
    it('asks for every topic in one request, by name, without internal ones', () => {
      fixture.detectChanges();

      expect(listRequest().request.params.toString()).toBe('internal=false&sort=name&order=asc&page=0&pageSize=10000');
    });

    it('says when the server read them', async () => {
      fixture.detectChanges();
      listRequest().flush(aTopicPage([aTopicSummary()], { asOf: '2026-11-27T12:03:05.000Z' }));
      await fixture.whenStable();

      const time = (fixture.nativeElement as HTMLElement).querySelector('kpc-data-age time');
      expect(time?.getAttribute('datetime')).toBe('2026-11-27T12:03:05.000Z');
      expect(time?.textContent).toMatch(/^as of \d\d:\d\d:05$/);
    });
  });

  describe('with more topics than one request brings', () => {
    it('says how many are shown', async () => {
      fixture.detectChanges();
      listRequest().flush(aTopicPage(manyTopics(3), { total: 12_345 }));
      await fixture.whenStable();

      expect(text()).toContain('12,345 topics · first 3 shown, search to narrow');
    });
  });

  describe('with a search in the URL', () => {
    it('asks the server for it and shows it in the box', async () => {
      fixture.componentRef.setInput('search', 'orders');
      fixture.detectChanges();

      expect(listRequest().request.params.get('search')).toBe('orders');
      expect(await (await loader.getHarness(MatInputHarness)).getValue()).toBe('orders');
    });
  });

  describe('typing in the search box', () => {
    it('puts the search in the URL once typing pauses', async () => {
      await open(aTopicSummary());

      await (await loader.getHarness(MatInputHarness)).setValue('payments');
      await new Promise((resolve) => setTimeout(resolve, 400));

      expect(navigatedWith()).toEqual({ search: 'payments' });
    });
  });

  describe('the internal-topic toggle', () => {
    it('puts internal=true in the URL', async () => {
      await open(aTopicSummary());

      await (await loader.getHarness(MatSlideToggleHarness)).toggle();

      expect(navigatedWith()).toEqual({ internal: 'true' });
    });
  });

  describe('sorting', () => {
    it('puts the column and order in the URL', async () => {
      await open(aTopicSummary());
      await (await topicList()).sortBy('Size');

      expect(navigatedWith()).toEqual({ sort: 'sizeBytes', order: null });
    });

    it('asks the server for the order in the URL', () => {
      fixture.componentRef.setInput('sort', 'messageCount');
      fixture.componentRef.setInput('order', 'desc');
      fixture.detectChanges();

      const params = listRequest().request.params;
      expect([params.get('sort'), params.get('order')]).toEqual(['messageCount', 'desc']);
    });
  });

  describe('the Refresh button', () => {
    it('reads fresh from Kafka and shows it is loading', async () => {
      await open(aTopicSummary());

      // The harness waits for the page to be stable, which a pending request keeps it from.
      const clicking = (await loader.getHarness(MatButtonHarness.with({ text: /Refresh/ }))).click();
      const refresh = await requestSoon(http, (request) => request.url === url);
      expect(refresh.request.params.get('fresh')).toBe('true');
      await waitFor(hasProgressBar);
      refresh.flush(aTopicPage([aTopicSummary()]));
      await clicking;

      // The bar leaves with a short animation.
      await expectAsync(waitFor(() => !hasProgressBar())).toBeResolved();
    });
  });

  describe('while the page is in sight', () => {
    const backgroundRead = () => requestSoon(http, (request) => request.url === url);

    // Harnesses wait for stability, which a background read on its way keeps the page from:
    // these specs read the DOM instead.
    beforeAll(() => (livePeriod = 300));
    afterAll(() => (livePeriod = AN_HOUR));
    afterEach(() => {
      visibility.hide();
      http.match((request) => request.url === url);
    });

    it('reads the topics again from the live model, without a spinner', async () => {
      await open(aTopicSummary());

      const read = await backgroundRead();

      expect(read.request.params.has('fresh')).toBeFalse();
      expect(hasProgressBar()).toBeFalse();
      read.flush(aTopicPage([aTopicSummary({ messageCount: 61 })]));
    });

    it('updates the rows in place, keeping the scroll position and the rows in sight', async () => {
      const topics = manyTopics(5_000);
      await open(...topics);
      viewport().scrollToIndex(2_000);
      await waitFor(() => text().includes('topic-02001'));
      const scrolledTo = viewport().measureScrollOffset();
      const row = rowOf('topic-02001');
      const updated = topics.map((topic) => (topic.name === 'topic-02001' ? { ...topic, messageCount: 12_345 } : topic));

      (await backgroundRead()).flush(aTopicPage(updated));
      await waitFor(() => row.textContent!.includes('12,345'));

      expect(rowOf('topic-02001')).toBe(row);
      expect(viewport().measureScrollOffset()).toBe(scrolledTo);
    });

    describe('when a background read fails', () => {
      it('keeps the rows and marks them as not updated', async () => {
        await open(aTopicSummary({ name: 'shop.orders.events' }));

        (await backgroundRead()).flush(
          { error: { code: 'CLUSTER_UNREACHABLE', message: 'Kafka cluster local is unreachable' } },
          { status: 503, statusText: 'Service Unavailable' },
        );
        await waitFor(() => text().includes('not updated'));

        expect(rowOf('shop.orders.events')).toBeDefined();
      });
    });

    describe('once hidden', () => {
      it('reads nothing until it is in sight again', async () => {
        await open(aTopicSummary());
        visibility.hide();
        // A read already on its way is answered; none may follow.
        for (const read of http.match((request) => request.url === url)) read.flush(aTopicPage([aTopicSummary()]));

        await new Promise((resolve) => setTimeout(resolve, livePeriod * 3));
        http.expectNone((request) => request.url === url);

        visibility.show();
        expect((await backgroundRead()).request.params.has('fresh')).toBeFalse();
      });
    });
  });

  describe('when the cluster cannot be read', () => {
    it('shows the server message', async () => {
      fixture.detectChanges();
      listRequest().flush(
        { error: { code: 'CLUSTER_UNREACHABLE', message: 'Kafka cluster local is unreachable' } },
        { status: 503, statusText: 'Service Unavailable' },
      );
      await fixture.whenStable();

      const panel = await loader.getHarness(ErrorPanelHarness.with({ title: 'Cannot list the topics' }));
      expect(await panel.getMessage()).toContain('Kafka cluster local is unreachable');
    });
  });

  describe('with no topic matching the search', () => {
    it('says what to do', async () => {
      fixture.componentRef.setInput('search', 'nothing');
      await open();

      expect(text()).toContain('No topic name contains "nothing"');
    });
  });

  describe('creating a topic', () => {
    const dialog = () => TestbedHarnessEnvironment.documentRootLoader(TestBed.createComponent(Host)).getHarness(MatDialogHarness);

    beforeEach(async () => {
      await open(aTopicSummary());
      await (await loader.getHarness(MatButtonHarness.with({ text: /Create topic/ }))).click();
    });

    afterEach(async () => {
      for (const opened of await TestbedHarnessEnvironment.documentRootLoader(TestBed.createComponent(Host)).getAllHarnesses(
        MatDialogHarness,
      )) {
        await opened.close();
      }
    });

    describe('with a name Kafka would refuse', () => {
      it('says why and sends nothing', async () => {
        const opened = await dialog();
        await (await opened.getHarness(MatInputHarness.with({ placeholder: 'shop.orders.events' }))).setValue('shop orders');
        await (await opened.getHarness(MatButtonHarness.with({ text: 'Create' }))).click();

        expect(await opened.getText()).toContain('Use only ASCII letters, digits');
        http.expectNone(url);
      });
    });

    describe('when the server refuses it', () => {
      it('shows its message and stays open', async () => {
        const opened = await dialog();
        await (await opened.getHarness(MatInputHarness.with({ placeholder: 'shop.orders.events' }))).setValue('billing.invoices');
        await (await opened.getHarness(MatButtonHarness.with({ text: 'Create' }))).click();

        const request = http.expectOne({ method: 'POST', url });
        expect(request.request.body).toEqual({ name: 'billing.invoices', partitions: 1, replicationFactor: 1, configs: {} });
        request.flush(
          { error: { code: 'TOPIC_EXISTS', message: 'Topic billing.invoices already exists' } },
          { status: 409, statusText: 'Conflict' },
        );

        expect(await opened.getText()).toContain('Topic billing.invoices already exists');
      });
    });

    describe('when created', () => {
      it('opens the new topic', async () => {
        const opened = await dialog();
        await (await opened.getHarness(MatInputHarness.with({ placeholder: 'shop.orders.events' }))).setValue('billing.invoices');
        await (await opened.getHarness(MatButtonHarness.with({ text: 'Create' }))).click();

        http.expectOne({ method: 'POST', url }).flush({ name: 'billing.invoices' }, { status: 201, statusText: 'Created' });
        await fixture.whenStable();
        // The dialog tells the page once its closing animation is done.
        await expectAsync(waitFor(() => (router.navigate as jasmine.Spy).calls.any())).toBeResolved();

        expect((router.navigate as jasmine.Spy).calls.mostRecent().args[0]).toEqual(['billing.invoices']);
      });
    });
  });

  describe('for a viewer', () => {
    it('disables Create topic and names the role it needs on hover', async () => {
      TestBed.inject(AccessService).remember(aSignedInSession({ role: 'viewer' }));
      await open(aTopicSummary());

      expect(await (await loader.getHarness(MatButtonHarness.with({ text: /Create topic/ }))).isDisabled()).toBeTrue();
      const tooltip = await loader.getHarness(MatTooltipHarness.with({ selector: '[data-testid="create-topic"]' }));
      await tooltip.show();
      expect(await tooltip.getTooltipText()).toBe('This needs the admin role on topics of cluster "local"; you are viewer');
    });
  });
});
