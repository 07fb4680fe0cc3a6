import { spawnSync } from 'node:child_process';
import { satisfies } from 'semver';
import { engines } from '../package.json';
import { nodeVersionProblem } from './node-version';

describe('nodeVersionProblem', () => {
  describe('on the pinned Node', () => {
    it('finds none', () => expect(nodeVersionProblem('v24.21.0', '>=24.15.0 <25')).toBeUndefined());
  });

  describe('on an older Node', () => {
    it('says which Node is needed and how to get it, in one line', () => {
      const problem = nodeVersionProblem('v20.20.2', '>=24.15.0 <25');

      expect(problem).toContain('needs Node >=24.15.0 <25 and this is Node v20.20.2');
      expect(problem).toContain('npm start');
      expect(problem).not.toContain('\n');
    });
  });

  describe("started with the machine's own Node", () => {
    it('refuses to start with that one line when that Node is too old', () => {
      const machineNode = spawnSync('/usr/bin/env', ['-i', 'PATH=/usr/local/bin:/usr/bin:/bin', 'node', '--version'], { encoding: 'utf8' });
      if (machineNode.status !== 0 || satisfies(machineNode.stdout.trim(), engines.node)) {
        pending('this machine has no Node older than the pinned one to try');
        return;
      }
      const started = spawnSync('/usr/bin/env', ['-i', 'PATH=/usr/local/bin:/usr/bin:/bin', 'node', '--import', 'tsx', 'server/main.ts'], {
        encoding: 'utf8',
        timeout: 20_000,
      });

      expect(started.status).toBe(1);
      expect(started.stderr.trim()).toBe(nodeVersionProblem(machineNode.stdout.trim())!);
    });
  });
});
