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

        http.expectOne('/api/clusters/prod/overview').flush(
          { error: { code: 'CLUSTER_UNREACHABLE', message: 'Kafka cluster prod is unreachable' } },
          { status: 503, statusText: 'Service Unavailable' },
        );
        await expectAsync(overview).toBeRejectedWith({
          status: 503,
          code: 'CLUSTER_UNREACHABLE',
          message: 'Kafka cluster prod is unreachable',
        });
      });
    });
  });

  describe('healthFigures', () => {
    const figure = (label: string, overrides = {}) =>
      service.healthFigures(aClusterOverview(overrides)).find((f) => f.label === label)!;

    it('counts brokers, topics and partitions', () => {
      const figures = service.healthFigures(aClusterOverview({ topicCount: 7, partitionCount: 80 }));

      expect(figures.map((f) => [f.label, f.value])).toEqual([
        ['Brokers', 1],
        ['Topics', 7],
        ['Partitions', 80],
        ['Under-replicated', 0],
        ['Offline', 0],
      ]);
    });

    describe('when every replica is in sync', () => {
      it('shows under-replication as ok', () => expect(figure('Under-replicated').tone).toBe('ok'));
    });

    describe('when some partitions are under-replicated', () => {
      it('warns', () => expect(figure('Under-replicated', { underReplicatedPartitions: 3 }).tone).toBe('warn'));
    });

    describe('when some partitions have no leader', () => {
      it('shows an error and says what it means', () => {
        const offline = figure('Offline', { offlinePartitions: 2 });
        expect(offline.tone).toBe('error');
        expect(offline.hint).toContain('no leader');
      });
    });
  });

  describe('isHealthy', () => {
    it('is true with every partition led and in sync', () =>
      expect(service.isHealthy(aClusterOverview())).toBeTrue());

    it('is false with an under-replicated partition', () =>
      expect(service.isHealthy(aClusterOverview({ underReplicatedPartitions: 1 }))).toBeFalse());

    it('is false with an offline partition', () =>
      expect(service.isHealthy(aClusterOverview({ offlinePartitions: 1 }))).toBeFalse());
  });
});
