import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { AppError } from './app-error';

/**
 * The `Host` values a console listening on `host:port` answers to: that address, and the
 * loopback names of its port. `extra` adds names it is reached by through a proxy or DNS
 * (`KPC_ALLOWED_HOSTS`); a name given without a port is allowed at any port.
 */
export function allowedHostsFor(host: string, port: number, extra: readonly string[] = []): string[] {
  const listening = host.includes(':') && !host.startsWith('[') ? `[${host}]:${port}` : `${host}:${port}`;
  const loopback = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  return [...new Set([listening, ...loopback, ...extra].map(normalHost).filter(Boolean))];
}

/** `KPC_ALLOWED_HOSTS`: comma-separated host names, with or without a port. */
export function allowedHostsFromEnv(value: string | undefined): string[] {
  return (value ?? '').split(',').map(normalHost).filter(Boolean);
}

/** Host names compare case-insensitively, and `example.com.` is `example.com`. */
function normalHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/\.(?=:\d+$|$)/, '');
}

/** Whether `host` (as sent in `Host`, or the host of an `Origin`) is one of `allowed`. */
function isAllowed(host: string, allowed: readonly string[]): boolean {
  const wanted = normalHost(host);
  const name = wanted.replace(/:\d+$/, '');
  return allowed.some((entry) => entry === wanted || (!/:\d+$/.test(entry) && entry === name));
}

/**
 * Refuses a request whose `Host` is not one the console is served as. A page on another site
 * can rebind its own name to 127.0.0.1 and so reach a console on loopback from inside the
 * browser as "same-origin"; its requests still name the attacker's host, and end here.
 */
export function hostCheck(allowedHosts: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    const host = req.headers.host ?? '';
    if (isAllowed(host, allowedHosts)) {
      next();
      return;
    }
    const shown = host ? `"${host.slice(0, 100)}"` : 'no host';
    next(
      new AppError(
        'HOST_NOT_ALLOWED',
        `The console is not served as ${shown}: it answers to ${allowedHosts.join(', ')}. ` +
          'To reach it by another name, add that name to KPC_ALLOWED_HOSTS (comma-separated).',
      ),
    );
  };
}

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses a change that a browser says comes from another site: a hidden form or a no-cors
 * `fetch` on any page the user has open could otherwise pause a connector or delete a topic.
 * Browsers send `Sec-Fetch-Site` (only `same-origin` passes: `same-site` is another origin,
 * `none` a typed address or a bookmark, never a change); older ones only `Origin`, which must
 * name an allowed host. Scripts and curl send neither and are not browsers a page can drive.
 */
export function sameOriginChanges(allowedHosts: readonly string[]): RequestHandler {
  return (req, res, next) => {
    if (!CHANGES.has(req.method)) {
      next();
      return;
    }
    const site = req.get('sec-fetch-site');
    const origin = req.get('origin');
    const refused = site !== undefined ? site !== 'same-origin' : origin !== undefined && !isAllowedOrigin(origin, allowedHosts);
    if (!refused) {
      next();
      return;
    }
    // Answer before the body is read, and do not drain it.
    res.set('Connection', 'close');
    const from = site !== undefined ? `Sec-Fetch-Site: ${site.slice(0, 30)}` : `Origin: ${origin!.slice(0, 100)}`;
    next(
      new AppError(
        'CROSS_SITE_REQUEST',
        `Changes are accepted from the console's own pages only; this one came from another site (${from})`,
      ),
    );
  };
}

function isAllowedOrigin(origin: string, allowedHosts: readonly string[]): boolean {
  if (!URL.canParse(origin)) return false; // `null`: a sandboxed frame, a file, a redirect
  const { protocol, host } = new URL(origin);
  return (protocol === 'http:' || protocol === 'https:') && isAllowed(host, allowedHosts);
}

/**
 * Security headers on every answer (helmet's defaults, tightened): scripts from the console's
 * own files only, no framing (the destructive pages must not be clickjacked), no MIME sniffing,
 * no referrer leaving with topic or group names in the path.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        // Angular writes component styles into <style> elements at run time.
        'style-src': ["'self'", "'unsafe-inline'"],
        // On plain http (loopback) it would send the console's own files to an https nobody serves.
        'upgrade-insecure-requests': null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Whether to insist on https (and for which subdomains) is the TLS-terminating proxy's call.
    strictTransportSecurity: false,
  });
}
