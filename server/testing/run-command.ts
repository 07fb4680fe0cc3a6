import { spawn } from 'node:child_process';

/** Runs a tool with its output on this terminal; resolves to its exit code (127 when it cannot start). */
export function runCommand(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (err) => {
      say(`cannot run ${command}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/** One line of the test run's own output. */
export function say(line: string): void {
  console.log(line);
}
