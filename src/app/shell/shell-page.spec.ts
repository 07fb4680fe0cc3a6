import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatNavListHarness } from '@angular/material/list/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter, Router, withComponentInputBinding, withRouterConfig } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { aClusterSummary } from '../clusters/cluster.builders';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { ErrorPanelHarness } from '../shared/error-panel.harness';
import { SectionPlaceholderPage } from './section-placeholder-page';
import { ShellPage } from './shell-page';

describe('ShellPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter(
          [
            {
              path: 'clusters/:cluster',
              component: ShellPage,
              children: [{ path: 'topics', component: SectionPlaceholderPage, data: { section: 'topics' } }],
            },
          ],
          withComponentInputBinding(),
          withRouterConfig({ paramsInheritanceStrategy: 'always' }),
        ),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create('/clusters/local/topics');
  });
  afterEach(() => http.verify());

  describe('with the clusters listed', () => {
    beforeEach(async () => {
      http.expectOne('/api/clusters').flush([aClusterSummary({ name: 'local' }), aClusterSummary({ name: 'prod' })]);
      await harness.fixture.whenStable();
    });

    it('offers every section of the console', async () => {
      const nav = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(MatNavListHarness);
      const items = await nav.getItems();

      expect(await Promise.all(items.map((item) => item.getTitle()))).toEqual([
        'Overview',
        'Topics',
        'Consumer groups',
        'Connectors',
        'Co-partition health',
        'Advisor',
        'Audit log',
      ]);
    });

    describe('switching the cluster', () => {
      it('keeps the section the operator is looking at', async () => {
        const select = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(MatSelectHarness);
        await select.open();
        await select.clickOptions({ text: /prod/ });
        await harness.fixture.whenStable();

        expect(TestBed.inject(Router).url).toBe('/clusters/prod/topics');
      });
    });
  });

  describe('when the clusters cannot be listed', () => {
    it('says why', async () => {
      http.expectOne('/api/clusters').flush(null, { status: 0, statusText: '' });
      await harness.fixture.whenStable();

      const panel = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(ErrorPanelHarness);
      expect(await panel.getTitle()).toBe('Cannot list the clusters');
      expect(await panel.getMessage()).toContain('cannot be reached');
    });
  });
});
