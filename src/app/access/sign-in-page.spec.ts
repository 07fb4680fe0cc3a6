import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter, Router } from '@angular/router';
import { apiErrorInterceptor } from '../shared/api-error.interceptor';
import { waitFor } from '../shared/spec-waits';
import { aSignedInSession, aSignedOutSession, provideSession } from './access.builders';
import { BrowserLocation } from './browser-location';
import { SignInPage } from './sign-in-page';
import type { SessionInfo } from '../../../server/access/access.model';

@Component({ template: '' })
class Elsewhere {}

describe('SignInPage', () => {
  let fixture: ComponentFixture<SignInPage>;
  let http: HttpTestingController;
  let location: jasmine.SpyObj<BrowserLocation>;

  function create(session: SessionInfo = aSignedOutSession(), query: { returnUrl?: string; error?: string } = {}): void {
    location = jasmine.createSpyObj<BrowserLocation>('BrowserLocation', ['assign']);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([{ path: '**', component: Elsewhere }]),
        provideSession(session),
        { provide: BrowserLocation, useValue: location },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SignInPage);
    for (const [name, value] of Object.entries(query)) fixture.componentRef.setInput(name, value);
    fixture.detectChanges();
  }
  afterEach(() => http.verify());

  const loader = () => TestbedHarnessEnvironment.loader(fixture);
  const button = (text: string | RegExp) => loader().getHarness(MatButtonHarness.with({ text }));
  const alert = () => (fixture.nativeElement as HTMLElement).querySelector('[role=alert]')?.textContent?.trim();

  async function signIn(username: string, password: string): Promise<void> {
    const fields = await loader().getAllHarnesses(MatFormFieldHarness);
    const [user, secret] = await Promise.all(fields.map((field) => field.getControl(MatInputHarness)));
    await user!.setValue(username);
    await secret!.setValue(password);
    await (await button('Sign in')).click();
  }

  describe('with local users', () => {
    it('labels its fields "User name" and "Password"', async () => {
      create();
      const fields = await loader().getAllHarnesses(MatFormFieldHarness);

      expect(await Promise.all(fields.map((field) => field.getLabel()))).toEqual(['User name', 'Password']);
      expect(await (await fields[1]!.getControl(MatInputHarness))!.getType()).toBe('password');
    });

    describe('with the right password', () => {
      it('signs in and goes back to where the user was headed', async () => {
        create(aSignedOutSession(), { returnUrl: '/clusters/local/topics' });

        await signIn('ada', 'secret');
        const request = http.expectOne({ method: 'POST', url: '/api/session' });
        expect(request.request.body).toEqual({ username: 'ada', password: 'secret' });
        request.flush(aSignedInSession());

        const router = TestBed.inject(Router);
        await waitFor(() => router.url === '/clusters/local/topics');
      });
    });

    describe('with a wrong password', () => {
      it("says so in the server's words", async () => {
        create();

        await signIn('ada', 'wrong');
        http
          .expectOne('/api/session')
          .flush(
            { error: { code: 'SIGN_IN_FAILED', message: 'Wrong user name or password' } },
            { status: 401, statusText: 'Unauthorized' },
          );
        await fixture.whenStable();

        expect(alert()).toContain('Wrong user name or password');
        expect(TestBed.inject(Router).url).toBe('/');
      });
    });

    describe('after too many attempts', () => {
      it('says when to try again', async () => {
        create();

        await signIn('ada', 'wrong');
        http
          .expectOne('/api/session')
          .flush(
            { error: { code: 'TOO_MANY_SIGN_IN_ATTEMPTS', message: 'Too many sign-in attempts; try again in 15 minutes' } },
            { status: 429, statusText: 'Too Many Requests' },
          );
        await fixture.whenStable();

        expect(alert()).toContain('try again in 15 minutes');
      });
    });

    describe('with a field left empty', () => {
      it('sends nothing', async () => {
        create();

        await (await button('Sign in')).click();

        http.expectNone('/api/session');
      });
    });
  });

  describe('with an OpenID provider', () => {
    const oidc = { label: 'Keycloak', startUrl: '/api/auth/oidc/start' };

    it("leaves for the provider's sign-in page, to come back where the user was headed", async () => {
      create(aSignedOutSession({ signIn: { local: true, oidc } }), { returnUrl: '/clusters/local/audit' });

      await (await button(/Sign in with Keycloak/)).click();

      expect(location.assign).toHaveBeenCalledOnceWith('/api/auth/oidc/start?returnTo=%2Fclusters%2Flocal%2Faudit');
    });

    describe('when the round trip failed', () => {
      it('says why, as the server sent the browser back', () => {
        create(aSignedOutSession({ signIn: { local: false, oidc } }), {
          error: 'Signing in through the OpenID provider failed: the provider answered access_denied',
        });

        expect(alert()).toContain('the provider answered access_denied');
      });
    });

    describe('and no local users', () => {
      it('offers no password form', async () => {
        create(aSignedOutSession({ signIn: { local: false, oidc } }));

        expect(await loader().getAllHarnesses(MatFormFieldHarness)).toEqual([]);
        expect(await (await button(/Keycloak/)).getText()).toContain('Sign in with Keycloak');
      });
    });
  });

  describe('behind a signing-in proxy', () => {
    it('says to open the console through it', () => {
      create(aSignedOutSession({ signIn: { local: false } }));

      expect(alert()).toContain('proxy');
    });
  });
});
