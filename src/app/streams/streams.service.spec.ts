import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { aStreamsApp, aStreamsAppDetail, aStreamsAppPage, aTopologyDescription } from './streams.builders';
import type { StreamsAppListQuery } from './streams.model';
import { StreamsService } from './streams.service';

describe('StreamsService', () => {
  let service: StreamsService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting()],
    });
    service = TestBed.inject(StreamsService);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  describe('list', () => {
    const url = '/api/clusters/local/streams-apps';
    const query: StreamsAppListQuery = { sort: 'applicationId', order: 'asc', page: 0, pageSize: 10_000 };

    it('sends the sort, the order and the page as query parameters', () => {
      service.list('local', { ...query, sort: 'totalLag', order: 'desc', page: 1, pageSize: 100 }).subscribe();

      const request = http.expectOne((r) => r.method === 'GET' && r.url === url);
      expect(request.request.params.toString()).toBe('sort=totalLag&order=desc&page=1&pageSize=100');
      request.flush(aStreamsAppPage());
    });

    it('reads one page of apps with how many match and when they were read', async () => {
      const page = firstValueFrom(service.list('local', query));

      http
        .expectOne((r) => r.url === url)
        .flush(aStreamsAppPage([aStreamsApp({ applicationId: 'payment-matcher' })], { total: 40, asOf: '2026-11-27T12:03:05.000Z' }));
      expect(await page).toEqual(
        jasmine.objectContaining({
          total: 40,
          asOf: '2026-11-27T12:03:05.000Z',
          items: [jasmine.objectContaining({ applicationId: 'payment-matcher' })],
        }),
      );
    });

    describe('with a search', () => {
      it('passes it on', () => {
        service.list('local', { ...query, search: 'order' }).subscribe();

        expect(http.expectOne((r) => r.url === url).request.params.get('search')).toBe('order');
      });
    });

    describe('without a search', () => {
      it('leaves the parameter out', () => {
        service.list('local', { ...query, search: '' }).subscribe();

        expect(http.expectOne((r) => r.url === url).request.params.has('search')).toBeFalse();
      });
    });

    describe('asked for a fresh read', () => {
      it('sends fresh=true', () => {
        service.list('local', query, { fresh: true }).subscribe();

        expect(http.expectOne((r) => r.url === url).request.params.get('fresh')).toBe('true');
      });
    });

    it('escapes the cluster name', () => {
      service.list('eu west', query).subscribe();

      http.expectOne((r) => r.url === '/api/clusters/eu%20west/streams-apps');
    });
  });

  describe('detail', () => {
    it('reads one app, its id escaped', async () => {
      const detail = firstValueFrom(service.detail('local', 'orders/v2'));

      const request = http.expectOne('/api/clusters/local/streams-apps/orders%2Fv2');
      expect(request.request.method).toBe('GET');
      request.flush(aStreamsAppDetail({ applicationId: 'orders/v2' }));
      expect((await detail).applicationId).toBe('orders/v2');
    });

    describe('asked for a fresh read', () => {
      it('sends fresh=true', () => {
        service.detail('local', 'order-enricher', { fresh: true }).subscribe();

        http.expectOne('/api/clusters/local/streams-apps/order-enricher?fresh=true');
      });
    });

    describe('for an unknown app', () => {
      it('fails with the server’s code and message', async () => {
        const detail = firstValueFrom(service.detail('local', 'nothing'));

        http
          .expectOne('/api/clusters/local/streams-apps/nothing')
          .flush(
            { error: { code: 'STREAMS_APP_NOT_FOUND', message: 'There is no Streams app nothing on local' } },
            { status: 404, statusText: 'Not Found' },
          );
        await expectAsync(detail).toBeRejectedWith(
          jasmine.objectContaining({ status: 404, code: 'STREAMS_APP_NOT_FOUND', message: 'There is no Streams app nothing on local' }),
        );
      });
    });
  });

  describe('describeTopology', () => {
    const url = '/api/clusters/local/streams-apps/orders%2Fv2/topology-description';
    const text = 'Topologies:\n   Sub-topology: 0\n';

    it('puts the text and answers the app as it now stands', async () => {
      const detail = firstValueFrom(service.describeTopology('local', 'orders/v2', text));

      const request = http.expectOne(url);
      expect(request.request.method).toBe('PUT');
      expect(request.request.body).toEqual({ text });
      request.flush(aStreamsAppDetail({ topologyDescription: aTopologyDescription({ text }) }));
      expect((await detail).topologyDescription?.text).toBe(text);
    });

    describe('for a text that is no Topology#describe() output', () => {
      it('fails with the server’s code and message', async () => {
        const detail = firstValueFrom(service.describeTopology('local', 'orders/v2', 'hello'));

        http
          .expectOne(url)
          .flush(
            { error: { code: 'TOPOLOGY_DESCRIPTION_INVALID', message: 'The text does not start with Topologies:' } },
            { status: 400, statusText: 'Bad Request' },
          );
        await expectAsync(detail).toBeRejectedWith(
          jasmine.objectContaining({
            status: 400,
            code: 'TOPOLOGY_DESCRIPTION_INVALID',
            message: 'The text does not start with Topologies:',
          }),
        );
      });
    });
  });

  describe('forgetTopologyDescription', () => {
    it('deletes the description', async () => {
      const done = firstValueFrom(service.forgetTopologyDescription('local', 'orders/v2'), { defaultValue: undefined });

      const request = http.expectOne('/api/clusters/local/streams-apps/orders%2Fv2/topology-description');
      expect(request.request.method).toBe('DELETE');
      request.flush(null, { status: 204, statusText: 'No Content' });
      await done;
    });
  });
});
