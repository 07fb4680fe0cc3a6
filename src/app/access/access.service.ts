import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { tap, type Observable } from 'rxjs';
import type { SessionInfo, SignInRequest } from '../../../server/access/access.model';
import { refusal, type Resource, type Role } from '../../../server/access/permissions';
import { BrowserLocation } from './browser-location';

const SESSION_URL = '/api/session';

/** Said while no session is known: the guard loads one before any cluster page opens. */
const NOT_SIGNED_IN = 'Sign in first';

/**
 * Who the browser is signed in as, and what they may do. The rules are the server's own
 * (`server/access/permissions.ts`, a pure module both sides import), so a button the UI
 * enables is one the server accepts, and the reason the UI gives is the one the server would.
 */
@Injectable({ providedIn: 'root' })
export class AccessService {
  private readonly http = inject(HttpClient);
  private readonly location = inject(BrowserLocation);
  private readonly current = signal<SessionInfo | undefined>(undefined);

  /** The session as the server last described it; undefined until first loaded. */
  readonly session = this.current.asReadonly();
  /** Whether no sign-in is configured: the console listens on loopback and everyone is admin. */
  readonly isOpen = computed(() => this.current()?.mode === 'open');
  /** Whether a user is signed in. */
  readonly isSignedIn = computed(() => this.current()?.mode === 'signed-in');
  /** Whether sign-in is configured and nobody is signed in. */
  readonly isSignedOut = computed(() => this.current()?.mode === 'signed-out');
  /** The signed-in user's name. */
  readonly userName = computed(() => this.current()?.user?.name);
  /** Whether the user can sign out here: not when a proxy in front of the console signed them in. */
  readonly canSignOut = computed(() => this.isSignedIn() && this.current()?.user?.via !== 'proxy');
  /** The token every change must carry as `X-CSRF-Token` while signed in. */
  readonly csrfToken = computed(() => this.current()?.csrfToken);

  /** Reads the session from the server (`GET /api/session`, always 200) and keeps it. */
  load(): Observable<SessionInfo> {
    return this.http.get<SessionInfo>(SESSION_URL).pipe(tap((session) => this.current.set(session)));
  }

  /** Signs a local user in; the server sets the session cookie and answers the new session. */
  signIn(username: string, password: string): Observable<SessionInfo> {
    const body: SignInRequest = { username, password };
    return this.http.post<SessionInfo>(SESSION_URL, body).pipe(tap((session) => this.current.set(session)));
  }

  /** Signs out; the session is then known to be gone without asking again. */
  signOut(): Observable<void> {
    return this.http.delete<void>(SESSION_URL).pipe(tap(() => this.forget()));
  }

  /**
   * Leaves for the OpenID provider's sign-in page; once signed in, the server sends the browser
   * back to `returnTo` (a path of the console), or to `/sign-in?error=…` when it failed.
   */
  startOidc(returnTo = '/'): void {
    const startUrl = this.current()?.signIn.oidc?.startUrl;
    if (!startUrl) return;
    const separator = startUrl.includes('?') ? '&' : '?';
    this.location.assign(`${startUrl}${separator}returnTo=${encodeURIComponent(returnTo)}`);
  }

  /** Marks the session as over (it expired or was signed out), keeping how one signs in again. */
  forget(): void {
    const signIn = this.current()?.signIn ?? { local: true };
    this.current.set({ mode: 'signed-out', signIn });
  }

  /** Keeps a session the caller already has, such as a spec's. */
  remember(session: SessionInfo): void {
    this.current.set(session);
  }

  /** Whether the user may do something needing `needed` on `resource` of `cluster`. */
  can(needed: Role, cluster: string, resource: Resource): boolean {
    return this.whyNot(needed, cluster, resource) === undefined;
  }

  /** Why the user may not, in words for them; undefined when they may. */
  whyNot(needed: Role, cluster: string, resource: Resource): string | undefined {
    const access = this.current()?.access;
    return access ? refusal(access, needed, cluster, resource) : NOT_SIGNED_IN;
  }
}
