import type { Request, RequestHandler } from 'express';
import { AppError } from '../shared/app-error';
import type { AccessService } from './access.service';
import type { Identity } from './access.model';
import { may, refusal, seesCluster, type Access, type Resource, type ResourceKind, type Role } from './permissions';
import type { Sessions } from './sessions';

interface RequestAccess {
  identity?: Identity;
  access: Access;
}

const known = new WeakMap<Request, RequestAccess>();

/** API paths anyone may call: health for probes, the API's description, and signing in. */
const PUBLIC_PATHS = new Set(['/health', '/ready', '/openapi.json', '/session', '/auth/oidc/start', '/auth/oidc/callback']);

/**
 * Finds who makes the request (a trusted proxy's user header, else the session cookie) and what
 * they may do. With sign-in configured, a request from nobody is refused with 401, but for the
 * public paths.
 */
export function authenticate(access: AccessService, sessions: Sessions | undefined): RequestHandler {
  return (req, _res, next) => {
    const identity = access.proxyIdentity(req) ?? sessions?.identity(req);
    known.set(req, { identity, access: access.accessFor(identity) });
    if (access.isOpen || identity || PUBLIC_PATHS.has(req.path)) {
      next();
      return;
    }
    next(new AppError('SIGN_IN_REQUIRED', 'Sign in to use the console: your session ended or you have not signed in'));
  };
}

/** The signed-in user of the request, if any. */
export function identityOf(req: Request): Identity | undefined {
  return known.get(req)?.identity;
}

/** What the request's user may do. */
export function accessOf(req: Request): Access {
  const found = known.get(req);
  if (!found) throw new Error(`${req.method} ${req.path} ran before authenticate()`);
  return found.access;
}

/** Who the audit log names for the request: the signed-in user, else the client's address. */
export function actorOf(req: Request): string {
  return identityOf(req)?.name ?? `anonymous@${req.ip ?? 'unknown'}`;
}

/**
 * A route's rule: the user needs `role` on what `resource` says the request acts on, in the
 * request's cluster; else 403 naming the role (or saying the cluster is read-only). Runs
 * before the route reads its body's meaning, so nothing is changed or even looked up.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any params: the route's own path types them
export function requires(role: Role, resource: Resource | ((req: Request) => Resource) = {}): RequestHandler<any> {
  return (req, _res, next) => {
    const cluster = clusterNameOf(req);
    const access = accessOf(req);
    const why = refusal(access, role, cluster, typeof resource === 'function' ? resource(req) : resource);
    if (why === undefined) next();
    else next(new AppError(role !== 'viewer' && access.readOnlyClusters.includes(cluster) ? 'CLUSTER_READ_ONLY' : 'ROLE_REQUIRED', why));
  };
}

/** The resource a path parameter names, e.g. `named('topic', 'topic')` for `/topics/:topic`. */
export function named(kind: ResourceKind, param: string): (req: Request) => Resource {
  return (req) => ({ kind, name: String(req.params[param]) });
}

/** The resource a body field names (a topic or connector being created); none yet when the body lacks it. */
export function namedInBody(kind: ResourceKind, field = 'name'): (req: Request) => Resource {
  return (req) => {
    const value = (req.body as Record<string, unknown> | undefined)?.[field];
    return { kind, name: typeof value === 'string' ? value : undefined };
  };
}

/** Of `items`, those whose names the request's user may see (a grant narrowed by patterns hides the rest). */
export function visibleTo<T>(req: Request, kind: ResourceKind, items: readonly T[], nameOf: (item: T) => string): T[] {
  const access = accessOf(req);
  const cluster = clusterNameOf(req);
  return items.filter((item) => may(access, 'viewer', cluster, { kind, name: nameOf(item) }));
}

/**
 * Refuses a request about a cluster the user has no grant on at all, before anything of it is
 * read; the clusters' router runs it for every `:cluster` route.
 */
export function checkSeesCluster(req: Request, cluster: string): void {
  if (!seesCluster(accessOf(req), cluster)) {
    throw new AppError('ROLE_REQUIRED', `This needs at least the viewer role on cluster "${cluster}"; you have no role there`);
  }
}

/** Whether the request's user sees `cluster` at all. */
export function seesClusterNamed(req: Request, cluster: string): boolean {
  return seesCluster(accessOf(req), cluster);
}

/** The `:cluster` the route is about (already checked to be a configured one by the clusters' router). */
function clusterNameOf(req: Request): string {
  const name = req.params['cluster'];
  if (typeof name !== 'string') throw new Error(`${req.method} ${req.path} has no :cluster parameter`);
  return name;
}
