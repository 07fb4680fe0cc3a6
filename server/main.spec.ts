import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { TEST_BOOTSTRAP } from './testing/test-kafka';
import { freezeTestProcess } from './testing/test-stack';

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** `npm start`'s server, pointed at the test broker, resolved once it says it is ready. */
async function startConsole(port: number): Promise<ChildProcess> {
  const child = spawn('node_modules/.bin/node', ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      KAFKA_BOOTSTRAP_SERVERS: TEST_BOOTSTRAP.join(','),
      KAFKA_CLUSTER_NAME: 'local',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('is ready') && resolve());
    child.once('exit', (code) => reject(new Error(`the console exited with ${code} before it was ready`)));
  });
  return child;
}

describe('stopping the console (SIGTERM)', () => {
  describe('with a request in flight', () => {
    it('answers it, refuses new connections, closes its clients and exits 0', async () => {
      const port = await freePort();
      const consoleProcess = await startConsole(port);
      const exited = new Promise<number | null>((resolve) => consoleProcess.once('exit', resolve));
      const overview = `http://127.0.0.1:${port}/api/clusters/local/overview`;
      expect((await fetch(overview)).status).toBe(200);

      // A frozen broker keeps a fresh read in flight for the whole Kafka deadline.
      const resume = await freezeTestProcess('broker-1');
      let inFlight: Promise<number>;
      let afterStop: string;
      try {
        inFlight = fetch(`${overview}?fresh=true`).then(
          (res) => res.status,
          (err: Error) => {
            throw new Error(`no answer: ${err.message}`);
          },
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        consoleProcess.kill('SIGTERM');
        await new Promise((resolve) => setTimeout(resolve, 300));
        afterStop = await fetch(`http://127.0.0.1:${port}/api/health`).then(
          () => 'answered',
          () => 'refused',
        );
        expect(await inFlight).toBe(503);
      } finally {
        resume();
      }

      expect(afterStop).toBe('refused');
      expect(await exited).toBe(0);
    }, 60_000);
  });
});

describe('starting the console', () => {
  describe('on an address other than loopback, with no sign-in configured', () => {
    it('refuses, with one line saying what to set', async () => {
      const child = spawn('node_modules/.bin/node', ['--import', 'tsx', 'server/main.ts'], {
        env: {
          ...process.env,
          HOST: '0.0.0.0',
          PORT: String(await freePort()),
          KAFKA_BOOTSTRAP_SERVERS: TEST_BOOTSTRAP.join(','),
          LOG_LEVEL: 'silent',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toEqual([
        jasmine.stringMatching(/^Refusing to listen on 0\.0\.0\.0 without sign-in: .*access:.*HOST=127\.0\.0\.1/),
      ]);
    });
  });
});
