import { createInterface } from 'node:readline/promises';
import { hashPassword } from './passwords';

/**
 * `npm run hash-password`: asks for a password (or reads it from standard input) and prints
 * the `passwordHash` to put beside the user in the config file's `access.users`.
 */
async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin, output: process.stdin.isTTY ? process.stderr : undefined, terminal: false });
  if (process.stdin.isTTY) process.stderr.write('Password (shown as you type; or pipe it in): ');
  const password = (await lines[Symbol.asyncIterator]().next()).value as string | undefined;
  lines.close();
  if (!password) {
    console.error('No password given.');
    process.exit(1);
  }
  console.log(await hashPassword(password));
}

void main();
