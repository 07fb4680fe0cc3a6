import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { provideRouter } from '@angular/router';
import { aSignedInSession, provideSession } from '../access/access.builders';
import { AccessService } from '../access/access.service';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { requestSoon, waitFor } from '../shared/spec-waits';
import { aBridgeHealth, aCheckJob, aRestartPoint, aSequenceReport, aSource } from './bridge.builders';
import { BridgeHealthView } from './bridge-health-view';

describe('BridgeHealthView', () => {
  let fixture: ComponentFixture<BridgeHealthView>;
  let http: HttpTestingController;
  let loader: HarnessLoader;
  const base = '/api/clusters/local/topics/shop.domain-events/bridge';
  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

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
    fixture = TestBed.createComponent(BridgeHealthView);
    fixture.componentRef.setInput('cluster', 'local');
    fixture.componentRef.setInput('topic', 'shop.domain-events');
    loader = TestbedHarnessEnvironment.loader(fixture);
  });
  afterEach(() => http.verify());

  const open = async (health = aBridgeHealth()) => {
    fixture.detectChanges();
    (await requestSoon(http, base)).flush(health);
    await fixture.whenStable();
  };

  describe('the restart point', () => {
    it('shows the line and sequence the connector resumes at, and how far the topic is past it', async () => {
      await open();

      const point = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="restart-point"]')!;
      expect(point.textContent).toContain('after line 1 (sequence 101)');
      expect(point.textContent).toContain('next: line 2 (sequence 102)');
      expect(point.textContent).toContain('2 event(s) published past the restart point');
      expect(point.classList).toContain('tone-warn');
    });

    describe('when it cannot be translated', () => {
      it('shows the raw offset and says why', async () => {
        const raw = aRestartPoint({ filePosition: null, publishedPastRestart: null, untranslatable: 'the console cannot read it' });
        await open(aBridgeHealth({ sources: [aSource({ restartPoints: [raw] })] }));

        expect(text()).toContain('offset {"position":40}');
        expect(text()).toContain('Not translated: the console cannot read it.');
      });
    });
  });

  it('shows the highest sequence published', async () => {
    await open();

    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="highest-sequence"]')?.textContent).toContain('103');
  });

  describe('the check', () => {
    it('shows a gap as lost data and a duplicate as expected', async () => {
      await open();

      await (await loader.getHarness(MatButtonHarness.with({ text: /Check the sequence/ }))).click();
      (await requestSoon(http, `${base}/checks`)).flush(aCheckJob({ status: 'done', report: aSequenceReport() }));
      (await requestSoon(http, `${base}/checks/job-1`)).flush(aCheckJob({ status: 'done', report: aSequenceReport() }));
      await waitFor(() => text().includes('Gaps: data lost'));

      expect(text()).toContain('consumers must be idempotent');
      expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="missing"]')?.textContent).toBe('1');
    });
  });

  describe('for a viewer', () => {
    beforeEach(() => TestBed.inject(AccessService).remember(aSignedInSession({ role: 'viewer' })));

    it('does not let them save the sequence field', async () => {
      await open();

      expect(await (await loader.getHarness(MatButtonHarness.with({ text: 'Save' }))).isDisabled()).toBeTrue();
    });
  });
});
