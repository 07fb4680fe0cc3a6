import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { waitFor } from '../shared/spec-waits';
import { anOpenSession, aSignedInSession } from './access.builders';
import { accessInterceptor } from './access.interceptor';
import { AccessService } from './access.service';

describe('accessInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let access: AccessService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([accessInterceptor, apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([{ path: '**', children: [] }]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    access = TestBed.inject(AccessService);
  });
  afterEach(() => http.verify());

  describe('while signed in', () => {
    beforeEach(() => access.remember(aSignedInSession({ csrfToken: 'token-42' })));

    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      it(`sends the CSRF token with a ${method}`, () => {
        client.request(method, '/api/clusters/local/topics', { body: {} }).subscribe();

        expect(http.expectOne('/api/clusters/local/topics').request.headers.get('X-CSRF-Token')).toBe('token-42');
      });
    }

    it('keeps it off reads', () => {
      client.get('/api/clusters').subscribe();

      expect(http.expectOne('/api/clusters').request.headers.has('X-CSRF-Token')).toBeFalse();
    });

    it('keeps it off calls to other sites', () => {
      client.post('https://example.com/api/x', {}).subscribe();

      expect(http.expectOne('https://example.com/api/x').request.headers.has('X-CSRF-Token')).toBeFalse();
    });
  });

  describe('in open mode', () => {
    it('sends no token, there being none', () => {
      access.remember(anOpenSession());
      client.post('/api/clusters/local/topics', {}).subscribe();

      expect(http.expectOne('/api/clusters/local/topics').request.headers.has('X-CSRF-Token')).toBeFalse();
    });
  });

  describe('when the session has ended', () => {
    const expire = (url: string) =>
      http
        .expectOne(url)
        .flush({ error: { code: 'SIGN_IN_REQUIRED', message: 'Sign in to use the console' } }, { status: 401, statusText: 'Unauthorized' });

    beforeEach(async () => {
      access.remember(aSignedInSession());
      await TestBed.inject(Router).navigateByUrl('/clusters/local/topics?search=orders');
    });

    it('sends the user to sign in, keeping where they were', async () => {
      const request = firstValueFrom(client.get('/api/clusters'));
      expire('/api/clusters');

      await expectAsync(request).toBeRejectedWith(jasmine.objectContaining({ code: 'SIGN_IN_REQUIRED' }));
      const router = TestBed.inject(Router);
      await waitFor(() => router.url.startsWith('/sign-in'));
      expect(router.url).toBe('/sign-in?returnUrl=%2Fclusters%2Flocal%2Ftopics%3Fsearch%3Dorders');
    });

    it('forgets the session, and its CSRF token with it', async () => {
      const request = firstValueFrom(client.get('/api/clusters'));
      expire('/api/clusters');

      await expectAsync(request).toBeRejected();
      expect(access.isSignedOut()).toBeTrue();
      expect(access.csrfToken()).toBeUndefined();
    });
  });

  describe('when a change is refused', () => {
    it('leaves the user where they are', async () => {
      access.remember(aSignedInSession());
      const router = TestBed.inject(Router);
      await router.navigateByUrl('/clusters/local/topics');
      const request = firstValueFrom(client.delete('/api/clusters/local/topics/orders'));

      http
        .expectOne('/api/clusters/local/topics/orders')
        .flush({ error: { code: 'ROLE_REQUIRED', message: 'This needs the admin role' } }, { status: 403, statusText: 'Forbidden' });

      await expectAsync(request).toBeRejectedWith(jasmine.objectContaining({ code: 'ROLE_REQUIRED' }));
      expect(router.url).toBe('/clusters/local/topics');
    });
  });
});
