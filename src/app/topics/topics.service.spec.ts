import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { aConfig, aMessagePage, aTopicDetail, aTopicPage, aTopicSummary } from './topic.builders';
import type { TopicListQuery } from './topic.model';
import { TopicsService } from './topics.service';

describe('TopicsService', () => {
  let service: TopicsService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting()],
    });
    service = TestBed.inject(TopicsService);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const url = '/api/clusters/local/topics';
  const failWith = (path: string, status: number, code: string, message: string) =>
    http.expectOne((request) => request.url === path).flush({ error: { code, message } }, { status, statusText: 'Error' });

  describe('list', () => {
    const query: TopicListQuery = { internal: false, sort: 'name', order: 'asc', page: 0, pageSize: 10_000 };

    it('sends the sort, the order and the page as query parameters', async () => {
      const page = firstValueFrom(service.list('local', { ...query, sort: 'sizeBytes', order: 'desc', page: 2, pageSize: 500 }));

      const request = http.expectOne((r) => r.url === url);
      expect(request.request.params.toString()).toBe('internal=false&sort=sizeBytes&order=desc&page=2&pageSize=500');
      request.flush(aTopicPage([aTopicSummary()], { total: 1001 }));
      expect((await page).total).toBe(1001);
    });

    it('hands back when the server read the data', async () => {
      const page = firstValueFrom(service.list('local', query));

      http.expectOne((r) => r.url === url).flush(aTopicPage([aTopicSummary()], { asOf: '2026-11-27T12:03:05.000Z' }));
      expect((await page).asOf).toBe('2026-11-27T12:03:05.000Z');
    });

    describe('asked for a fresh read', () => {
      it('sends fresh=true', () => {
        service.list('local', query, { fresh: true }).subscribe();

        expect(http.expectOne((r) => r.url === url).request.params.get('fresh')).toBe('true');
      });
    });

    describe('for a background read', () => {
      it('leaves fresh out, so the server answers from its live model', () => {
        service.list('local', query).subscribe();

        expect(http.expectOne((r) => r.url === url).request.params.has('fresh')).toBeFalse();
      });
    });

    describe('with a search', () => {
      it('passes it on', () => {
        service.list('local', { ...query, search: 'orders' }).subscribe();

        expect(http.expectOne((r) => r.url === url).request.params.get('search')).toBe('orders');
      });
    });

    describe('without a search', () => {
      it('leaves the parameter out', () => {
        service.list('local', { ...query, search: '' }).subscribe();

        expect(http.expectOne((r) => r.url === url).request.params.has('search')).toBeFalse();
      });
    });

    describe('when the cluster is unreachable', () => {
      it('fails with the server code and message', async () => {
        const page = firstValueFrom(service.list('local', query));

        failWith(url, 503, 'CLUSTER_UNREACHABLE', 'Kafka cluster local is unreachable');
        await expectAsync(page).toBeRejectedWith(
          jasmine.objectContaining({ status: 503, code: 'CLUSTER_UNREACHABLE', message: 'Kafka cluster local is unreachable' }),
        );
      });
    });
  });

  describe('create', () => {
    const topic = { name: 'billing.invoices', partitions: 3, replicationFactor: 1, configs: { 'retention.ms': '-1' } };

    it('posts the new topic', () => {
      service.create('local', topic).subscribe();

      const request = http.expectOne({ method: 'POST', url });
      expect(request.request.body).toEqual(topic);
      request.flush({ name: topic.name }, { status: 201, statusText: 'Created' });
    });

    describe('when the name is taken', () => {
      it('fails with TOPIC_EXISTS', async () => {
        const created = firstValueFrom(service.create('local', topic));

        failWith(url, 409, 'TOPIC_EXISTS', 'Topic billing.invoices already exists');
        await expectAsync(created).toBeRejectedWith(jasmine.objectContaining({ code: 'TOPIC_EXISTS' }));
      });
    });
  });

  describe('detail', () => {
    it('asks for the topic by its escaped name', async () => {
      const detail = firstValueFrom(service.detail('local', 'a/b'));

      http.expectOne({ method: 'GET', url: `${url}/a%2Fb` }).flush(aTopicDetail({ name: 'a/b' }));
      expect((await detail).name).toBe('a/b');
    });

    describe('asked for a fresh read', () => {
      it('sends fresh=true', () => {
        service.detail('local', 'orders', { fresh: true }).subscribe();

        http.expectOne({ method: 'GET', url: `${url}/orders?fresh=true` }).flush(aTopicDetail());
      });
    });

    describe('for a topic that does not exist', () => {
      it('fails with TOPIC_NOT_FOUND', async () => {
        const detail = firstValueFrom(service.detail('local', 'gone'));

        failWith(`${url}/gone`, 404, 'TOPIC_NOT_FOUND', 'Topic gone does not exist on cluster local');
        await expectAsync(detail).toBeRejectedWith(jasmine.objectContaining({ status: 404, code: 'TOPIC_NOT_FOUND' }));
      });
    });
  });

  describe('alterConfigs', () => {
    it('patches the sets and deletes together and answers the configs', async () => {
      const change = { set: { 'retention.ms': '1000' }, delete: ['cleanup.policy'] };
      const configs = firstValueFrom(service.alterConfigs('local', 'orders', change));

      const request = http.expectOne({ method: 'PATCH', url: `${url}/orders/configs` });
      expect(request.request.body).toEqual(change);
      request.flush([aConfig({ value: '1000', isOverride: true })]);
      expect((await configs)[0]?.value).toBe('1000');
    });

    describe('with a value Kafka refuses', () => {
      it('fails with INVALID_CONFIG and its message', async () => {
        const configs = firstValueFrom(service.alterConfigs('local', 'orders', { set: { 'retention.ms': 'soon' } }));

        failWith(`${url}/orders/configs`, 400, 'INVALID_CONFIG', 'Invalid value soon for configuration retention.ms');
        await expectAsync(configs).toBeRejectedWith(jasmine.objectContaining({ code: 'INVALID_CONFIG' }));
      });
    });
  });

  describe('increasePartitions', () => {
    it('posts the new count and hands back the warning', async () => {
      const increased = firstValueFrom(service.increasePartitions('local', 'orders', 12));

      const request = http.expectOne({ method: 'POST', url: `${url}/orders/partitions` });
      expect(request.request.body).toEqual({ count: 12 });
      request.flush({ partitions: 12, warning: 'Keys now hash to 12 partitions' });
      expect((await increased).warning).toContain('Keys now hash');
    });
  });

  describe('purge', () => {
    it('sends the typed confirmation', () => {
      service.purge('local', 'orders', { confirm: 'orders' }).subscribe();

      const request = http.expectOne({ method: 'POST', url: `${url}/orders/purge` });
      expect(request.request.body).toEqual({ confirm: 'orders' });
      request.flush({ partitions: [{ partition: 0, lowWatermark: 10 }] });
    });

    describe('without the right confirmation', () => {
      it('fails with CONFIRMATION_REQUIRED', async () => {
        const purged = firstValueFrom(service.purge('local', 'orders', { confirm: 'order' }));

        failWith(`${url}/orders/purge`, 400, 'CONFIRMATION_REQUIRED', 'To purge orders, confirm with its exact name');
        await expectAsync(purged).toBeRejectedWith(jasmine.objectContaining({ code: 'CONFIRMATION_REQUIRED' }));
      });
    });
  });

  describe('delete', () => {
    it('sends the typed name as ?confirm=', () => {
      service.delete('local', 'shop.orders', 'shop.orders').subscribe();

      const request = http.expectOne((r) => r.method === 'DELETE' && r.url === `${url}/shop.orders`);
      expect(request.request.params.get('confirm')).toBe('shop.orders');
      request.flush(null, { status: 204, statusText: 'No Content' });
    });
  });

  describe('browse', () => {
    const messagesUrl = `${url}/orders/messages`;

    describe('with only a limit and a direction', () => {
      it('sends nothing else', () => {
        service.browse('local', 'orders', { limit: 50, direction: 'backward' }).subscribe();

        expect(http.expectOne((r) => r.url === messagesUrl).request.params.toString()).toBe('limit=50&direction=backward');
      });
    });

    describe('with a partition, an offset, filters and a cursor', () => {
      it('sends each of them', async () => {
        const page = firstValueFrom(
          service.browse('local', 'orders', {
            limit: 50,
            direction: 'forward',
            partition: 0,
            offset: 7,
            key: 'order-1',
            contains: 'Placed',
            cursor: 'abc',
          }),
        );

        const request = http.expectOne((r) => r.url === messagesUrl);
        expect(request.request.params.toString()).toBe(
          'limit=50&direction=forward&partition=0&offset=7&key=order-1&contains=Placed&cursor=abc',
        );
        request.flush(aMessagePage({ stoppedBy: 'limit', nextCursor: 'def' }));
        expect((await page).nextCursor).toBe('def');
      });
    });

    describe('with a cursor the server did not give', () => {
      it('fails with INVALID_CURSOR', async () => {
        const page = firstValueFrom(service.browse('local', 'orders', { limit: 50, direction: 'forward', cursor: 'x' }));

        failWith(messagesUrl, 400, 'INVALID_CURSOR', 'The cursor is not one this console gave');
        await expectAsync(page).toBeRejectedWith(jasmine.objectContaining({ code: 'INVALID_CURSOR' }));
      });
    });
  });

  describe('produce', () => {
    it('posts the record and answers where it was written', async () => {
      const record = { key: 'order-1', value: '{"a":1}', headers: { source: 'console' } };
      const produced = firstValueFrom(service.produce('local', 'orders', record));

      const request = http.expectOne({ method: 'POST', url: `${url}/orders/messages` });
      expect(request.request.body).toEqual(record);
      request.flush({ partition: 2, offset: 17 }, { status: 201, statusText: 'Created' });
      expect(await produced).toEqual({ partition: 2, offset: 17 });
    });

    describe('to a partition the topic does not have', () => {
      it('fails with PARTITION_NOT_FOUND', async () => {
        const produced = firstValueFrom(service.produce('local', 'orders', { key: null, value: 'x', partition: 9 }));

        failWith(`${url}/orders/messages`, 400, 'PARTITION_NOT_FOUND', 'orders has no partition 9');
        await expectAsync(produced).toBeRejectedWith(jasmine.objectContaining({ code: 'PARTITION_NOT_FOUND' }));
      });
    });
  });
});
