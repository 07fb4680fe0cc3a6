import { Clipboard } from '@angular/cdk/clipboard';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatChipListboxHarness } from '@angular/material/chips/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter } from '@angular/router';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { ErrorPanelHarness } from '../shared/error-panel.harness';
import { PageVisibility } from '../shared/page-visibility';
import { FakePageVisibility } from '../shared/page-visibility.fake';
import { requestSoon } from '../shared/spec-waits';
import { aFinding, aReport, aRocksDbFinding } from './advisor.builders';
import type { AdvisorReport } from './advisor.model';
import { AdvisorPage } from './advisor-page';
import { FindingPanelHarness } from './finding-panel.harness';
import { RocksDbCalculatorHarness } from './rocksdb-calculator.harness';

describe('AdvisorPage', () => {
  const url = '/api/clusters/local/advisor';
  const unreplicated = aFinding();
  const unbounded = aRocksDbFinding('order-enricher');
  const slowBatches = aFinding({
    id: 'batching:topic:shop.clicks',
    rule: 'batching',
    severity: 'info',
    subject: { kind: 'topic', name: 'shop.clicks' },
    title: 'shop.clicks is written 1.2 records a batch',
    link: '/clusters/local/topics/shop.clicks',
  });
  let fixture: ComponentFixture<AdvisorPage>;
  let http: HttpTestingController;
  let page: HarnessLoader;
  let overlay: HarnessLoader;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: PageVisibility, useValue: new FakePageVisibility() },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AdvisorPage);
    fixture.componentRef.setInput('cluster', 'local');
    page = TestbedHarnessEnvironment.loader(fixture);
    // Snack bars render outside the page.
    overlay = TestbedHarnessEnvironment.documentRootLoader(fixture);
  });
  afterEach(() => http.verify());

  const element = () => fixture.nativeElement as HTMLElement;
  const text = () => element().textContent ?? '';
  const texts = (selector: string) => [...element().querySelectorAll(selector)].map((each) => each.textContent?.trim());
  const panel = (title: string) => page.getHarness(FindingPanelHarness.with({ title }));
  const panelTitles = async () => Promise.all((await page.getAllHarnesses(FindingPanelHarness)).map((each) => each.getTitle()));

  async function answer(report: AdvisorReport): Promise<void> {
    fixture.detectChanges();
    (await requestSoon(http, url)).flush(report);
    await fixture.whenStable();
  }

  describe('with findings of every severity', () => {
    beforeEach(() => answer(aReport({ findings: [unreplicated, unbounded, slowBatches] })));

    it('counts them by severity in the header', () => expect(text()).toContain('1 critical · 1 warning · 1 info'));

    it('groups them by severity, the worst first', () => expect(texts('section h2')).toEqual(['Critical 1', 'Warnings 1', 'Info 1']));

    it('heads each group of findings with its subject, linked to its page', () => {
      const links = [...element().querySelectorAll<HTMLAnchorElement>('a.subject-chip')];

      expect(
        links.map((link) => [
          link.querySelector('.kind')?.textContent,
          link.querySelector('.name')?.textContent,
          link.getAttribute('href'),
        ]),
      ).toEqual([
        ['Topic', 'shop.orders', '/clusters/local/topics/shop.orders'],
        ['Streams app', 'order-enricher', '/clusters/local/streams/order-enricher'],
        ['Topic', 'shop.clicks', '/clusters/local/topics/shop.clicks'],
      ]);
    });

    it('shows each finding closed, with its rule', async () => {
      const rocksdb = await panel(unbounded.title);

      expect(await rocksdb.isExpanded()).toBeFalse();
      expect(await rocksdb.getRule()).toBe('RocksDB memory');
    });

    describe('opening a finding', () => {
      it('shows the evidence and the fix', async () => {
        const finding = await panel(unreplicated.title);

        await finding.expand();

        expect(await finding.getEvidence()).toEqual([['replication.factor', '1', 'topic config']]);
        expect(await finding.getFix()).toEqual({
          summary: 'Raise the replication factor to 3.',
          target: "In the topic's config",
          config: 'replication.factor=3\nmin.insync.replicas=2',
          why: 'One broker lost takes the records with it.',
        });
      });
    });

    describe('copying a fix', () => {
      it('puts its config on the clipboard and says so', async () => {
        const copy = spyOn(TestBed.inject(Clipboard), 'copy').and.returnValue(true);
        const finding = await panel(unreplicated.title);
        await finding.expand();

        await finding.copyConfig();

        expect(copy).toHaveBeenCalledOnceWith('replication.factor=3\nmin.insync.replicas=2');
        expect(await (await overlay.getHarness(MatSnackBarHarness)).getMessage()).toBe('Copied');
      });

      describe('when the browser refuses', () => {
        it('says to copy by hand', async () => {
          spyOn(TestBed.inject(Clipboard), 'copy').and.returnValue(false);
          const finding = await panel(unreplicated.title);
          await finding.expand();

          await finding.copyConfig();

          expect(await (await overlay.getHarness(MatSnackBarHarness)).getMessage()).toContain('select the lines and copy them');
        });
      });
    });

    describe('filtering by rule', () => {
      it('shows only the chosen rules', async () => {
        const chips = await page.getHarness(MatChipListboxHarness);

        await chips.selectChips({ text: /RocksDB memory/ });

        expect(await panelTitles()).toEqual([unbounded.title]);
        expect(texts('section h2')).toEqual(['Warnings 1']);
      });

      it('offers each rule with its count', async () => {
        const chips = await (await page.getHarness(MatChipListboxHarness)).getChips();

        expect(await Promise.all(chips.map((chip) => chip.getText()))).toEqual(['Durability · 1', 'RocksDB memory · 1', 'Batching · 1']);
      });
    });

    it('offers the app with rocksdb findings to prefill the calculator', async () =>
      expect(await (await page.getHarness(RocksDbCalculatorHarness)).getPrefillOptions()).toEqual(['order-enricher']));
  });

  describe('when the report is read again', () => {
    it('keeps an open finding open', async () => {
      await answer(aReport({ findings: [unreplicated, unbounded] }));
      await (await panel(unreplicated.title)).expand();

      await (await page.getHarness(MatButtonHarness.with({ text: /Refresh/ }))).click();
      (await requestSoon(http, url)).flush(aReport({ asOf: '2026-12-01T10:01:00.000Z', findings: [unbounded, unreplicated] }));
      await fixture.whenStable();

      expect(await (await panel(unreplicated.title)).isExpanded()).toBeTrue();
    });
  });

  describe('without findings', () => {
    beforeEach(() => answer(aReport({ findings: [], skipped: [{ rule: 'rocksdb', reason: 'order-enricher has no metrics endpoint' }] })));

    it('says there is nothing to change', () => expect(text()).toContain('No findings: every rule that ran'));

    it('lists the rules that could not run, and why', () =>
      expect(texts('.skipped li')).toEqual(['RocksDB memory: order-enricher has no metrics endpoint']));

    it('still offers the calculator, on the worked example', async () =>
      expect(await (await page.getHarness(RocksDbCalculatorHarness)).getTotal()).toBe('3,528 MiB'));
  });

  describe('when the cluster is unreachable', () => {
    it('shows the server message', async () => {
      fixture.detectChanges();
      (await requestSoon(http, url)).flush(
        { error: { code: 'CLUSTER_UNREACHABLE', message: 'Kafka cluster local is unreachable' } },
        { status: 503, statusText: 'Service Unavailable' },
      );
      await fixture.whenStable();

      const panel = await page.getHarness(ErrorPanelHarness.with({ title: "Cannot read the Advisor's findings" }));
      expect(await panel.getMessage()).toBe('Kafka cluster local is unreachable');
    });
  });
});
