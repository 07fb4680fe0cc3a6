import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { MatTooltipHarness } from '@angular/material/tooltip/testing';
import { provideRouter, Router } from '@angular/router';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { ErrorPanelHarness } from '../shared/error-panel.harness';
import { ConfigTableHarness } from './config-table.harness';
import { PartitionTableHarness } from './partition-table.harness';
import { aTopicHistory } from '../metrics/metrics.builders';
import { aConfig, aPartition, aTopicDetail } from './topic.builders';
import { TopicPage } from './topic-page';
import { requestSoon, waitFor } from '../shared/spec-waits';
import { LIVE_PERIOD } from '../shared/live-resource';
import { PageVisibility } from '../shared/page-visibility';
import { FakePageVisibility } from '../shared/page-visibility.fake';
import { aSignedInSession, provideSession } from '../access/access.builders';
import { AccessService } from '../access/access.service';

/** No background read happens within a spec unless the spec shortens this. */
const AN_HOUR = 3_600_000;

describe('TopicPage', () => {
  let fixture: ComponentFixture<TopicPage>;
  let http: HttpTestingController;
  let loader: HarnessLoader;
  let visibility: FakePageVisibility;
  let livePeriod = AN_HOUR;
  const url = '/api/clusters/local/topics/shop.orders.events';

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
    fixture = TestBed.createComponent(TopicPage);
    fixture.componentRef.setInput('cluster', 'local');
    fixture.componentRef.setInput('topic', 'shop.orders.events');
    loader = TestbedHarnessEnvironment.loader(fixture);
  });
  afterEach(() => http.verify());

  const noSources = { topic: 'shop.orders.events', sources: [], connectProblems: [] };
  const open = async (detail = aTopicDetail(), tab = 'partitions', sources: object = noSources) => {
    fixture.componentRef.setInput('tab', tab);
    fixture.detectChanges();
    http.expectOne(url).flush(detail);
    (await requestSoon(http, `${url}/bridge/sources`)).flush(sources);
    await fixture.whenStable();
  };
  const partitionTable = () => loader.getHarness(PartitionTableHarness);
  const configTable = () => loader.getHarness(ConfigTableHarness);
  /** Confirms the open dialog by typing the topic name and pressing its button. */
  const confirmTyped = async (label: string) => {
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatInputHarness)).setValue('shop.orders.events');
    await (await dialog.getHarness(MatButtonHarness.with({ text: label }))).click();
  };

  describe('the Throughput tab', () => {
    afterEach(() => http.match((request) => request.url.startsWith('/api/clusters/local/metrics/')));

    it('charts the write rate and the size over time', async () => {
      await open(aTopicDetail(), 'throughput');

      (await requestSoon(http, '/api/clusters/local/metrics/topics/shop.orders.events?range=1h')).flush(aTopicHistory());
      await fixture.whenStable();

      const titles = [...(fixture.nativeElement as HTMLElement).querySelectorAll('.kpc-chart-title')].map((title) => title.textContent);
      expect(titles).toEqual(['Write rate', 'Bytes written', 'Size on disk']);
    });
  });

  describe('the Bridge health tab', () => {
    const tabLabels = () =>
      [...(fixture.nativeElement as HTMLElement).querySelectorAll('[role="tab"]')].map((tab) => tab.textContent?.trim());

    it('is there when a source connector publishes to the topic', async () => {
      const source = { connectCluster: 'local-connect', connector: 'orders-source', className: 'FileStreamSource', state: 'RUNNING' };
      await open(aTopicDetail(), 'partitions', { ...noSources, sources: [source] });
      fixture.detectChanges();

      expect(tabLabels()).toContain('Bridge health');
    });

    it('is not there when none does', async () => {
      await open();
      fixture.detectChanges();

      expect(tabLabels()).not.toContain('Bridge health');
    });
  });

  describe('kept up to date', () => {
    const hasProgressBar = () => !!(fixture.nativeElement as HTMLElement).querySelector('mat-progress-bar');

    it('says when the server read the topic', async () => {
      await open(aTopicDetail({ asOf: '2026-11-27T12:03:05.000Z' }));

      const time = (fixture.nativeElement as HTMLElement).querySelector('kpc-data-age time');
      expect(time?.getAttribute('datetime')).toBe('2026-11-27T12:03:05.000Z');
    });

    describe('by the Refresh button', () => {
      it('reads fresh from Kafka', async () => {
        await open();

        // The harness waits for the page to be stable, which a pending request keeps it from.
        const clicking = (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Refresh"]' }))).click();
        (await requestSoon(http, `${url}?fresh=true`)).flush(aTopicDetail());
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

      it('reads the topic again from the live model and updates the partitions in place, without a spinner', async () => {
        await open(aTopicDetail({ partitions: [aPartition({ partition: 0, latestOffset: 10 })] }));
        const row = (fixture.nativeElement as HTMLElement).querySelector('tr[mat-row]')!;

        const read = await requestSoon(http, url);
        expect(hasProgressBar()).toBeFalse();
        read.flush(aTopicDetail({ partitions: [aPartition({ partition: 0, latestOffset: 98_765 })] }));
        await waitFor(() => row.textContent!.includes('98765'));

        expect((fixture.nativeElement as HTMLElement).querySelector('tr[mat-row]')).toBe(row);
      });
    });
  });

  describe('the Partitions tab', () => {
    it('lists each partition with its offsets and message count', async () => {
      await open(aTopicDetail({ partitions: [aPartition({ partition: 0, earliestOffset: 5, latestOffset: 12 })] }));

      const [line] = await (await partitionTable()).getLines();
      expect(line?.messages).toBe('7');
      expect(line?.earliestOffset).toBe('5');
    });

    it('names the replicas that fell out of sync', async () => {
      await open(aTopicDetail({ partitions: [aPartition({ replicas: [1, 2, 3], isr: [1] })] }));

      const [line] = await (await partitionTable()).getLines();
      expect(line?.inSync).toContain('behind: 2, 3');
    });
  });

  describe('the Configs tab', () => {
    describe('editing a value in place', () => {
      beforeEach(async () => {
        await open(aTopicDetail({ configs: [aConfig({ name: 'retention.ms', value: '604800000' })] }), 'configs');
        await (await configTable()).editValue('retention.ms', '86400000');
      });

      it('sends only that config and shows what the server answers', async () => {
        const request = http.expectOne({ method: 'PATCH', url: `${url}/configs` });
        expect(request.request.body).toEqual({ set: { 'retention.ms': '86400000' } });
        request.flush([aConfig({ name: 'retention.ms', value: '86400000', source: 'dynamic-topic', isOverride: true })]);
        await fixture.whenStable();

        expect(await (await configTable()).getLines()).toEqual([{ name: 'retention.ms', value: '86400000', source: 'topic' }]);
      });

      describe('when Kafka refuses the value', () => {
        it('shows why under the editor, which stays open', async () => {
          http
            .expectOne(`${url}/configs`)
            .flush(
              { error: { code: 'INVALID_CONFIG', message: 'Invalid value 86400000x for configuration retention.ms' } },
              { status: 400, statusText: 'Bad Request' },
            );
          await fixture.whenStable();

          const configs = await configTable();
          expect(await configs.getError()).toContain('Invalid value 86400000x for configuration retention.ms');
          expect(await configs.isEditing('retention.ms')).toBeTrue();
        });
      });
    });

    describe('an override', () => {
      it('resets to the default by deleting it', async () => {
        await open(
          aTopicDetail({ configs: [aConfig({ name: 'cleanup.policy', value: 'compact', isOverride: true, source: 'dynamic-topic' })] }),
          'configs',
        );

        await (await configTable()).resetToDefault('cleanup.policy');

        const request = http.expectOne({ method: 'PATCH', url: `${url}/configs` });
        expect(request.request.body).toEqual({ delete: ['cleanup.policy'] });
        request.flush([aConfig({ name: 'cleanup.policy', value: 'delete' })]);
      });
    });

    describe('a read-only config', () => {
      it('cannot be edited', async () => {
        await open(aTopicDetail({ configs: [aConfig({ name: 'message.format.version', isReadOnly: true })] }), 'configs');

        expect(await (await configTable()).canEdit('message.format.version')).toBeFalse();
      });
    });

    describe('a sensitive config', () => {
      it('shows no value', async () => {
        await open(aTopicDetail({ configs: [aConfig({ name: 'some.password', value: null, isSensitive: true })] }), 'configs');

        const [line] = await (await configTable()).getLines();
        expect(line?.value).toBe('hidden (sensitive)');
      });
    });
  });

  describe('purging the topic', () => {
    let purges: TestRequest[];

    beforeEach(async () => {
      await open();
      await (await loader.getHarness(MatButtonHarness.with({ text: /Purge/ }))).click();
      await confirmTyped('Purge all records');
      await waitFor(() => (purges = http.match({ method: 'POST', url: `${url}/purge` })).length > 0);
    });

    it('sends the typed name as the confirmation', async () => {
      expect(purges[0]!.request.body).toEqual({ confirm: 'shop.orders.events' });
      purges[0]!.flush({ partitions: [{ partition: 0, lowWatermark: 10 }] });
      // A purge changes the offsets: the page reads the topic again.
      let reloads: TestRequest[] = [];
      await waitFor(() => (reloads = http.match(url)).length > 0);
      reloads[0]!.flush(aTopicDetail());

      const snackBar = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatSnackBarHarness);
      expect(await snackBar.getMessage()).toBe('Purged 1 partitions of shop.orders.events');
    });

    describe('when the server refuses', () => {
      it('shows why on the page', async () => {
        purges[0]!.flush(
          { error: { code: 'CONFIRMATION_REQUIRED', message: 'To purge shop.orders.events, confirm with its exact name' } },
          { status: 400, statusText: 'Bad Request' },
        );
        await fixture.whenStable();

        const panel = await loader.getHarness(ErrorPanelHarness.with({ title: 'The change failed' }));
        expect(await panel.getMessage()).toBe('To purge shop.orders.events, confirm with its exact name');
      });
    });
  });

  describe('deleting the topic', () => {
    it('asks for the typed name, sends it, and goes back to the list', async () => {
      const navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
      await open();
      await (await loader.getHarness(MatButtonHarness.with({ text: /Delete/ }))).click();
      const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
      const confirm = await dialog.getHarness(MatButtonHarness.with({ text: 'Delete topic' }));

      expect(await confirm.isDisabled()).toBeTrue();
      await confirmTyped('Delete topic');
      let deletions: TestRequest[] = [];
      await waitFor(() => (deletions = http.match((r) => r.method === 'DELETE' && r.url === url)).length > 0);

      expect(deletions[0]!.request.params.get('confirm')).toBe('shop.orders.events');
      deletions[0]!.flush(null, { status: 204, statusText: 'No Content' });
      await waitFor(() => navigate.calls.any());
      expect(navigate.calls.mostRecent().args[0]).toEqual(['/clusters', 'local', 'topics']);
    });
  });

  describe("for one of the console's own topics", () => {
    const reason = "This is one of the console's own topics (_kpc-*: its audit log, declared co-partition groups).";
    const changes = ['Produce message', 'Add partitions', 'Purge', 'Delete'];
    const button = (text: string) => loader.getHarness(MatButtonHarness.with({ text: new RegExp(text) }));

    it('offers no change, and says why on hover', async () => {
      await open(aTopicDetail({ name: '_kpc-audit', internal: true, readOnlyReason: reason }));

      for (const text of changes)
        expect(await (await button(text)).isDisabled())
          .withContext(text)
          .toBeTrue();
      const tooltip = await loader.getHarness(MatTooltipHarness.with({ selector: '[data-testid="changes"]' }));
      await tooltip.show();
      expect(await tooltip.getTooltipText()).toBe(reason);
    });

    it('marks the topic read-only', async () => {
      await open(aTopicDetail({ readOnlyReason: reason }));

      const badge = await loader.getHarness(MatTooltipHarness.with({ selector: '[data-testid="read-only"]' }));
      await badge.show();
      expect(await badge.getTooltipText()).toBe(reason);
    });

    it('offers no config edit', async () => {
      await open(aTopicDetail({ readOnlyReason: reason, configs: [aConfig({ name: 'cleanup.policy' })] }), 'configs');

      expect(await (await configTable()).canEdit('cleanup.policy')).toBeFalse();
    });

    describe('for any other topic', () => {
      it('offers every change, with no read-only mark', async () => {
        await open();

        for (const text of changes)
          expect(await (await button(text)).isDisabled())
            .withContext(text)
            .toBeFalse();
        expect(await loader.getAllHarnesses(MatTooltipHarness.with({ selector: '[data-testid="read-only"]' }))).toEqual([]);
      });
    });
  });

  describe('for a topic that does not exist', () => {
    it('shows the server message', async () => {
      fixture.detectChanges();
      http
        .expectOne(url)
        .flush(
          { error: { code: 'TOPIC_NOT_FOUND', message: 'Topic shop.orders.events does not exist on cluster local' } },
          { status: 404, statusText: 'Not Found' },
        );
      await fixture.whenStable();

      const panel = await loader.getHarness(ErrorPanelHarness.with({ title: 'Cannot read this topic' }));
      expect(await panel.getMessage()).toContain('does not exist on cluster local');
    });
  });

  describe('by role', () => {
    const button = (text: string) => loader.getHarness(MatButtonHarness.with({ text: new RegExp(text) }));
    const tooltipOf = async (testId: string) => {
      const tooltip = await loader.getHarness(MatTooltipHarness.with({ selector: `[data-testid="${testId}"]` }));
      await tooltip.show();
      const text = await tooltip.getTooltipText();
      await tooltip.hide();
      return text;
    };

    describe('for a viewer', () => {
      beforeEach(() => TestBed.inject(AccessService).remember(aSignedInSession({ role: 'viewer' })));

      it('disables every change, naming the role each needs on hover', async () => {
        await open();

        for (const text of ['Produce message', 'Add partitions', 'Purge', 'Delete'])
          expect(await (await button(text)).isDisabled())
            .withContext(text)
            .toBeTrue();
        expect(await tooltipOf('produce')).toBe(
          'This needs the operator role on topic "shop.orders.events" of cluster "local"; you are viewer',
        );
        expect(await tooltipOf('changes')).toBe(
          'This needs the admin role on topic "shop.orders.events" of cluster "local"; you are viewer',
        );
      });

      it('offers no config edit', async () => {
        await open(aTopicDetail({ configs: [aConfig({ name: 'cleanup.policy' })] }), 'configs');

        expect(await (await configTable()).canEdit('cleanup.policy')).toBeFalse();
      });
    });

    describe('for an operator', () => {
      it('offers Produce message only', async () => {
        TestBed.inject(AccessService).remember(aSignedInSession({ role: 'operator' }));
        await open();

        expect(await (await button('Produce message')).isDisabled()).toBeFalse();
        expect(await (await button('Delete')).isDisabled()).toBeTrue();
      });
    });
  });
});
