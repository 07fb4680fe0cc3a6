import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { aGrant, anAccess, anOpenSession, aSignedInSession, aSignedOutSession } from './access.builders';
import { AccessService } from './access.service';
import { BrowserLocation } from './browser-location';

describe('AccessService', () => {
  let service: AccessService;
  let http: HttpTestingController;
  let location: jasmine.SpyObj<BrowserLocation>;
  const url = '/api/session';

  beforeEach(() => {
    location = jasmine.createSpyObj<BrowserLocation>('BrowserLocation', ['assign']);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: BrowserLocation, useValue: location },
      ],
    });
    service = TestBed.inject(AccessService);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  describe('load', () => {
    it('keeps the session the server describes', async () => {
      const loaded = firstValueFrom(service.load());

      http.expectOne({ method: 'GET', url }).flush(aSignedInSession({ user: { name: 'grace', via: 'oidc' } }));

      await loaded;
      expect(service.userName()).toBe('grace');
      expect(service.isSignedIn()).toBeTrue();
      expect(service.csrfToken()).toBe('csrf-token-1');
    });

    describe('in open mode', () => {
      it('says so', async () => {
        const loaded = firstValueFrom(service.load());
        http.expectOne(url).flush(anOpenSession());
        await loaded;

        expect(service.isOpen()).toBeTrue();
        expect(service.userName()).toBeUndefined();
      });
    });
  });

  describe('signIn', () => {
    it('posts the user name and password and keeps the new session', async () => {
      const signedIn = firstValueFrom(service.signIn('ada', 'secret'));

      const request = http.expectOne({ method: 'POST', url });
      expect(request.request.body).toEqual({ username: 'ada', password: 'secret' });
      request.flush(aSignedInSession());

      await signedIn;
      expect(service.isSignedIn()).toBeTrue();
    });

    describe('with a wrong password', () => {
      it('fails with the code SIGN_IN_FAILED and keeps nobody signed in', async () => {
        service.remember(aSignedOutSession());
        const signedIn = firstValueFrom(service.signIn('ada', 'wrong'));

        http
          .expectOne(url)
          .flush(
            { error: { code: 'SIGN_IN_FAILED', message: 'Wrong user name or password' } },
            { status: 401, statusText: 'Unauthorized' },
          );

        await expectAsync(signedIn).toBeRejectedWith(jasmine.objectContaining({ status: 401, code: 'SIGN_IN_FAILED' }));
        expect(service.isSignedOut()).toBeTrue();
      });
    });
  });

  describe('signOut', () => {
    it('deletes the session and keeps how to sign in again', async () => {
      const oidc = { label: 'Keycloak', startUrl: '/api/session/oidc/start' };
      service.remember(aSignedInSession({ signIn: { local: true, oidc } }));
      const signedOut = firstValueFrom(service.signOut(), { defaultValue: undefined });

      http.expectOne({ method: 'DELETE', url }).flush(null, { status: 204, statusText: 'No Content' });

      await signedOut;
      expect(service.isSignedOut()).toBeTrue();
      expect(service.csrfToken()).toBeUndefined();
      expect(service.session()?.signIn.oidc).toEqual(oidc);
    });
  });

  describe('startOidc', () => {
    it("sends the whole page to the provider's start address, saying where to come back to", () => {
      service.remember(aSignedOutSession({ signIn: { local: false, oidc: { label: 'Keycloak', startUrl: '/api/auth/oidc/start' } } }));

      service.startOidc('/clusters/local/topics?search=orders');

      expect(location.assign).toHaveBeenCalledOnceWith('/api/auth/oidc/start?returnTo=%2Fclusters%2Flocal%2Ftopics%3Fsearch%3Dorders');
    });

    it('goes nowhere when no provider is configured', () => {
      service.remember(aSignedOutSession());

      service.startOidc();

      expect(location.assign).not.toHaveBeenCalled();
    });
  });

  describe('canSignOut', () => {
    it('is true for a cookie session', () => {
      service.remember(aSignedInSession());
      expect(service.canSignOut()).toBeTrue();
    });

    it('is false when the proxy in front of the console signed the user in', () => {
      service.remember(aSignedInSession({ user: { name: 'ada', via: 'proxy' }, csrfToken: undefined }));
      expect(service.canSignOut()).toBeFalse();
    });
  });

  describe('can and whyNot', () => {
    describe('in open mode', () => {
      it('allows everything', () => {
        service.remember(anOpenSession());

        expect(service.can('admin', 'local', { kind: 'topic' })).toBeTrue();
        expect(service.whyNot('admin', 'local', { kind: undefined })).toBeUndefined();
      });
    });

    describe('for a viewer', () => {
      beforeEach(() => service.remember(aSignedInSession({ role: 'viewer' })));

      it('allows reads', () => expect(service.can('viewer', 'local', { kind: 'topic', name: 'orders' })).toBeTrue());

      it('refuses a replay, naming the role it needs', () => {
        const group = { kind: 'consumerGroup', name: 'billing' } as const;

        expect(service.can('operator', 'local', group)).toBeFalse();
        expect(service.whyNot('operator', 'local', group)).toBe(
          'This needs the operator role on consumer group "billing" of cluster "local"; you are viewer',
        );
      });
    });

    describe('for an admin of some topics only', () => {
      it('weighs the very topic acted on', () => {
        service.remember(
          aSignedInSession({ access: anAccess({ grants: [aGrant({ role: 'admin', topics: ['orders-*'] }), aGrant({ role: 'viewer' })] }) }),
        );

        expect(service.can('admin', 'local', { kind: 'topic', name: 'orders-eu' })).toBeTrue();
        expect(service.can('admin', 'local', { kind: 'topic', name: 'payments' })).toBeFalse();
      });
    });

    describe('on a read-only cluster', () => {
      it('refuses changes even to an admin', () => {
        service.remember(aSignedInSession({ access: anAccess({ grants: [aGrant({ role: 'admin' })], readOnlyClusters: ['prod'] }) }));

        expect(service.whyNot('operator', 'prod', { kind: 'topic', name: 'orders' })).toContain('read-only');
      });
    });

    describe('before the session is known', () => {
      it('allows nothing', () => {
        expect(service.can('viewer', 'local', { kind: 'topic' })).toBeFalse();
        expect(service.whyNot('viewer', 'local', { kind: 'topic' })).toBe('Sign in first');
      });
    });
  });
});
