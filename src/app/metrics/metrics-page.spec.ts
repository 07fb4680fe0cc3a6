import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { ErrorPanelHarness } from '../shared/error-panel.harness';
import { requestSoon, waitFor } from '../shared/spec-waits';
import { anAppChart, anAppMetrics, anEndpoint } from './metrics.builders';
import type { AppMetrics } from './metrics.model';
import { MetricsPage } from './metrics-page';

describe('MetricsPage', () => {
  let fixture: ComponentFixture<MetricsPage>;
  let http: HttpTestingController;
  let loader: HarnessLoader;
  const url = '/api/clusters/local/metrics/apps';

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MetricsPage);
    fixture.componentRef.setInput('cluster', 'local');
    fixture.detectChanges();
    loader = TestbedHarnessEnvironment.loader(fixture);
  });
  afterEach(() => http.verify());

  const element = () => fixture.nativeElement as HTMLElement;
  const answer = async (apps: AppMetrics) => {
    (await requestSoon(http, (request) => request.url === url)).flush(apps);
    await fixture.whenStable();
  };

  describe('with endpoints scraped', () => {
    beforeEach(() =>
      answer(
        anAppMetrics({
          endpoints: [
            anEndpoint({ name: 'kafka-1', kind: 'broker' }),
            anEndpoint({ name: 'enricher', kind: 'streams', up: false, error: 'connect ECONNREFUSED 127.0.0.1:9405', lastScrape: null }),
          ],
          charts: [
            anAppChart({ id: 'streams-process-rate', title: 'Process rate', section: 'Streams', unit: 'records/s' }),
            anAppChart({ id: 'broker-bytes-in', title: 'Bytes in', section: 'Brokers', unit: 'bytes/s' }),
            anAppChart({ id: 'broker-produce-p99', title: 'Produce latency p99', section: 'Brokers', unit: 'ms' }),
          ],
        }),
      ),
    );

    it('says which endpoints answer, and why one does not', async () => {
      const rows = await (
        await loader.getHarness(MatTableHarness.with({ selector: '[aria-label="Prometheus endpoints"]' }))
      ).getCellTextByColumnName();

      expect(rows['name']?.text).toEqual(['kafka-1', 'enricher']);
      expect(rows['status']?.text[0]).toMatch(/up$/);
      expect(rows['status']?.text[1]).toMatch(/down.*connect ECONNREFUSED 127\.0\.0\.1:9405$/);
      expect(rows['lastScrape']?.text[1]).toBe('never');
      expect(element().textContent).toContain('1 down');
    });

    it('groups the charts by section, brokers first', () => {
      const sections = [...element().querySelectorAll('section[aria-label]')].map((section) => ({
        name: section.getAttribute('aria-label'),
        charts: [...section.querySelectorAll('.kpc-chart-title')].map((title) => title.textContent),
      }));

      expect(sections).toEqual([
        { name: 'Brokers', charts: ['Bytes in', 'Produce latency p99'] },
        { name: 'Streams', charts: ['Process rate'] },
      ]);
    });

    it('draws every chart', async () => {
      await waitFor(() => element().querySelectorAll('.uplot').length === 3);

      expect([...element().querySelectorAll('.kpc-chart-unit')].map((unit) => unit.textContent)).toEqual(['bytes/s', 'ms', 'records/s']);
    });
  });

  describe('with endpoints that were not scraped yet', () => {
    it('says when the first scrape comes', async () => {
      await answer(anAppMetrics({ asOf: null, time: [], charts: [] }));

      expect(element().textContent).toContain('No samples yet — the first scrape arrives within 15 s.');
    });
  });

  describe('without endpoints configured', () => {
    beforeEach(() => answer(anAppMetrics({ asOf: null, time: [], endpoints: [], charts: [] })));

    it('explains how to configure them, for this cluster', () => {
      expect(element().textContent).toContain('No Prometheus endpoints configured');
      expect(element().querySelector('pre')?.textContent).toContain('- name: local');
      expect(element().querySelector('pre')?.textContent).toContain('prometheus:');
    });

    it('shows no endpoint table', async () =>
      expect(await loader.getAllHarnesses(MatTableHarness.with({ selector: '[aria-label="Prometheus endpoints"]' }))).toEqual([]));
  });

  describe('when the metrics cannot be read', () => {
    it('shows the server message', async () => {
      (await requestSoon(http, (request) => request.url === url)).flush(
        { error: { code: 'CLUSTER_NOT_FOUND', message: 'There is no cluster named local' } },
        { status: 404, statusText: 'Not Found' },
      );
      await fixture.whenStable();

      const panel = await loader.getHarness(ErrorPanelHarness.with({ title: 'Cannot read the metrics' }));
      expect(await panel.getMessage()).toBe('There is no cluster named local');
    });
  });
});
