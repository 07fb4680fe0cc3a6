import { BlockList, isIP } from 'node:net';
import { z } from 'zod';
import { ConfigError, validate, type ClustersSource } from '../kafka/clusters-config';
import { ROLES } from './permissions';

const namePatterns = z.array(z.string().min(1)).min(1);

const grantSchema = z
  .object({
    role: z.enum(ROLES),
    /** User names it is for; `*` is every signed-in user. */
    users: z.array(z.string().min(1)).default([]),
    /** Groups it is for: a local user's `groups`, the OpenID groups claim, the proxy's groups header. */
    groups: z.array(z.string().min(1)).default([]),
    clusters: namePatterns.default(['*']),
    topics: namePatterns.default(['*']),
    consumerGroups: namePatterns.default(['*']),
    connectors: namePatterns.default(['*']),
  })
  .refine((grant) => grant.users.length + grant.groups.length > 0, 'a grant names users or groups (users: ["*"] for everyone signed in)');

const userSchema = z.object({
  name: z.string().regex(/^[^\s:]{1,100}$/, 'a user name has no spaces or ":"'),
  /** `npm run hash-password` makes it. */
  passwordHash: z.string().regex(/^scrypt\$/, 'is made by `npm run hash-password` and starts with scrypt$'),
  groups: z.array(z.string().min(1)).default([]),
});

const oidcSchema = z.object({
  /** The provider's issuer URL; its `/.well-known/openid-configuration` is read at start. */
  issuer: z.url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1).optional(),
  /** This console's callback as the provider knows it: `https://<console>/api/auth/oidc/callback`. */
  redirectUrl: z.url(),
  /** The sign-in button says "Sign in with <label>". */
  label: z.string().min(1).default('single sign-on'),
  scopes: z.array(z.string()).default(['openid', 'profile', 'email']),
  usernameClaim: z.string().default('preferred_username'),
  groupsClaim: z.string().default('groups'),
});

const addressOrNetwork = z.string().refine((value) => isIP(value.split('/')[0]!) !== 0, 'is an IP address or a network such as 10.0.0.0/8');

const trustedProxySchema = z.object({
  /** The proxy's own addresses (or networks): identity headers from anyone else are ignored. */
  addresses: z.array(addressOrNetwork).min(1),
  userHeader: z.string().default('x-forwarded-user'),
  groupsHeader: z.string().default('x-forwarded-groups'),
});

const duration = z
  .string()
  .regex(/^\d+(s|m|h|d)$/, 'a duration such as 30m, 8h or 1d')
  .transform((value) => Number(value.slice(0, -1)) * { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[value.at(-1) as 's']);

const accessSchema = z
  .object({
    users: z.array(userSchema).default([]),
    oidc: oidcSchema.optional(),
    trustedProxy: trustedProxySchema.optional(),
    grants: z.array(grantSchema).default([]),
    session: z
      .object({
        /** How long a sign-in lasts. */
        ttl: duration.default(8 * 3_600_000),
        /**
         * Whether cookies are marked `Secure` (sent over https only). Default: when the console
         * listens on another address than loopback, where a TLS-terminating proxy serves it.
         */
        secureCookies: z.boolean().optional(),
      })
      .prefault({}),
    /** Failed sign-ins allowed per client address and per user name in 15 minutes. */
    signInAttempts: z.number().int().min(1).max(1000).default(10),
  })
  .refine((access) => new Set(access.users.map((user) => user.name)).size === access.users.length, 'user names must be unique')
  .refine(
    (access) => access.users.length > 0 || access.oidc !== undefined || access.trustedProxy !== undefined,
    'access: configures at least one way to sign in (users, oidc or trustedProxy)',
  );

export type AccessConfig = z.infer<typeof accessSchema>;
export type LocalUser = z.infer<typeof userSchema>;
export type OidcConfig = z.infer<typeof oidcSchema>;
export type GrantConfig = z.infer<typeof grantSchema>;
export type TrustedProxyConfig = z.infer<typeof trustedProxySchema> & { list: BlockList };

/** The console's sign-in and roles, or undefined when none are configured (open mode, loopback only). */
export type ConsoleAccess = Omit<AccessConfig, 'trustedProxy'> & { trustedProxy?: TrustedProxyConfig };

/**
 * The `access:` section of the config file: who may sign in (local users, OpenID Connect, a
 * trusted authenticating proxy), what they may do (grants), and how long a session lasts.
 * Without it the console runs open, which it only does on loopback.
 */
export function accessFrom(source: ClustersSource): ConsoleAccess | undefined {
  if (source.kind !== 'file' || source.document['access'] === undefined) return undefined;
  const access = validate(accessSchema, source.document['access'], `${source.path} (access:)`);
  const clusterNames = source.clusters.map((cluster) => cluster.name);
  for (const grant of access.grants) {
    const unknown = grant.clusters.filter((pattern) => !pattern.includes('*') && !clusterNames.includes(pattern));
    if (unknown.length) throw new ConfigError(`${source.path}: a grant names cluster ${unknown.join(', ')}, which is not configured`);
  }
  return { ...access, trustedProxy: access.trustedProxy && { ...access.trustedProxy, list: blockList(access.trustedProxy.addresses) } };
}

function blockList(addresses: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of addresses) {
    const [address, prefix] = entry.split('/') as [string, string | undefined];
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

/**
 * Why the console must not start listening on `host` as configured, in one line, or undefined.
 * Open (no sign-in, no trusted proxy) it would let anyone who reaches the address act as admin.
 */
export function bindProblem(host: string, access: ConsoleAccess | undefined): string | undefined {
  if (access || isLoopback(host)) return undefined;
  return (
    `Refusing to listen on ${host} without sign-in: anyone reaching it would be admin. ` +
    'Configure access: (users, oidc or trustedProxy) in the config file, or listen on 127.0.0.1 (HOST=127.0.0.1).'
  );
}

/** Whether `host` is a loopback address or name. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare);
}
