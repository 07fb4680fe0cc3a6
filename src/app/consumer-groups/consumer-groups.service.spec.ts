import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import {
  aConsumerGroup,
  aConsumerGroupDetail,
  aGroupPage,
  aPreview,
  aPreviewPartition,
  aReset,
  aResetResult,
} from './consumer-group.builders';
import type { ConsumerGroupListQuery } from './consumer-group.model';
import { ConsumerGroupsService } from './consumer-groups.service';

describe('ConsumerGroupsService', () => {
  let service: ConsumerGroupsService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting()],
    });
    service = TestBed.inject(ConsumerGroupsService);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  describe('list', () => {
    const url = '/api/clusters/local/consumer-groups';
    const query: ConsumerGroupListQuery = { sort: 'groupId', order: 'asc', page: 0, pageSize: 10_000 };

    it('sends the sort, the order and the page as query parameters', () => {
      service.list('local', { ...query, sort: 'totalLag', order: 'desc', page: 1, pageSize: 100 }).subscribe();

      const request = http.expectOne((r) => r.method === 'GET' && r.url === url);
      expect(request.request.params.toString()).toBe('sort=totalLag&order=desc&page=1&pageSize=100');
      request.flush(aGroupPage());
    });

    it('reads one page of groups with how many match and when they were read', async () => {
      const page = firstValueFrom(service.list('local', query));

      http
        .expectOne((r) => r.url === url)
        .flush(aGroupPage([aConsumerGroup({ groupId: 'billing' })], { total: 500, asOf: '2026-11-27T12:03:05.000Z' }));
      expect(await page).toEqual(
        jasmine.objectContaining({
          total: 500,
          asOf: '2026-11-27T12:03:05.000Z',
          items: [jasmine.objectContaining({ groupId: 'billing' })],
        }),
      );
    });

    describe('with a search', () => {
      it('passes it on', () => {
        service.list('local', { ...query, search: 'billing' }).subscribe();

        expect(http.expectOne((r) => r.url === url).request.params.get('search')).toBe('billing');
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

    describe('for a background read', () => {
      it('leaves fresh out, so the server answers from its live model', () => {
        service.list('local', query).subscribe();

        expect(http.expectOne((r) => r.url === url).request.params.has('fresh')).toBeFalse();
      });
    });
  });

  describe('detail', () => {
    it('escapes a group id that is not URL-safe', () => {
      service.detail('local', 'team/a b?#').subscribe();

      http.expectOne('/api/clusters/local/consumer-groups/team%2Fa%20b%3F%23').flush(aConsumerGroupDetail());
    });

    describe('asked for a fresh read', () => {
      it('sends fresh=true', () => {
        service.detail('local', 'billing', { fresh: true }).subscribe();

        http.expectOne('/api/clusters/local/consumer-groups/billing?fresh=true').flush(aConsumerGroupDetail());
      });
    });
  });

  describe('previewReset', () => {
    const url = '/api/clusters/local/consumer-groups/billing/offsets/preview';

    for (const [mode, value] of [
      ['earliest', undefined],
      ['latest', undefined],
      ['timestamp', '2026-01-31T08:00:00.000Z'],
      ['duration', 'PT2H'],
      ['shift', -100],
      ['offset', 42],
    ] as const) {
      describe(`by ${mode}`, () => {
        it('sends the mode and value unchanged', () => {
          const request = aReset({ mode, value });
          service.previewReset('local', 'billing', request).subscribe();

          const sent = http.expectOne({ method: 'POST', url });
          expect(sent.request.body).toEqual(request);
          sent.flush(aPreview({ mode }));
        });
      });
    }

    describe('when the value is not understood', () => {
      it('fails with the server message', async () => {
        const preview = firstValueFrom(service.previewReset('local', 'billing', aReset({ mode: 'duration', value: '2 hours' })));

        http
          .expectOne(url)
          .flush(
            { error: { code: 'VALIDATION_FAILED', message: 'duration must be an ISO-8601 duration such as PT2H' } },
            { status: 400, statusText: 'Bad Request' },
          );
        await expectAsync(preview).toBeRejectedWith(jasmine.objectContaining({ status: 400, code: 'VALIDATION_FAILED' }));
      });
    });
  });

  describe('reset', () => {
    const url = '/api/clusters/local/consumer-groups/billing/offsets/reset';

    it('confirms, and sends exactly the previewed targets with the offsets the preview found', () => {
      const preview = aPreview({
        partitions: [
          aPreviewPartition({ partition: 0, currentOffset: 9, targetOffset: 3 }),
          aPreviewPartition({ partition: 1, currentOffset: null, targetOffset: 7 }),
        ],
      });
      service.reset('local', 'billing', aReset({ mode: 'duration', value: 'PT2H' }), preview).subscribe();

      const sent = http.expectOne({ method: 'POST', url });
      expect(sent.request.body).toEqual({
        ...aReset({ mode: 'duration', value: 'PT2H' }),
        confirm: true,
        targets: [
          { topic: 'shop.orders.events', partition: 0, offset: 3 },
          { topic: 'shop.orders.events', partition: 1, offset: 7 },
        ],
        expected: [
          { topic: 'shop.orders.events', partition: 0, offset: 9 },
          { topic: 'shop.orders.events', partition: 1, offset: null },
        ],
      });
      sent.flush(aResetResult());
    });

    describe('when the group still has members', () => {
      it('fails with the code GROUP_ACTIVE', async () => {
        const reset = firstValueFrom(service.reset('local', 'billing', aReset(), aPreview()));

        http.expectOne(url).flush({ error: { code: 'GROUP_ACTIVE', message: 'has 2 members' } }, { status: 409, statusText: 'Conflict' });
        await expectAsync(reset).toBeRejectedWith(
          jasmine.objectContaining({ status: 409, code: 'GROUP_ACTIVE', message: 'has 2 members' }),
        );
      });
    });
  });

  describe('undo', () => {
    it('names the audit record of the reset', () => {
      service.undo('local', 'billing', 'rec-1').subscribe();

      const sent = http.expectOne({ method: 'POST', url: '/api/clusters/local/consumer-groups/billing/offsets/undo' });
      expect(sent.request.body).toEqual({ auditId: 'rec-1' });
      sent.flush(aResetResult());
    });
  });

  describe('delete', () => {
    it('deletes the group, sending the typed confirmation', () => {
      service.delete('local', 'billing', 'billing').subscribe();

      http
        .expectOne({ method: 'DELETE', url: '/api/clusters/local/consumer-groups/billing?confirm=billing' })
        .flush(null, { status: 204, statusText: 'No Content' });
    });
  });
});
