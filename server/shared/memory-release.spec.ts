import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryRelease, type HeapSize } from './memory-release';

const MiB = 1024 * 1024;

describe('MemoryRelease', () => {
  let now: number;
  let size: HeapSize;
  let collections: number;
  let release: MemoryRelease;

  beforeEach(() => {
    now = 0;
    size = { heap: 40 * MiB, external: 5 * MiB };
    collections = 0;
    release = new MemoryRelease({
      collect: () => {
        collections++;
        size = { heap: 40 * MiB, external: 5 * MiB };
      },
      size: () => size,
      now: () => now,
      quietMs: 1_000,
      growthBytes: 8 * MiB,
    });
  });

  describe('check', () => {
    describe('when the console is quiet', () => {
      beforeEach(() => {
        now = 5_000;
      });

      it('collects once the heap grew by the growth allowed', () => {
        size = { heap: 48 * MiB, external: 5 * MiB };
        expect(release.check()).toBeTrue();
        expect(collections).toBe(1);
      });

      it('collects once the buffers outside the heap grew by it', () => {
        size = { heap: 40 * MiB, external: 30 * MiB };
        expect(release.check()).toBeTrue();
      });

      it('leaves a heap that grew less alone', () => {
        size = { heap: 47 * MiB, external: 12 * MiB };
        expect(release.check()).toBeFalse();
        expect(collections).toBe(0);
      });

      it('measures growth from what was left after the last collection', () => {
        size = { heap: 60 * MiB, external: 5 * MiB };
        release.check();
        size = { heap: 44 * MiB, external: 5 * MiB };
        expect(release.check()).toBeFalse();
      });
    });

    describe('while a request is in flight', () => {
      it('does not collect, however much the heap grew', () => {
        release.requestStarted();
        now = 60_000;
        size = { heap: 200 * MiB, external: 5 * MiB };
        expect(release.check()).toBeFalse();
      });
    });

    describe('right after a request ended', () => {
      it('waits until the console has been quiet for a while', () => {
        release.requestStarted();
        now = 10_000;
        release.requestEnded();
        size = { heap: 200 * MiB, external: 5 * MiB };
        now = 10_500;
        expect(release.check()).toBeFalse();
        now = 11_000;
        expect(release.check()).toBeTrue();
      });
    });
  });

  describe('watch', () => {
    let server: Server;
    let url: string;
    let answer: (() => void) | undefined;

    beforeEach(async () => {
      server = createServer((_request, response) => {
        answer = () => response.end('done');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      release.watch(server);
      now = 60_000;
      size = { heap: 200 * MiB, external: 5 * MiB };
    });

    afterEach(async () => {
      release.stop();
      await new Promise((resolve) => server.close(resolve));
    });

    it('counts the requests of the server it watches', async () => {
      const response = fetch(url);
      while (!answer) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(release.check()).withContext('a request in flight').toBeFalse();
      answer();
      await (await response).text();
      now += 2_000;
      expect(release.check()).withContext('quiet again').toBeTrue();
    });
  });

  describe('collectorOfThisProcess', () => {
    it('is there only when Node runs with --expose-gc', () => {
      const exposed = typeof (globalThis as { gc?: unknown }).gc === 'function';
      expect(MemoryRelease.collectorOfThisProcess() !== undefined).toBe(exposed);
    });
  });
});
