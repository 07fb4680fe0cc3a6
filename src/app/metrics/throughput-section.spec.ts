import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSortHarness } from '@angular/material/sort/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { MatTooltipHarness } from '@angular/material/tooltip/testing';
import { provideRouter, Router } from '@angular/router';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { ErrorPanelHarness } from '../shared/error-panel.harness';
import { LIVE_PERIOD } from '../shared/live-resource';
import { PageVisibility } from '../shared/page-visibility';
import { FakePageVisibility } from '../shared/page-visibility.fake';
import { requestSoon } from '../shared/spec-waits';
import { aGroupTrend, aMetricsOverview, aTopicTrend } from './metrics.builders';
import type { MetricsOverview } from './metrics.model';
import { ThroughputSection } from './throughput-section';

/** No background read happens within a spec unless the spec shortens this. */
const AN_HOUR = 3_600_000;

describe('ThroughputSection', () => {
  let fixture: ComponentFixture<ThroughputSection>;
  let http: HttpTestingController;
  let loader: HarnessLoader;
  let livePeriod = AN_HOUR;
  const url = '/api/clusters/local/metrics/overview';

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: PageVisibility, useValue: new FakePageVisibility() },
        { provide: LIVE_PERIOD, useFactory: () => livePeriod },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await TestBed.inject(Router).navigateByUrl('/?range=6h');
    fixture = TestBed.createComponent(ThroughputSection);
    fixture.componentRef.setInput('cluster', 'local');
    fixture.detectChanges();
    loader = TestbedHarnessEnvironment.loader(fixture);
  });
  afterEach(() => http.verify());

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
  const answer = async (overview: MetricsOverview) => {
    (await requestSoon(http, (request) => request.url === url)).flush(overview);
    await fixture.whenStable();
  };
  const table = (label: string) => loader.getHarness(MatTableHarness.with({ selector: `[aria-label="${label}"]` }));
  const column = async (label: string, name: string) => (await (await table(label)).getCellTextByColumnName())[name]?.text;

  describe('reading', () => {
    it('asks for the range in the URL', async () => {
      const request = await requestSoon(http, (r) => r.url === url);

      expect(request.request.params.get('range')).toBe('6h');
      request.flush(aMetricsOverview());
    });

    it('asks again for another range once picked, and keeps it in the URL', async () => {
      await answer(aMetricsOverview());

      await (await loader.getHarness(MatButtonToggleHarness.with({ text: '7 d' }))).check();

      const request = await requestSoon(http, (r) => r.url === url && r.params.get('range') === '7d');
      request.flush(aMetricsOverview({ range: '7d' }));
      expect(TestBed.inject(Router).url).toBe('/?range=7d');
    });

    describe('while the page is in sight', () => {
      beforeAll(() => (livePeriod = 50));
      afterAll(() => (livePeriod = AN_HOUR));

      it('reads the measurements again by itself', async () => {
        await answer(aMetricsOverview({ topics: [aTopicTrend({ recordsPerSecond: 10 })] }));
        await answer(aMetricsOverview({ topics: [aTopicTrend({ recordsPerSecond: 20 })] }));

        expect(text()).toContain('20/s');
        fixture.destroy();
        http.match((r) => r.url === url);
      });
    });
  });

  describe('the topics', () => {
    const topics = [
      aTopicTrend({ topic: 'quiet', recordsPerSecond: 1, bytesPerSecond: 100, sizeBytes: 2_048 }),
      aTopicTrend({ topic: 'busy', recordsPerSecond: 5_000, bytesPerSecond: 2_097_152, sizeBytes: 10_485_760 }),
      aTopicTrend({ topic: 'new', recordsPerSecond: null, bytesPerSecond: null, sizeBytes: null }),
    ];
    beforeEach(() => answer(aMetricsOverview({ topics })));

    it('shows the busiest first, with rates and sizes in their units', async () => {
      expect(await column('Topic throughput', 'topic')).toEqual(['busy', 'quiet', 'new']);
      expect(await column('Topic throughput', 'recordsPerSecond')).toEqual(['5K/s', '1/s', '—']);
      expect(await column('Topic throughput', 'bytesPerSecond')).toEqual(['2.0 MB/s', '100 B/s', '—']);
      expect(await column('Topic throughput', 'sizeBytes')).toEqual(['10 MB', '2.0 KB', '—']);
    });

    it('sorts by another column', async () => {
      const sort = await loader.getHarness(MatSortHarness.with({ selector: '[aria-label="Topic throughput"]' }));
      const [byName] = await sort.getSortHeaders({ label: 'Topic' });

      await byName!.click();

      expect(await column('Topic throughput', 'topic')).toEqual(['busy', 'new', 'quiet']);
    });

    it('keeps the topics whose name contains the filter', async () => {
      await (await loader.getHarness(MatInputHarness.with({ placeholder: 'Filter topics' }))).setValue('qui');

      expect(await column('Topic throughput', 'topic')).toEqual(['quiet']);
    });

    it('draws each topic a rate sparkline', () =>
      expect(
        (fixture.nativeElement as HTMLElement).querySelector('kpc-sparkline [aria-label="Records per second of busy"]'),
      ).not.toBeNull());
  });

  describe('with thousands of topics', () => {
    beforeEach(() =>
      answer(
        aMetricsOverview({
          topics: Array.from({ length: 2_000 }, (_, index) => aTopicTrend({ topic: `t-${index}`, recordsPerSecond: index })),
        }),
      ),
    );

    it('shows the first 25 and says how many there are', async () => {
      expect((await column('Topic throughput', 'topic'))?.length).toBe(25);
      expect(text()).toContain('25 of 2000 topics');
    });

    it('shows more on request', async () => {
      await (await loader.getHarness(MatButtonHarness.with({ text: 'Show more' }))).click();

      expect((await column('Topic throughput', 'topic'))?.length).toBe(50);
    });
  });

  describe('the groups', () => {
    const groups = [
      aGroupTrend({ groupId: 'fine', status: 'OK', lag: 0, catchUpSeconds: null }),
      aGroupTrend({ groupId: 'stuck', status: 'STALL', rule: 'stalled', lag: 12_000, lagSeconds: 200, catchUpSeconds: null }),
      aGroupTrend({ groupId: 'behind', status: 'WARN', rule: 'lag-not-decreasing', lag: 300, catchUpSeconds: 125 }),
    ];
    beforeEach(() => answer(aMetricsOverview({ groups })));

    it('shows the worst first, with lag, time behind and catch-up time', async () => {
      expect(await column('Consumer group lag', 'groupId')).toEqual(['stuck', 'behind', 'fine']);
      expect(await column('Consumer group lag', 'severity')).toEqual(['STALL', 'WARN', 'OK']);
      expect(await column('Consumer group lag', 'lag')).toEqual(['12K', '300', '0']);
      expect(await column('Consumer group lag', 'lagSeconds')).toEqual(['3 min 20 s', '4 s', '4 s']);
      expect(await column('Consumer group lag', 'catchUpSeconds')).toEqual(['not catching up', '2 min 5 s', 'caught up']);
    });

    it('explains a status by the rule that decided it', async () => {
      const tooltip = await loader.getHarness(MatTooltipHarness.with({ selector: 'kpc-lag-status-chip span' }));
      await tooltip.show();

      expect(await tooltip.getTooltipText()).toContain('the consumers are stuck');
    });

    it('links each group to its page over the same range', () => {
      const link = (fixture.nativeElement as HTMLElement).querySelector<HTMLAnchorElement>('a[title="stuck"]');

      expect(link?.getAttribute('href')).toBe('/clusters/local/consumer-groups/stuck?range=6h');
    });
  });

  describe('before the first sample', () => {
    it('says when it comes', async () => {
      await answer(aMetricsOverview({ asOf: null, time: [], topics: [], groups: [] }));

      expect(text()).toContain('No samples yet — the first arrives within 15 s.');
    });
  });

  describe('when the measurements cannot be read', () => {
    it('shows the server message', async () => {
      (await requestSoon(http, (r) => r.url === url)).flush(
        { error: { code: 'CLUSTER_UNREACHABLE', message: 'Kafka cluster local is unreachable' } },
        { status: 503, statusText: 'Service Unavailable' },
      );
      await fixture.whenStable();

      const panel = await loader.getHarness(ErrorPanelHarness.with({ title: 'Cannot read the measurements' }));
      expect(await panel.getMessage()).toBe('Kafka cluster local is unreachable');
    });
  });
});
