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
import { aTopicSummary } from './topic.builders';
import { TopicList } from './topic-list';
import { TopicListHarness } from './topic-list.harness';
import { TopicsPage } from './topics-page';
import { waitFor } from '../shared/spec-waits';
import { aSignedInSession, provideSession } from '../access/access.builders';
import { AccessService } from '../access/access.service';
import { MatTooltipHarness } from '@angular/material/tooltip/testing';

/** Resolves once the condition holds; polled, since a dialog closes after its animation. */

/** Where the dialog's harness is found: overlays render outside the page. */
@Component({ template: '' })
class Host {}

describe('TopicsPage', () => {
  let fixture: ComponentFixture<TopicsPage>;
  let http: HttpTestingController;
  let loader: HarnessLoader;
  let router: Router;
  const url = '/api/clusters/local/topics';

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideSession(),
        provideRouter([]),
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
    listRequest().flush({ items: topics, total: topics.length });
    await fixture.whenStable();
  };
  const topicList = () => loader.getHarness(TopicListHarness);
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

  describe('with 10,000 topics', () => {
    it('renders only the rows in sight', async () => {
      fixture.detectChanges();
      const items = Array.from({ length: 500 }, (_, index) => aTopicSummary({ name: `topic-${index}` }));
      listRequest().flush({ items, total: 10_000 });
      await fixture.whenStable();

      const rendered = await (await topicList()).getRenderedLineCount();
      expect(rendered).toBeGreaterThan(0);
      expect(rendered).toBeLessThan(100);
      expect(text()).toContain('10,000 topics · 500 loaded');
    });
  });

  describe('at first', () => {
    it('asks for the first 500 topics by name, without internal ones', () => {
      fixture.detectChanges();

      expect(listRequest().request.params.toString()).toBe('internal=false&sort=name&order=asc&page=0&pageSize=500');
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

  describe('scrolling near the end of what is loaded', () => {
    it('fetches the next page once and appends it', async () => {
      fixture.detectChanges();
      listRequest().flush({ items: [aTopicSummary({ name: 'a' })], total: 2 });
      await fixture.whenStable();
      const list = fixture.debugElement.query(By.directive(TopicList)).componentInstance as TopicList;

      list.nearEnd.emit();
      list.nearEnd.emit();
      const next = listRequest();
      expect(next.request.params.get('page')).toBe('1');
      next.flush({ items: [aTopicSummary({ name: 'b' })], total: 2 });
      await fixture.whenStable();

      expect(await (await topicList()).getTopicNames()).toEqual(['a', 'b']);
      expect(text()).toContain('2 topics');
      expect(text()).not.toContain('loaded');
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
