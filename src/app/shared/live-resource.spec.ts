import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject, take } from 'rxjs';
import { ApiError } from './api-error';
import { LIVE_PERIOD, liveResource, type LiveResource, type ReadOptions } from './live-resource';
import { PageVisibility } from './page-visibility';
import { FakePageVisibility } from './page-visibility.fake';

/** A read the spec answers when it likes. */
interface Read {
  topic: string;
  options: ReadOptions;
  answer: Subject<string>;
}

describe('liveResource', () => {
  const period = 5_000;
  let visibility: FakePageVisibility;
  let reads: Read[];
  let topic: ReturnType<typeof signal<string>>;

  beforeEach(() => {
    jasmine.clock().install();
    visibility = new FakePageVisibility();
    reads = [];
    topic = signal('orders');
    TestBed.configureTestingModule({
      providers: [
        { provide: PageVisibility, useValue: visibility },
        { provide: LIVE_PERIOD, useValue: period },
      ],
    });
  });
  afterEach(() => jasmine.clock().uninstall());

  const start = (keepsValueAcrossParams = false): LiveResource<string> => {
    const resource = TestBed.runInInjectionContext(() =>
      liveResource({
        params: topic,
        read: (name: string, options: ReadOptions) => {
          const answer = new Subject<string>();
          reads.push({ topic: name, options, answer });
          return answer.pipe(take(1));
        },
        keepsValueAcrossParams,
      }),
    );
    TestBed.tick();
    return resource;
  };
  const lastRead = (): Read => reads.at(-1)!;
  const answer = (value: string) => lastRead().answer.next(value);
  const fail = () => lastRead().answer.error(new ApiError(503, 'CLUSTER_UNREACHABLE', 'Kafka cluster local is unreachable'));

  describe('at first', () => {
    it('reads once from the live model, and shows it is loading until the answer', () => {
      const resource = start();

      expect(reads.map((read) => read.options)).toEqual([{}]);
      expect(resource.isLoading()).toBeTrue();
      answer('v1');
      expect(resource.value()).toBe('v1');
      expect(resource.isLoading()).toBeFalse();
    });
  });

  describe('while the page is in sight', () => {
    it('reads again every period, never fresh, without showing it is loading', () => {
      const resource = start();
      answer('v1');

      jasmine.clock().tick(period - 1);
      expect(reads.length).toBe(1);
      jasmine.clock().tick(1);
      expect(reads.length).toBe(2);
      expect(lastRead().options).toEqual({});
      expect(resource.isLoading()).toBeFalse();
      expect(resource.value()).toBe('v1');

      answer('v2');
      expect(resource.value()).toBe('v2');
    });

    describe('when a background read takes longer than the period', () => {
      it('starts no other until it is answered', () => {
        start();
        answer('v1');

        jasmine.clock().tick(period * 3);
        expect(reads.length).toBe(2);
        answer('v2');
        jasmine.clock().tick(period);
        expect(reads.length).toBe(3);
      });
    });
  });

  describe('while the page is hidden', () => {
    it('reads nothing, and reads at once when it is in sight again', () => {
      start();
      answer('v1');

      visibility.hide();
      jasmine.clock().tick(period * 10);
      expect(reads.length).toBe(1);

      visibility.show();
      jasmine.clock().tick(0);
      expect(reads.length).toBe(2);
      expect(lastRead().options).toEqual({});
    });
  });

  describe('refresh', () => {
    it('reads at once, fresh from Kafka, and shows it is loading', () => {
      const resource = start();
      answer('v1');

      resource.refresh();

      expect(lastRead().options).toEqual({ fresh: true });
      expect(resource.isLoading()).toBeTrue();
      expect(resource.value()).toBe('v1');
      answer('v2');
      expect(resource.value()).toBe('v2');
      expect(resource.isLoading()).toBeFalse();
    });

    it('starts the period again from the fresh answer', () => {
      const resource = start();
      answer('v1');
      jasmine.clock().tick(period - 1000);

      resource.refresh();
      answer('v2');
      jasmine.clock().tick(1000);
      expect(reads.length).toBe(2);
      jasmine.clock().tick(period - 1000);
      expect(reads.length).toBe(3);
      expect(lastRead().options).toEqual({});
    });
  });

  describe('reload', () => {
    it('reads at once from the live model', () => {
      const resource = start();
      answer('v1');

      resource.reload();

      expect(reads.length).toBe(2);
      expect(lastRead().options).toEqual({});
    });
  });

  describe('when a background read fails', () => {
    it('keeps the last answer and reports the error until a read succeeds', () => {
      const resource = start();
      answer('v1');
      jasmine.clock().tick(period);

      fail();
      expect(resource.value()).toBe('v1');
      expect(resource.error()?.code).toBe('CLUSTER_UNREACHABLE');

      jasmine.clock().tick(period);
      answer('v2');
      expect(resource.value()).toBe('v2');
      expect(resource.error()).toBeUndefined();
    });
  });

  describe('when the first read fails', () => {
    it('has no value and reports the error', () => {
      const resource = start();

      fail();

      expect(resource.hasValue()).toBeFalse();
      expect(resource.isLoading()).toBeFalse();
      expect(resource.error()?.message).toBe('Kafka cluster local is unreachable');
    });
  });

  describe('when the params change', () => {
    it('drops the read still on its way and reads the new ones', () => {
      start();
      const first = lastRead();

      topic.set('payments');
      TestBed.tick();

      expect(first.answer.observed).toBeFalse();
      expect(lastRead().topic).toBe('payments');
    });

    describe('by default', () => {
      it('lets the last answer go, so no page shows one topic under the name of another', () => {
        const resource = start();
        answer('orders-detail');

        topic.set('payments');
        TestBed.tick();

        expect(resource.value()).toBeUndefined();
        expect(resource.isLoading()).toBeTrue();
      });
    });

    describe('for a list that keeps its rows while searched', () => {
      it('keeps the last answer in sight until the new one comes', () => {
        const resource = start(true);
        answer('all topics');

        topic.set('payments');
        TestBed.tick();

        expect(resource.value()).toBe('all topics');
        expect(resource.isLoading()).toBeTrue();
      });

      describe('when the new read fails', () => {
        it('shows no longer the answer to the last query', () => {
          const resource = start(true);
          answer('all topics');

          topic.set('payments');
          TestBed.tick();
          fail();

          expect(resource.hasValue()).toBeFalse();
          expect(resource.error()?.code).toBe('CLUSTER_UNREACHABLE');
        });
      });
    });
  });
});
