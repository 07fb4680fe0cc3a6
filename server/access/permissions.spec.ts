import { matchesPattern, may, refusal, roleOn, seesCluster, type Access, type Grant } from './permissions';

const everywhere = { clusters: ['*'], topics: ['*'], consumerGroups: ['*'], connectors: ['*'] };
const aGrant = (grant: Partial<Grant>): Grant => ({ role: 'viewer', ...everywhere, ...grant });
const anAccess = (grants: Grant[], readOnlyClusters: string[] = []): Access => ({ mode: 'signed-in', grants, readOnlyClusters });

describe('permissions', () => {
  describe('matchesPattern', () => {
    it('matches a name exactly without a star', () => {
      expect(matchesPattern('orders', 'orders')).toBeTrue();
      expect(matchesPattern('orders', 'orders-eu')).toBeFalse();
    });

    it('lets a star stand for any run of characters, anywhere', () => {
      expect(matchesPattern('orders-*', 'orders-eu')).toBeTrue();
      expect(matchesPattern('*-eu', 'orders-eu')).toBeTrue();
      expect(matchesPattern('o*s-*u', 'orders-eu')).toBeTrue();
      expect(matchesPattern('orders-*', 'payments')).toBeFalse();
    });

    it('does not let the prefix and suffix overlap', () => {
      expect(matchesPattern('ab*ba', 'aba')).toBeFalse();
    });
  });

  describe('roleOn', () => {
    describe('for a user with two grants of different reach', () => {
      const access = anAccess([aGrant({ role: 'admin', topics: ['orders-*'] }), aGrant({ role: 'viewer' })]);

      it('is the higher role where both cover the resource', () =>
        expect(roleOn(access, 'prod', { kind: 'topic', name: 'orders-eu' })).toBe('admin'));

      it('is only the wider grant’s role elsewhere (no union over patterns)', () =>
        expect(roleOn(access, 'prod', { kind: 'topic', name: 'payments' })).toBe('viewer'));

      it('covers the whole cluster with the unnarrowed grant only', () => expect(roleOn(access, 'prod', {})).toBe('viewer'));
    });

    it('counts a grant only on the clusters it names', () => {
      const access = anAccess([aGrant({ role: 'admin', clusters: ['dev-*'] })]);

      expect(roleOn(access, 'dev-1', { kind: 'topic', name: 'x' })).toBe('admin');
      expect(roleOn(access, 'prod', { kind: 'topic', name: 'x' })).toBeUndefined();
    });
  });

  describe('refusal', () => {
    it('names the role needed and the one held', () => {
      const access = anAccess([aGrant({ role: 'viewer' })]);

      expect(refusal(access, 'operator', 'prod', { kind: 'consumerGroup', name: 'billing' })).toBe(
        'This needs the operator role on consumer group "billing" of cluster "prod"; you are viewer',
      );
    });

    it('says the cluster is read-only, whatever the role', () => {
      const access = anAccess([aGrant({ role: 'admin' })], ['archive']);

      expect(refusal(access, 'operator', 'archive', { kind: 'topic', name: 'x' })).toContain('read-only');
      expect(refusal(access, 'viewer', 'archive', { kind: 'topic', name: 'x' })).toBeUndefined();
    });
  });

  describe('may', () => {
    it('lets a higher role do what a lower one may', () =>
      expect(may(anAccess([aGrant({ role: 'admin' })]), 'operator', 'prod', { kind: 'connector', name: 'c' })).toBeTrue());
  });

  describe('seesCluster', () => {
    it('is true for a cluster some grant names, however narrow', () => {
      const access = anAccess([aGrant({ clusters: ['prod'], topics: ['orders-*'] })]);

      expect(seesCluster(access, 'prod')).toBeTrue();
      expect(seesCluster(access, 'dev')).toBeFalse();
    });
  });
});
