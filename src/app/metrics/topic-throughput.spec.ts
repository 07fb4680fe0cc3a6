import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { requestSoon, waitFor } from '../shared/spec-waits';
import { aTopicHistory, aTopicMeasure } from './metrics.builders';
import { NO_SAMPLES } from './time-series-chart';
import { TopicThroughput } from './topic-throughput';

describe('TopicThroughput', () => {
  let fixture: ComponentFixture<TopicThroughput>;
  let http: HttpTestingController;
  const url = '/api/clusters/local/metrics/topics/shop.orders.events';

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TopicThroughput);
    fixture.componentRef.setInput('cluster', 'local');
    fixture.componentRef.setInput('topic', 'shop.orders.events');
    fixture.detectChanges();
  });
  afterEach(() => http.verify());

  const element = () => fixture.nativeElement as HTMLElement;

  describe('with history', () => {
    beforeEach(async () => {
      (await requestSoon(http, (request) => request.url === url)).flush(
        aTopicHistory({ current: aTopicMeasure({ recordsPerSecond: 1_500, bytesPerSecond: 2_048, sizeBytes: 1_048_576 }) }),
      );
      await fixture.whenStable();
    });

    it('says the latest rate and size', () => {
      expect(element().textContent).toContain('1.5K/s records/s');
      expect(element().textContent).toContain('2.0 KB/s written');
      expect(element().textContent).toContain('1.0 MB on disk');
    });

    it('draws a chart each for records, bytes and size', async () => {
      await waitFor(() => element().querySelectorAll('.uplot').length === 3);

      expect([...element().querySelectorAll('.kpc-chart-unit')].map((unit) => unit.textContent)).toEqual(['records/s', 'bytes/s', 'bytes']);
    });
  });

  describe('before the first sample', () => {
    it('says when it comes, on each chart', async () => {
      (await requestSoon(http, (request) => request.url === url)).flush(
        aTopicHistory({ asOf: null, time: [], recordsPerSecond: [], bytesPerSecond: [], sizeBytes: [], current: null }),
      );
      await fixture.whenStable();

      expect(element().querySelectorAll('.kpc-chart-empty').length).toBe(3);
      expect(element().textContent).toContain(NO_SAMPLES);
    });
  });
});
