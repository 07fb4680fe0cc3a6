import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack, type LocalStack } from '../local-stack/local-stack';
import { stopPidFiles } from '../local-stack/processes';
import { startTestApi, type TestApi } from '../testing/test-api';
import { TEST_STACK } from '../testing/test-stack';
import type { ClusterOverview } from './cluster.model';

describe('GET /api/clusters/:cluster/overview on three brokers', () => {
  // A cluster of its own, so stopping a broker here leaves the other specs' broker alone.
  let dataDir: string;
  let stack: LocalStack;
  let api: TestApi;
  const overview = async () => (await api.get<ClusterOverview>('/api/clusters/triple/overview')).body;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kpc-triple-'));
    stack = await startLocalStack({
      dataDir,
      brokers: 3,
      kafkaPort: TEST_STACK.kafkaPort + 200,
      withConnect: false,
      log: () => undefined,
    });
    api = await startTestApi([{ name: 'triple', bootstrapServers: stack.bootstrapServers.split(','), connect: [] }]);
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await stack?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  describe('when a broker stops', () => {
    it('drops it from the brokers and counts the partitions it leaves under-replicated', async () => {
      await api.kafka.createTopic('replicated', { partitions: 6, replicationFactor: 3 });
      await expectAsync(waitFor(async () => (await overview()).underReplicatedPartitions === 0)).toBeResolved();
      const before = await overview();
      expect(before.brokers.map((broker) => broker.id)).toEqual([1, 2, 3]);
      expect(before.brokers.filter((broker) => broker.isController).length).toBe(1);

      await stopPidFiles([join(dataDir, 'run', 'broker-3.pid')], `${dataDir}/`, () => undefined);

      await expectAsync(
        waitFor(async () => {
          const now = await overview();
          return now.underReplicatedPartitions >= 6 && now.brokers.length === 2;
        }),
      ).toBeResolved();
      const after = await overview();
      expect(after.brokers.map((broker) => broker.id)).toEqual([1, 2]);
      expect(after.offlinePartitions).toBe(0);
    }, 90_000);
  });
});

/** Polls until the condition holds; rejects after `ms`. */
async function waitFor(condition: () => Promise<boolean>, ms = 45_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`condition not met within ${ms} ms`);
}
