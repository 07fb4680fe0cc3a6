/**
 * Who may do what, as one pure module: the server enforces it on every route and the browser
 * imports the same code to show only what the user may do, so the two cannot disagree. No
 * Node or browser APIs here.
 *
 * A user holds grants. A grant gives one role on some clusters, and may narrow it to topic,
 * consumer-group and connector name patterns. A request is weighed against each grant on its
 * own: a grant counts only if it covers the cluster *and* the very resource acted on, so a
 * user who is admin of `orders-*` and viewer of `*` is admin of `orders-eu`, viewer of
 * `payments`, and never admin of `payments` (the union of two grants is not applied to
 * every pattern).
 */

/** `viewer` reads; `operator` also replays, produces and pauses/resumes/restarts connectors; `admin` changes everything. */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a grant can be narrowed to by name pattern. */
export type ResourceKind = 'topic' | 'consumerGroup' | 'connector';

/**
 * What a request acts on. `name` undefined: any resource of that kind (listing, validating a
 * connector config before it has a name). `kind` undefined: the cluster as a whole (its
 * co-partition declarations), which only a grant not narrowed by any pattern covers.
 */
export interface Resource {
  kind?: ResourceKind;
  name?: string;
}

export interface Grant {
  role: Role;
  /** Cluster name patterns; `*` matches any run of characters. */
  clusters: readonly string[];
  topics: readonly string[];
  consumerGroups: readonly string[];
  connectors: readonly string[];
}

/** One user's access, as the server and the browser both see it. */
export interface Access {
  /** `open`: no sign-in configured, the console runs as admin for whoever reaches it on loopback. */
  mode: 'open' | 'signed-in';
  grants: readonly Grant[];
  /** Clusters configured `readOnly: true`: no change there, whatever the role. */
  readOnlyClusters: readonly string[];
}

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

const PATTERNS_OF: Record<ResourceKind, keyof Pick<Grant, 'topics' | 'consumerGroups' | 'connectors'>> = {
  topic: 'topics',
  consumerGroup: 'consumerGroups',
  connector: 'connectors',
};

const KIND_WORDS: Record<ResourceKind, string> = { topic: 'topic', consumerGroup: 'consumer group', connector: 'connector' };

/** A grant on every cluster and every resource: what open mode gives. */
export const EVERYTHING: Omit<Grant, 'role'> = { clusters: ['*'], topics: ['*'], consumerGroups: ['*'], connectors: ['*'] };

/** Whether `name` matches a pattern where `*` stands for any run of characters (case-sensitive, as Kafka names are). */
export function matchesPattern(pattern: string, name: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*')) return pattern === name;
  const parts = pattern.split('*');
  if (!name.startsWith(parts[0]!) || !name.endsWith(parts.at(-1)!)) return false;
  let at = parts[0]!.length;
  const end = name.length - parts.at(-1)!.length;
  for (const part of parts.slice(1, -1)) {
    const found = name.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return at <= end;
}

function covers(grant: Grant, cluster: string, resource: Resource): boolean {
  if (!grant.clusters.some((pattern) => matchesPattern(pattern, cluster))) return false;
  if (resource.kind === undefined) {
    return (['topic', 'consumerGroup', 'connector'] as const).every((kind) => grant[PATTERNS_OF[kind]].includes('*'));
  }
  const patterns = grant[PATTERNS_OF[resource.kind]];
  // Any resource of the kind: a grant with at least one pattern for it will do.
  if (resource.name === undefined) return patterns.length > 0;
  return patterns.some((pattern) => matchesPattern(pattern, resource.name!));
}

/** The highest role any single grant gives on this resource of this cluster, if any. */
export function roleOn(access: Access, cluster: string, resource: Resource = { kind: undefined }): Role | undefined {
  let best: Role | undefined;
  for (const grant of access.grants) {
    if (covers(grant, cluster, resource) && (best === undefined || RANK[grant.role] > RANK[best])) best = grant.role;
  }
  return best;
}

/** Whether the user sees the cluster at all: some grant names it, whatever it is narrowed to. */
export function seesCluster(access: Access, cluster: string): boolean {
  return access.grants.some((grant) => grant.clusters.some((pattern) => matchesPattern(pattern, cluster)));
}

/**
 * Why the user may not do something needing `needed` on `resource` of `cluster`, in words
 * for them; undefined when they may. Reads (`viewer`) are never refused for read-only clusters.
 */
export function refusal(access: Access, needed: Role, cluster: string, resource: Resource): string | undefined {
  if (needed !== 'viewer' && access.readOnlyClusters.includes(cluster)) {
    return `Cluster "${cluster}" is configured read-only: the console changes nothing there`;
  }
  const held = roleOn(access, cluster, resource);
  if (held !== undefined && RANK[held] >= RANK[needed]) return undefined;
  const what = describe(resource);
  const has = held === undefined ? 'you have no role there' : `you are ${held}`;
  return `This needs the ${needed} role on ${what} of cluster "${cluster}"; ${has}`;
}

/** Whether the user may do something needing `needed` on `resource` of `cluster`. */
export function may(access: Access, needed: Role, cluster: string, resource: Resource): boolean {
  return refusal(access, needed, cluster, resource) === undefined;
}

function describe({ kind, name }: Resource): string {
  if (kind === undefined) return 'the whole cluster';
  if (name === undefined) return `${KIND_WORDS[kind]}s`;
  return `${KIND_WORDS[kind]} "${name}"`;
}
