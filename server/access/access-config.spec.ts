import { ConfigError, loadClustersSource } from '../kafka/clusters-config';
import { accessFrom, bindProblem } from './access-config';

const fileWith = (access: string) => {
  const yaml = `clusters:\n  - name: prod\n    bootstrapServers: broker:9092\n${access}`;
  return loadClustersSource({ KPC_CONFIG: 'kpc.yaml' }, () => yaml);
};

describe('access configuration', () => {
  describe('accessFrom', () => {
    it('is undefined without an access: section (open mode)', () => {
      expect(accessFrom(fileWith(''))).toBeUndefined();
    });

    it('reads users, grants with their defaults, and the session length', () => {
      const access = accessFrom(
        fileWith(
          [
            'access:',
            '  users:',
            '    - { name: alice, passwordHash: "scrypt$1$2$3$a$b", groups: [ops] }',
            '  grants:',
            '    - { role: operator, groups: [ops], topics: ["orders-*"] }',
            '  session: { ttl: 30m }',
          ].join('\n'),
        ),
      );

      expect(access?.grants[0]).toEqual({
        role: 'operator',
        users: [],
        groups: ['ops'],
        clusters: ['*'],
        topics: ['orders-*'],
        consumerGroups: ['*'],
        connectors: ['*'],
      });
      expect(access?.session.ttl).toBe(30 * 60_000);
    });

    it('refuses a grant for a cluster that is not configured', () => {
      const source = fileWith(
        'access:\n  trustedProxy: { addresses: [10.0.0.1] }\n  grants:\n    - { role: admin, users: ["*"], clusters: [staging] }',
      );

      expect(() => accessFrom(source)).toThrowError(ConfigError, /staging/);
    });

    it('refuses a password that is not a scrypt hash', () => {
      const source = fileWith('access:\n  users:\n    - { name: bob, passwordHash: hunter2 }');

      expect(() => accessFrom(source)).toThrowError(ConfigError, /hash-password/);
    });

    it('knows a trusted proxy network', () => {
      const access = accessFrom(fileWith('access:\n  trustedProxy: { addresses: [10.0.0.0/8] }'));

      expect(access?.trustedProxy?.list.check('10.1.2.3')).toBeTrue();
      expect(access?.trustedProxy?.list.check('192.168.0.1')).toBeFalse();
    });
  });

  describe('bindProblem', () => {
    it('lets an open console listen on loopback', () => {
      expect(bindProblem('127.0.0.1', undefined)).toBeUndefined();
      expect(bindProblem('localhost', undefined)).toBeUndefined();
      expect(bindProblem('::1', undefined)).toBeUndefined();
    });

    it('refuses an open console on any other address, saying what to set', () => {
      expect(bindProblem('0.0.0.0', undefined)).toMatch(/access:.*HOST=127\.0\.0\.1/);
    });
  });
});
