import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { aDelivery, anEvent, aRule } from './alerts.builders';
import type { AlertRuleChange } from './alerts.model';
import { AlertsService } from './alerts.service';

describe('AlertsService', () => {
  const base = '/api/clusters/local/alerts';
  let service: AlertsService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting()],
    });
    service = TestBed.inject(AlertsService);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const change: AlertRuleChange = {
    name: 'billing lag',
    kind: 'lag-seconds',
    target: 'billing',
    threshold: 120,
    forMinutes: 5,
    webhookUrl: 'https://hooks.slack.com/services/T/B/x',
    format: 'slack',
    enabled: true,
  };

  describe('rules', () => {
    it('answers the list of rules', async () => {
      const rules = firstValueFrom(service.rules('local'));

      http.expectOne({ method: 'GET', url: `${base}/rules` }).flush({ rules: [aRule()] });
      expect(await rules).toEqual([aRule()]);
    });
  });

  describe('create', () => {
    it('posts the rule', () => {
      service.create('local', change).subscribe();

      const request = http.expectOne({ method: 'POST', url: `${base}/rules` });
      expect(request.request.body).toEqual(change);
      request.flush(aRule());
    });

    describe('when the server refuses the input', () => {
      it('fails with its code and message', async () => {
        const created = firstValueFrom(service.create('local', { ...change, webhookUrl: 'ftp://x' }));

        http
          .expectOne(`${base}/rules`)
          .flush(
            { error: { code: 'VALIDATION_FAILED', message: 'webhookUrl: must be an http:// or https:// URL' } },
            { status: 400, statusText: 'Bad Request' },
          );
        await expectAsync(created).toBeRejectedWith(
          jasmine.objectContaining({ status: 400, code: 'VALIDATION_FAILED', message: 'webhookUrl: must be an http:// or https:// URL' }),
        );
      });
    });
  });

  describe('update', () => {
    it('puts the rule under its id', () => {
      service.update('local', 'rule 1', change).subscribe();

      http.expectOne({ method: 'PUT', url: `${base}/rules/rule%201` }).flush(aRule());
    });
  });

  describe('remove', () => {
    it('sends the typed name for the server to check again', () => {
      service.remove('local', 'rule-1', 'billing lag').subscribe();

      const request = http.expectOne((req) => req.method === 'DELETE' && req.url === `${base}/rules/rule-1`);
      expect(request.request.params.get('confirm')).toBe('billing lag');
      request.flush(null, { status: 204, statusText: 'No Content' });
    });
  });

  describe('test', () => {
    it('answers how the webhook took the test message', async () => {
      const delivery = firstValueFrom(service.test('local', 'rule-1'));

      http.expectOne({ method: 'POST', url: `${base}/rules/rule-1/test` }).flush(aDelivery({ message: 'test' }));
      expect((await delivery).outcome).toBe('delivered');
    });
  });

  describe('events', () => {
    it('asks for the newest alerts', async () => {
      const events = firstValueFrom(service.events('local'));

      const request = http.expectOne((req) => req.url === `${base}/events`);
      expect(request.request.params.get('limit')).toBe('200');
      request.flush({ events: [anEvent()] });
      expect(await events).toEqual([anEvent()]);
    });
  });
});
