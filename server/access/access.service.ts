import type { Request } from 'express';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { ConsoleAccess } from './access-config';
import type { Identity } from './access.model';
import { DECOY_HASH, verifyPassword } from './passwords';
import { EVERYTHING, type Access, type Grant } from './permissions';

/**
 * Who may sign in and what each user may do, from the config's `access:` section. Without
 * one the console is open: whoever reaches it (loopback only) is admin of every cluster.
 */
export class AccessService {
  readonly #readOnlyClusters: string[];

  constructor(
    readonly config: ConsoleAccess | undefined,
    clusters: readonly ClusterConfig[],
  ) {
    this.#readOnlyClusters = clusters.filter((cluster) => cluster.readOnly).map((cluster) => cluster.name);
  }

  /** No sign-in configured: everyone is admin. */
  get isOpen(): boolean {
    return this.config === undefined;
  }

  /** What `identity` may do: the grants naming them or one of their groups (all of it in open mode). */
  accessFor(identity: Identity | undefined): Access {
    if (!this.config) return { mode: 'open', grants: [{ role: 'admin', ...EVERYTHING }], readOnlyClusters: this.#readOnlyClusters };
    const grants: Grant[] = identity
      ? this.config.grants
          .filter(
            (grant) =>
              grant.users.includes('*') ||
              grant.users.includes(identity.name) ||
              grant.groups.some((group) => identity.groups.includes(group)),
          )
          .map(({ role, clusters, topics, consumerGroups, connectors }) => ({ role, clusters, topics, consumerGroups, connectors }))
      : [];
    return { mode: 'signed-in', grants, readOnlyClusters: this.#readOnlyClusters };
  }

  /**
   * The local user `username` if `password` is theirs. An unknown name costs as much time as a
   * wrong password, so the answer's timing does not tell which names exist.
   */
  async checkPassword(username: string, password: string): Promise<Identity | undefined> {
    const user = this.config?.users.find((candidate) => candidate.name === username);
    const matches = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH);
    return user && matches ? { name: user.name, groups: user.groups, via: 'local' } : undefined;
  }

  /**
   * The user an authenticating proxy in front of the console names, when the request comes
   * from one of the configured proxy addresses; anyone else's identity headers are ignored.
   */
  proxyIdentity(req: Request): Identity | undefined {
    const proxy = this.config?.trustedProxy;
    const address = req.socket.remoteAddress;
    if (!proxy || !address) return undefined;
    const family = address.includes(':') && !address.startsWith('::ffff:') ? 'ipv6' : 'ipv4';
    const bare = address.replace(/^::ffff:/, '');
    if (!proxy.list.check(bare, family)) return undefined;
    const name = req.get(proxy.userHeader)?.trim();
    if (!name) return undefined;
    const groups = (req.get(proxy.groupsHeader) ?? '')
      .split(',')
      .map((group) => group.trim())
      .filter(Boolean);
    return { name, groups, via: 'proxy' };
  }
}
