import { satisfies } from 'semver';
import { PACKAGE_JSON } from './project';

/**
 * Why this Node cannot run the console, or undefined when it can. The console relies on what
 * the pinned Node has (`Promise.withResolvers`, among others); an older one would start and
 * then fail requests, so it is refused before anything else runs.
 */
export function nodeVersionProblem(version = process.version, required = PACKAGE_JSON.engines.node): string | undefined {
  if (satisfies(version, required)) return undefined;
  return `The console needs Node ${required} and this is Node ${version}: run it with \`npm start\`, which uses the Node the project pins (node_modules/.bin/node).`;
}
