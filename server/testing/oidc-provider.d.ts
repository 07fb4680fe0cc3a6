/**
 * The part of node-oidc-provider (ships no types) that the specs' test provider uses:
 * https://github.com/panva/node-oidc-provider/blob/main/docs/README.md
 */
declare module 'oidc-provider' {
  type Claims = Record<string, unknown> & { sub: string };

  interface Account {
    accountId: string;
    claims(use: string, scope: string): Claims | Promise<Claims>;
  }

  interface Configuration {
    clients?: Record<string, unknown>[];
    /** Claims each scope releases. */
    claims?: Record<string, string[] | null>;
    scopes?: string[];
    pkce?: { required?: (ctx: unknown, client: unknown) => boolean };
    cookies?: { keys?: string[] };
    ttl?: Record<string, number>;
    jwks?: { keys: Record<string, unknown>[] };
    findAccount?: (ctx: unknown, accountId: string) => Account | undefined | Promise<Account | undefined>;
  }

  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    /** A request listener for `http.createServer`. */
    callback(): (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;
  }
}
