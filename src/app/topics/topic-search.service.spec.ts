import { TestBed } from '@angular/core/testing';
import { firstValueFrom, toArray } from 'rxjs';
import { aMessage, aSearchDone, aSearchProgress, aSearchQuery } from './topic.builders';
import { fakeEventSources, type FakeEventSource } from './topic-search.fake';
import { EVENT_SOURCE, TopicSearchService } from './topic-search.service';

describe('TopicSearchService', () => {
  let service: TopicSearchService;
  let opened: FakeEventSource[];

  beforeEach(() => {
    const sources = fakeEventSources();
    opened = sources.opened;
    TestBed.configureTestingModule({ providers: [{ provide: EVENT_SOURCE, useValue: sources.factory }] });
    service = TestBed.inject(TopicSearchService);
  });

  describe('search', () => {
    it('opens the stream with the query in the URL', () => {
      service.search('local', 'shop.orders', aSearchQuery({ contains: 'a b', direction: 'oldest', partition: 2 })).subscribe();

      expect(opened[0]!.url).toBe('/api/clusters/local/topics/shop.orders/search?contains=a%20b&direction=oldest&limit=500&partition=2');
    });

    it('passes each event on and completes after done, closing the stream', async () => {
      const events = firstValueFrom(service.search('local', 'shop.orders', aSearchQuery()).pipe(toArray()));
      const source = opened[0]!;

      source.send({ type: 'progress', data: aSearchProgress() });
      source.send({ type: 'match', data: aMessage({ offset: 7 }) });
      source.send({ type: 'done', data: aSearchDone() });

      expect((await events).map((event) => event.type)).toEqual(['progress', 'match', 'done']);
      expect(source.isClosed).toBeTrue();
    });

    it('closes the stream when unsubscribed, which stops the search on the server', () => {
      const subscription = service.search('local', 'shop.orders', aSearchQuery()).subscribe();

      subscription.unsubscribe();

      expect(opened[0]!.isClosed).toBeTrue();
    });

    describe("on the server's error event", () => {
      it('fails with its code and message', async () => {
        const events = firstValueFrom(service.search('local', 'shop.orders', aSearchQuery()));

        opened[0]!.send({ type: 'error', data: { code: 'KAFKA_UNAVAILABLE', message: 'Partition 0 cannot be read now' } });

        await expectAsync(events).toBeRejectedWith(
          jasmine.objectContaining({ status: 200, code: 'KAFKA_UNAVAILABLE', message: 'Partition 0 cannot be read now' }),
        );
        expect(opened[0]!.isClosed).toBeTrue();
      });
    });

    describe('when the stream cannot be opened', () => {
      it('fails as unreachable and does not let EventSource open it again', async () => {
        const events = firstValueFrom(service.search('local', 'shop.orders', aSearchQuery()));

        opened[0]!.fail();

        await expectAsync(events).toBeRejectedWith(jasmine.objectContaining({ code: 'CONSOLE_UNREACHABLE' }));
        expect(opened[0]!.isClosed).toBeTrue();
      });
    });
  });

  describe('progressView', () => {
    it('says how far, how fast and how many matched', () => {
      const state = { ...service.started(aSearchQuery()), matches: [aMessage()], progress: aSearchProgress() };

      expect(service.progressView(state)).toEqual({
        percent: 25,
        summary: '250 records scanned · 25 % · 500 records/s',
        matchesText: '1 match',
        outcome: '',
      });
    });

    it('counts from the oldest end when searching from the oldest records', () => {
      const state = { ...service.started(aSearchQuery({ direction: 'oldest' })), progress: aSearchProgress() };

      expect(service.progressView(state).percent).toBe(75);
    });

    it('says when the limit stopped it', () => {
      const state = service.apply(service.started(aSearchQuery()), {
        type: 'done',
        data: aSearchDone({ matches: 500, stoppedBy: 'limit' }),
      });

      expect(service.progressView(state).outcome).toBe('Stopped at 500 matches');
    });
  });
});
