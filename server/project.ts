import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project root: the nearest folder above this file with a package.json. That is one up
 * from `server/` when tsx runs the sources, two up from `dist/server/` when Node runs the
 * compiled server (`npm start`), so paths built from it hold in both.
 */
export const PROJECT_ROOT = findProjectRoot(__dirname);

/**
 * What the server reads of package.json, read when it starts rather than imported: an import
 * would make the compiler copy package.json into `dist/` and lay the output out one folder
 * deeper than the sources.
 */
export const PACKAGE_JSON: { version: string; engines: { node: string }; scripts: Record<string, string> } = JSON.parse(
  readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'),
);

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}: the console runs from its project folder`);
  }
}
