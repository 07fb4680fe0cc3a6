import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { aConsumerGroup, aConsumerGroupDetail, aPreview, aPreviewPartition, aReset, aResetResult } from './consumer-group.builders';
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
    it('reads the groups of the cluster', async () => {
      const groups = firstValueFrom(service.list('local'));

      http.expectOne({ method: 'GET', url: '/api/clusters/local/consumer-groups' }).flush([aConsumerGroup({ groupId: 'billing' })]);
      expect((await groups).map((g) => g.groupId)).toEqual(['billing']);
    });
  });

  describe('detail', () => {
    it('escapes a group id that is not URL-safe', () => {
      service.detail('local', 'team/a b?#').subscribe();

      http.expectOne('/api/clusters/local/consumer-groups/team%2Fa%20b%3F%23').flush(aConsumerGroupDetail());
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
