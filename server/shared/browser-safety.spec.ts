import type { Request, Response } from 'express';
import { AppError } from './app-error';
import { allowedHostsFor, allowedHostsFromEnv, hostCheck } from './browser-safety';

/** What `hostCheck` makes of a request with this `Host`: passed on, or the code it was refused with. */
function checkHost(allowed: readonly string[], host: string | undefined): string {
  let outcome = '';
  hostCheck(allowed)({ headers: { host } } as Request, {} as Response, (err?: unknown) => {
    outcome = err instanceof AppError ? err.code : 'passed';
  });
  return outcome;
}

describe('allowedHostsFor', () => {
  it('allows the listen address and the loopback names of its port', () => {
    expect(allowedHostsFor('127.0.0.1', 8080)).toEqual(['127.0.0.1:8080', 'localhost:8080', '[::1]:8080']);
  });

  it('writes an IPv6 listen address in brackets, as a Host header names it', () => {
    expect(allowedHostsFor('::1', 8080)).toContain('[::1]:8080');
    expect(allowedHostsFor('fd00::5', 8080)).toContain('[fd00::5]:8080');
  });
});

describe('allowedHostsFromEnv', () => {
  it('reads a comma-separated list, ignoring blanks, case and a trailing dot', () => {
    expect(allowedHostsFromEnv(' Console.Example.com. , ,kpc.internal:8443')).toEqual(['console.example.com', 'kpc.internal:8443']);
  });

  it('reads nothing from an unset variable', () => {
    expect(allowedHostsFromEnv(undefined)).toEqual([]);
  });
});

describe('hostCheck', () => {
  const allowed = allowedHostsFor('127.0.0.1', 8080, ['console.example.com', 'kpc.internal:8443']);

  it('passes the console’s own host and port, in any case', () => {
    expect(checkHost(allowed, '127.0.0.1:8080')).toBe('passed');
    expect(checkHost(allowed, 'LOCALHOST:8080')).toBe('passed');
  });

  it('passes a configured name without a port at any port, and with a port at that port only', () => {
    expect(checkHost(allowed, 'console.example.com')).toBe('passed');
    expect(checkHost(allowed, 'console.example.com:443')).toBe('passed');
    expect(checkHost(allowed, 'kpc.internal:8443')).toBe('passed');
    expect(checkHost(allowed, 'kpc.internal:9000')).toBe('HOST_NOT_ALLOWED');
  });

  it('refuses another name, another port, a look-alike and no host at all', () => {
    expect(checkHost(allowed, 'attacker.example:8080')).toBe('HOST_NOT_ALLOWED');
    expect(checkHost(allowed, '127.0.0.1:9090')).toBe('HOST_NOT_ALLOWED');
    expect(checkHost(allowed, 'console.example.com.attacker.example')).toBe('HOST_NOT_ALLOWED');
    expect(checkHost(allowed, undefined)).toBe('HOST_NOT_ALLOWED');
  });
});
