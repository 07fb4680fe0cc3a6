import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { ApiError } from './api-error';
import { apiErrorInterceptor } from './api-error.interceptor';

describe('apiErrorInterceptor', () => {
  let http: HttpTestingController;
  let request: Promise<unknown>;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    request = firstValueFrom(TestBed.inject(HttpClient).get('/api/thing'));
  });
  afterEach(() => http.verify());

  describe('when the console answers with its error body', () => {
    const answer = () =>
      http
        .expectOne('/api/thing')
        .flush({ error: { code: 'CLUSTER_NOT_FOUND', message: 'There is no cluster named x' } }, { status: 404, statusText: 'Not Found' });

    it('keeps its code and message', async () => {
      answer();
      await expectAsync(request).toBeRejectedWith(
        jasmine.objectContaining({ status: 404, code: 'CLUSTER_NOT_FOUND', message: 'There is no cluster named x' }),
      );
    });

    it("fails with an ApiError, so a resource's error() is the ApiError itself", async () => {
      answer();
      await expectAsync(request).toBeRejectedWith(jasmine.any(ApiError));
    });
  });

  describe('when something else answers, such as a proxy', () => {
    it('names the HTTP status', async () => {
      http.expectOne('/api/thing').flush('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });
      await expectAsync(request).toBeRejectedWith(
        jasmine.objectContaining({ status: 502, code: 'HTTP_502', message: 'The console answered 502 Bad Gateway' }),
      );
    });
  });

  describe('when the console cannot be reached', () => {
    it('says so in plain words', async () => {
      http.expectOne('/api/thing').error(new ProgressEvent('error'), { status: 0 });
      await expectAsync(request).toBeRejectedWith(jasmine.objectContaining({ status: 0, code: 'CONSOLE_UNREACHABLE' }));
    });
  });
});
