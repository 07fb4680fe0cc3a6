import { provideEnvironmentInitializer, type EnvironmentProviders, inject } from '@angular/core';
import type { SessionInfo } from '../../../server/access/access.model';
import { EVERYTHING, type Access, type Grant } from '../../../server/access/permissions';
import { AccessService } from './access.service';

/** Test data: everything defaulted, a spec states only the field that decides. */
export function aGrant(overrides: Partial<Grant> = {}): Grant {
  return { role: 'viewer', ...EVERYTHING, ...overrides };
}

export function anAccess(overrides: Partial<Access> = {}): Access {
  return { mode: 'signed-in', grants: [aGrant()], readOnlyClusters: [], ...overrides };
}

/** No sign-in configured: admin everywhere, as the server describes it. */
export function anOpenSession(overrides: Partial<SessionInfo> = {}): SessionInfo {
  return {
    mode: 'open',
    access: { mode: 'open', grants: [aGrant({ role: 'admin' })], readOnlyClusters: [] },
    signIn: { local: false },
    ...overrides,
  };
}

/** Signed in with a local user; pass `role` for a grant of that role on everything. */
export function aSignedInSession(overrides: Partial<SessionInfo> & { role?: Grant['role'] } = {}): SessionInfo {
  const { role = 'viewer', ...rest } = overrides;
  return {
    mode: 'signed-in',
    user: { name: 'ada', via: 'local' },
    access: anAccess({ grants: [aGrant({ role })] }),
    signIn: { local: true },
    csrfToken: 'csrf-token-1',
    expiresAt: '2030-01-01T08:00:00.000Z',
    ...rest,
  };
}

export function aSignedOutSession(overrides: Partial<SessionInfo> = {}): SessionInfo {
  return { mode: 'signed-out', signIn: { local: true }, ...overrides };
}

/** For component specs: the session the page sees, known from the start (open mode by default). */
export function provideSession(session: SessionInfo = anOpenSession()): EnvironmentProviders {
  return provideEnvironmentInitializer(() => inject(AccessService).remember(session));
}
