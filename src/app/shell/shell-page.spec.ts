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
import type { SessionInfo } from '../../../server/access/access.model';
import { anOpenSession, aSignedInSession, provideSession } from '../access/access.builders';
import { AccessService } from '../access/access.service';
import { OPEN_MODE_EXPLANATION } from '../access/session-status';
import { waitFor } from '../shared/spec-waits';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatTooltipHarness } from '@angular/material/tooltip/testing';
import { SectionPlaceholderPage } from './section-placeholder-page';
import { ShellPage } from './shell-page';

describe('ShellPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  async function open(session: SessionInfo = anOpenSession()): Promise<void> {
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
            { path: 'sign-in', component: SectionPlaceholderPage, data: { section: 'sign-in' } },
          ],
          withComponentInputBinding(),
          withRouterConfig({ paramsInheritanceStrategy: 'always' }),
        ),
        provideSession(session),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create('/clusters/local/topics');
  }
  afterEach(() => http.verify());

  const loader = () => TestbedHarnessEnvironment.loader(harness.fixture);
  const toolbarText = () => (harness.fixture.nativeElement as HTMLElement).querySelector('mat-toolbar')?.textContent ?? '';

  describe('with the clusters listed', () => {
    beforeEach(async () => {
      await open();
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
        'Streams apps',
        'Connectors',
        'Co-partition health',
        'Metrics',
        'Alerts',
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
      await open();
      http.expectOne('/api/clusters').flush(null, { status: 0, statusText: '' });
      await harness.fixture.whenStable();

      const panel = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(ErrorPanelHarness);
      expect(await panel.getTitle()).toBe('Cannot list the clusters');
      expect(await panel.getMessage()).toContain('cannot be reached');
    });
  });

  describe('in open mode', () => {
    beforeEach(async () => {
      await open(anOpenSession());
      http.expectOne('/api/clusters').flush([aClusterSummary()]);
      await harness.fixture.whenStable();
    });

    it('warns that nobody signs in', () => expect(toolbarText()).toContain('local mode: no sign-in'));

    it('explains what that means on hover', async () => {
      const tooltip = await loader().getHarness(MatTooltipHarness.with({ selector: '.open-mode' }));
      await tooltip.show();

      expect(await tooltip.getTooltipText()).toBe(OPEN_MODE_EXPLANATION);
    });

    it('offers no sign-out', async () => expect(await loader().getAllHarnesses(MatButtonHarness.with({ text: /Sign out/ }))).toEqual([]));
  });

  describe('when signed in', () => {
    beforeEach(async () => {
      await open(aSignedInSession({ user: { name: 'grace', via: 'local' } }));
      http.expectOne('/api/clusters').flush([aClusterSummary()]);
      await harness.fixture.whenStable();
    });

    it("shows the user's name, and no open-mode warning", () => {
      expect(toolbarText()).toContain('grace');
      expect(toolbarText()).not.toContain('local mode');
    });

    describe('signing out', () => {
      it('ends the session and shows the sign-in page', async () => {
        await (await loader().getHarness(MatButtonHarness.with({ text: /Sign out/ }))).click();
        http.expectOne({ method: 'DELETE', url: '/api/session' }).flush(null, { status: 204, statusText: 'No Content' });
        const router = TestBed.inject(Router);

        await waitFor(() => router.url === '/sign-in');
        expect(TestBed.inject(AccessService).isSignedOut()).toBeTrue();
      });
    });
  });
});
