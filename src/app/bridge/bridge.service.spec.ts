import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { aBridgeHealth, aCheckJob, aSequenceReport } from './bridge.builders';
import type { SequenceCheckJob } from './bridge.model';
import { BridgeService, POLL_MS } from './bridge.service';

describe('BridgeService', () => {
  let service: BridgeService;
  let http: HttpTestingController;
  const base = '/api/clusters/local/topics/shop.domain-events/bridge';

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting()],
    });
    service = TestBed.inject(BridgeService);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  describe('health', () => {
    it('reads from the live model unless asked for a fresh read', async () => {
      const health = firstValueFrom(service.health('local', 'shop.domain-events', { fresh: true }));

      http.expectOne({ method: 'GET', url: `${base}?fresh=true` }).flush(aBridgeHealth());
      expect((await health).published.sequence).toBe(103);
    });
  });

  describe('saveSettings', () => {
    it('sends the fields as given', () => {
      service.saveSettings('local', 'shop.domain-events', { sequenceField: 'meta.seq', keyField: 'id' }).subscribe();

      const request = http.expectOne({ method: 'PUT', url: `${base}/settings` });
      expect(request.request.body).toEqual({ sequenceField: 'meta.seq', keyField: 'id' });
      request.flush({ sequenceField: 'meta.seq', keyField: 'id' });
    });

    describe('with a field that is no JSON path', () => {
      it('fails with the server message', async () => {
        const saved = firstValueFrom(service.saveSettings('local', 'shop.domain-events', { sequenceField: 'a..b' }));

        http
          .expectOne(`${base}/settings`)
          .flush(
            { error: { code: 'VALIDATION_FAILED', message: 'sequenceField: a JSON path of names joined by dots' } },
            { status: 400, statusText: 'Bad Request' },
          );
        await expectAsync(saved).toBeRejectedWith(
          jasmine.objectContaining({
            status: 400,
            code: 'VALIDATION_FAILED',
            message: 'sequenceField: a JSON path of names joined by dots',
          }),
        );
      });
    });
  });

  describe('runCheck', () => {
    // RxJS timers run on the mocked clock: the app is zoneless, so there is no fakeAsync.
    beforeEach(() => jasmine.clock().install());
    afterEach(() => jasmine.clock().uninstall());
    const tick = (ms: number) => jasmine.clock().tick(ms);

    it('starts the check, then polls until it is done', () => {
      const seen: SequenceCheckJob[] = [];
      service.runCheck('local', 'shop.domain-events', { limit: 500 }).subscribe((job) => seen.push(job));

      const start = http.expectOne({ method: 'POST', url: `${base}/checks` });
      expect(start.request.body).toEqual({ limit: 500 });
      start.flush(aCheckJob());
      tick(0);
      http.expectOne(`${base}/checks/job-1`).flush(aCheckJob());
      tick(POLL_MS);
      http.expectOne(`${base}/checks/job-1`).flush(aCheckJob({ status: 'done', report: aSequenceReport() }));
      tick(POLL_MS);

      expect(seen.map((job) => job.status)).toEqual(['running', 'done']);
      http.expectNone(`${base}/checks/job-1`);
    });
  });
});
