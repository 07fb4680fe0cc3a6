import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { aGroup, aGroupHealth, aJob, aReport } from './copartition.builders';
import type { CheckJob } from './copartition.model';
import { CopartitionService, POLL_MS } from './copartition.service';

describe('CopartitionService', () => {
  let service: CopartitionService;
  let http: HttpTestingController;
  const base = '/api/clusters/local/copartition';

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting()],
    });
    service = TestBed.inject(CopartitionService);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  describe('health', () => {
    it('reads the groups with their reports', async () => {
      const health = firstValueFrom(service.health('local'));

      http.expectOne({ method: 'GET', url: base }).flush({ groups: [aGroupHealth()] });
      expect((await health)[0]!.report!.verdict).toBe('broken');
    });
  });

  describe('runCheck', () => {
    // RxJS timers run on the mocked clock: the app is zoneless, so there is no fakeAsync.
    beforeEach(() => jasmine.clock().install());
    afterEach(() => jasmine.clock().uninstall());
    const tick = (ms: number) => jasmine.clock().tick(ms);

    it('starts the check, then polls until it is done', () => {
      const seen: CheckJob[] = [];
      service.runCheck('local', ['a', 'b'], 500).subscribe((job) => seen.push(job));

      const start = http.expectOne({ method: 'POST', url: `${base}/check` });
      expect(start.request.body).toEqual({ topics: ['a', 'b'], samplePerPartition: 500 });
      start.flush(aJob());
      tick(0);
      http.expectOne(`${base}/checks/job-1`).flush(aJob());
      tick(POLL_MS);
      http.expectOne(`${base}/checks/job-1`).flush(aJob({ status: 'done', report: aReport() }));
      tick(POLL_MS);

      expect(seen.map((job) => job.status)).toEqual(['running', 'done']);
      http.expectNone(`${base}/checks/job-1`);
    });

    describe('with too few topics', () => {
      it('fails with the server message', async () => {
        const run = firstValueFrom(service.runCheck('local', ['a']));

        http
          .expectOne(`${base}/check`)
          .flush({ error: { code: 'VALIDATION_FAILED', message: 'name at least two topics' } }, { status: 400, statusText: 'Bad Request' });
        await expectAsync(run).toBeRejectedWith(
          jasmine.objectContaining({ status: 400, code: 'VALIDATION_FAILED', message: 'name at least two topics' }),
        );
      });
    });
  });

  describe('declare', () => {
    it('sends the name and topics', () => {
      service.declare('local', 'orders', ['a', 'b']).subscribe();

      const request = http.expectOne({ method: 'POST', url: `${base}/groups` });
      expect(request.request.body).toEqual({ name: 'orders', topics: ['a', 'b'] });
      request.flush(aGroup({ origin: 'declared' }));
    });
  });

  describe('undeclare', () => {
    it('escapes the group name', () => {
      service.undeclare('local', 'orders ⋈ payments').subscribe();

      http.expectOne({ method: 'DELETE', url: `${base}/groups/orders%20%E2%8B%88%20payments` }).flush(null);
    });
  });

  describe('topicNames', () => {
    it('reads the topic list fresh, so a topic made a moment ago can be picked', () => {
      let names: string[] = [];
      service.topicNames('local').subscribe((topics) => (names = topics));

      const request = http.expectOne((r) => r.url === '/api/clusters/local/topics');
      expect(request.request.params.get('fresh')).toBe('true');
      request.flush({ items: [{ name: 'shop.orders' }], total: 1, asOf: '2026-11-27T12:00:00.000Z' });
      expect(names).toEqual(['shop.orders']);
    });
  });
});
