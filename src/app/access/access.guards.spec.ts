import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { SessionInfo } from '../../../server/access/access.model';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { anOpenSession, aSignedInSession, aSignedOutSession } from './access.builders';
import { signedInGuard, signInPageGuard } from './access.guards';
import { AccessService } from './access.service';

@Component({ template: 'a cluster page' })
class ClusterPage {}

@Component({ template: 'the sign-in page' })
class SignInStandIn {}

describe('access guards', () => {
  let http: HttpTestingController;
  let router: Router;
  const url = '/api/session';

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter(
          [
            { path: 'sign-in', canActivate: [signInPageGuard], component: SignInStandIn },
            { path: '', canActivate: [signedInGuard], children: [{ path: 'clusters/:cluster/topics', component: ClusterPage }] },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
  });
  afterEach(() => http.verify());

  /**
   * Navigates to `path`, answering every session request on the way (a redirect to the sign-in
   * page reads the session again) with `answer`.
   */
  async function open(path: string, answer: (request: TestRequest) => void): Promise<void> {
    const harness = await RouterTestingHarness.create();
    let isDone = false;
    const navigation = harness.navigateByUrl(path).finally(() => (isDone = true));
    while (!isDone) {
      http.match(url).forEach(answer);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await navigation;
  }
  const session = (info: SessionInfo) => (request: TestRequest) => request.flush(info);

  describe('signedInGuard', () => {
    describe('when nobody is signed in', () => {
      it('sends the user to sign in, keeping the page asked for', async () => {
        await open('/clusters/local/topics', session(aSignedOutSession()));

        expect(router.url).toBe('/sign-in?returnUrl=%2Fclusters%2Flocal%2Ftopics');
      });
    });

    describe('when signed in', () => {
      it('opens the page', async () => {
        await open('/clusters/local/topics', session(aSignedInSession()));

        expect(router.url).toBe('/clusters/local/topics');
      });
    });

    describe('in open mode', () => {
      it('opens the page', async () => {
        await open('/clusters/local/topics', session(anOpenSession()));

        expect(router.url).toBe('/clusters/local/topics');
      });
    });

    describe('with the session already known', () => {
      it('does not ask the server again', async () => {
        TestBed.inject(AccessService).remember(aSignedInSession());

        await open('/clusters/local/topics', session(aSignedInSession()));

        http.expectNone(url);
        expect(router.url).toBe('/clusters/local/topics');
      });
    });

    describe('when the session cannot be read', () => {
      it('opens the page, which then says why it cannot read anything', async () => {
        await open('/clusters/local/topics', (request) => request.flush(null, { status: 0, statusText: '' }));

        expect(router.url).toBe('/clusters/local/topics');
      });
    });
  });

  describe('signInPageGuard', () => {
    describe('when sign-in is needed', () => {
      it('opens the sign-in page', async () => {
        await open('/sign-in?returnUrl=%2Fclusters%2Flocal%2Ftopics', session(aSignedOutSession()));

        expect(router.url).toBe('/sign-in?returnUrl=%2Fclusters%2Flocal%2Ftopics');
      });
    });

    describe('when already signed in', () => {
      it('goes on to the page asked for', async () => {
        await open('/sign-in?returnUrl=%2Fclusters%2Flocal%2Ftopics', session(aSignedInSession()));

        expect(router.url).toBe('/clusters/local/topics');
      });
    });

    describe('in open mode', () => {
      it('goes to the start page', async () => {
        await open('/sign-in', session(anOpenSession()));

        expect(router.url).toBe('/');
      });
    });

    describe('with a return address on another site', () => {
      it('goes to the start page instead', async () => {
        await open('/sign-in?returnUrl=%2F%2Fevil.example%2F', session(aSignedInSession()));

        expect(router.url).toBe('/');
      });
    });
  });
});
