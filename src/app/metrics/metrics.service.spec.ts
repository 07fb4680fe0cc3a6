import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { aGroupHistory, anAppMetrics, aMetricsOverview, aTopicHistory } from './metrics.builders';
import { MetricsService } from './metrics.service';

describe('MetricsService', () => {
  let service: MetricsService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting()],
    });
    service = TestBed.inject(MetricsService);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  describe('overview', () => {
    const url = '/api/clusters/local/metrics/overview';

    it('asks for the range and answers the trends', async () => {
      const overview = firstValueFrom(service.overview('local', '6h'));

      const request = http.expectOne((r) => r.method === 'GET' && r.url === url);
      expect(request.request.params.get('range')).toBe('6h');
      request.flush(aMetricsOverview({ range: '6h' }));
      expect((await overview).range).toBe('6h');
    });

    it('sends nothing until subscribed', () => {
      service.overview('local', '1h');

      http.expectNone(url);
    });

    describe('when the cluster is unreachable', () => {
      it('fails with the server code and message', async () => {
        const overview = firstValueFrom(service.overview('local', '1h'));

        http
          .expectOne((r) => r.url === url)
          .flush(
            { error: { code: 'CLUSTER_UNREACHABLE', message: 'Kafka cluster local is unreachable' } },
            { status: 503, statusText: 'x' },
          );
        await expectAsync(overview).toBeRejectedWith(
          jasmine.objectContaining({ status: 503, code: 'CLUSTER_UNREACHABLE', message: 'Kafka cluster local is unreachable' }),
        );
      });
    });
  });

  describe('topicHistory', () => {
    it('names the topic in the path, encoded', async () => {
      const history = firstValueFrom(service.topicHistory('local', 'a/b topic', '15m'));

      const request = http.expectOne((r) => r.url === '/api/clusters/local/metrics/topics/a%2Fb%20topic');
      expect(request.request.params.get('range')).toBe('15m');
      request.flush(aTopicHistory({ topic: 'a/b topic' }));
      expect((await history).topic).toBe('a/b topic');
    });
  });

  describe('groupHistory', () => {
    it('names the group in the path, encoded', async () => {
      const history = firstValueFrom(service.groupHistory('local', 'billing#1', '7d'));

      const request = http.expectOne((r) => r.url === '/api/clusters/local/metrics/consumer-groups/billing%231');
      expect(request.request.params.get('range')).toBe('7d');
      request.flush(aGroupHistory({ groupId: 'billing#1' }));
      expect((await history).groupId).toBe('billing#1');
    });
  });

  describe('apps', () => {
    it('reads the endpoints and charts for the range', async () => {
      const apps = firstValueFrom(service.apps('local', '24h'));

      const request = http.expectOne((r) => r.url === '/api/clusters/local/metrics/apps');
      expect(request.request.params.get('range')).toBe('24h');
      request.flush(anAppMetrics());
      expect((await apps).endpoints.length).toBe(1);
    });
  });
});
