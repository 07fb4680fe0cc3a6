import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { aClusterOverview, aClusterSummary } from './cluster.builders';
import { ClustersService } from './clusters.service';

describe('ClustersService', () => {
  let service: ClustersService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting()],
    });
    service = TestBed.inject(ClustersService);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  describe('list', () => {
    it('reads the configured clusters', async () => {
      const clusters = firstValueFrom(service.list());

      http.expectOne({ method: 'GET', url: '/api/clusters' }).flush([aClusterSummary({ name: 'prod' })]);
      expect((await clusters).map((c) => c.name)).toEqual(['prod']);
    });
  });

  describe('overview', () => {
    it('asks for the named cluster', async () => {
      const overview = firstValueFrom(service.overview('prod'));

      http.expectOne({ method: 'GET', url: '/api/clusters/prod/overview' }).flush(aClusterOverview({ cluster: 'prod' }));
      expect((await overview).cluster).toBe('prod');
    });

    it('escapes a name that is not URL-safe', () => {
      service.overview('a/b').subscribe();

      http.expectOne('/api/clusters/a%2Fb/overview').flush(aClusterOverview());
    });

    describe('when the cluster is unreachable', () => {
      it('fails with the code CLUSTER_UNREACHABLE and the server message', async () => {
        const overview = firstValueFrom(service.overview('prod'));

        http
          .expectOne('/api/clusters/prod/overview')
          .flush(
            { error: { code: 'CLUSTER_UNREACHABLE', message: 'Kafka cluster prod is unreachable' } },
            { status: 503, statusText: 'Service Unavailable' },
          );
        await expectAsync(overview).toBeRejectedWith(
          jasmine.objectContaining({
            status: 503,
            code: 'CLUSTER_UNREACHABLE',
            message: 'Kafka cluster prod is unreachable',
          }),
        );
      });
    });
  });
});
