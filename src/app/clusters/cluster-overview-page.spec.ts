import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { DeferBlockState, TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import { aMetricsOverview, aTopicTrend } from '../metrics/metrics.builders';
import { requestSoon } from '../shared/spec-waits';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { ErrorPanelHarness } from '../shared/error-panel.harness';
import { BrokerTableHarness } from './broker-table.harness';
import { aBroker, aClusterOverview } from './cluster.builders';
import { ClusterOverviewPage } from './cluster-overview-page';
import { HealthFiguresHarness } from './health-figures.harness';

describe('ClusterOverviewPage', () => {
  let fixture: ComponentFixture<ClusterOverviewPage>;
  let http: HttpTestingController;
  let loader: HarnessLoader;
  const url = '/api/clusters/local/overview';

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ClusterOverviewPage);
    fixture.componentRef.setInput('cluster', 'local');
    fixture.detectChanges();
    loader = TestbedHarnessEnvironment.loader(fixture);
  });
  afterEach(() => {
    // The throughput section reads on its own once in sight; only the specs about it answer.
    http.match((request) => request.url.startsWith('/api/clusters/local/metrics/'));
    http.verify();
  });

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
  /** Answers the overview request as soon as the page sends it. */
  const answer = async (overview: ReturnType<typeof aClusterOverview>) => {
    for (let tries = 0; tries < 50; tries++) {
      const [request] = http.match(url);
      if (request) return request.flush(overview);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('The page never asked again');
  };

  describe('with a healthy cluster', () => {
    beforeEach(async () => {
      http.expectOne(url).flush(
        aClusterOverview({
          brokers: [aBroker({ id: 1, port: 9092, isController: true }), aBroker({ id: 2, port: 9094, isController: false, rack: 'eu-1a' })],
        }),
      );
      await fixture.whenStable();
    });

    it('lists every broker with its address and rack', async () => {
      const brokers = await (await loader.getHarness(BrokerTableHarness)).getLines();

      expect(brokers.map((broker) => broker.address)).toEqual(['127.0.0.1:9092', '127.0.0.1:9094']);
      expect(brokers.map((broker) => broker.rack)).toEqual(['—', 'eu-1a']);
      expect(brokers.map((broker) => broker.role)).toEqual(['Active controller', '']);
    });

    it('says the cluster is healthy', () => expect(text()).toContain('Healthy'));

    it('shows the headline figures, none of them worrying', async () => {
      const figures = await (await loader.getHarness(HealthFiguresHarness)).getFigures();

      expect(figures.map((figure) => [figure.label, figure.value])).toEqual([
        ['Brokers', '2'],
        ['Topics', '4'],
        ['Partitions', '71'],
        ['Under-replicated', '0'],
        ['Offline', '0'],
      ]);
      expect(figures.some((figure) => figure.tone === 'warn' || figure.tone === 'error')).toBeFalse();
    });
  });

  describe('throughput and lag', () => {
    it('lists the topics by rate once measured', async () => {
      http.expectOne(url).flush(aClusterOverview());
      await fixture.whenStable();
      const [section] = await fixture.getDeferBlocks();
      await section!.render(DeferBlockState.Complete);

      (await requestSoon(http, (request) => request.url === '/api/clusters/local/metrics/overview')).flush(
        aMetricsOverview({ topics: [aTopicTrend({ topic: 'shop.orders.events', recordsPerSecond: 1_200 })] }),
      );
      await fixture.whenStable();
      const topics = await loader.getHarness(MatTableHarness.with({ selector: '[aria-label="Topic throughput"]' }));

      expect((await topics.getCellTextByColumnName())['recordsPerSecond']?.text).toEqual(['1.2K/s']);
    });
  });

  describe('with offline partitions', () => {
    it('asks for attention', async () => {
      http.expectOne(url).flush(aClusterOverview({ offlinePartitions: 4 }));
      await fixture.whenStable();

      expect(text()).toContain('Needs attention');
      expect((await (await loader.getHarness(HealthFiguresHarness)).getFigure('Offline')).tone).toBe('error');
    });
  });

  describe('when the cluster is unreachable', () => {
    beforeEach(async () => {
      http
        .expectOne(url)
        .flush(
          { error: { code: 'CLUSTER_UNREACHABLE', message: 'Kafka cluster local (127.0.0.1:9092) is unreachable' } },
          { status: 503, statusText: 'Service Unavailable' },
        );
      await fixture.whenStable();
    });

    it('shows the server message', async () => {
      const panel = await loader.getHarness(ErrorPanelHarness.with({ title: 'Cannot read this cluster' }));

      expect(await panel.getMessage()).toBe('Kafka cluster local (127.0.0.1:9092) is unreachable');
    });

    it('asks again on retry', async () => {
      const panel = await loader.getHarness(ErrorPanelHarness);

      // The page is busy until the cluster answers, so the click settles only once it does.
      const retried = panel.retry();
      await answer(aClusterOverview());
      await retried;

      expect(text()).not.toContain('unreachable');
    });
  });
});
