import { randomUUID } from 'node:crypto';
import { KafkaClients } from './kafka-clients';
import type { ClusterConfig } from './clusters-config';
import { TEST_BOOTSTRAP, TestKafka } from '../testing/test-kafka';
import { StateTopic } from './state-topic';

interface Note {
  text: string;
}
const parseNote = (value: unknown): Note | undefined =>
  typeof (value as Note)?.text === 'string' ? { text: (value as Note).text } : undefined;

describe('StateTopic', () => {
  const cluster: ClusterConfig = { name: 'local', bootstrapServers: TEST_BOOTSTRAP, connect: [] };
  let gateway: KafkaClients;
  let kafka: TestKafka;
  let topic: string;
  let state: StateTopic<Note>;

  beforeEach(() => {
    gateway = new KafkaClients();
    kafka = new TestKafka();
    topic = `spec.state.${randomUUID()}`;
    state = new StateTopic(gateway, topic, parseNote);
  });
  afterEach(async () => {
    await kafka.admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await kafka.cleanUp();
    await gateway.close();
  });

  describe('put', () => {
    it('creates a compacted single-partition topic on first use', async () => {
      await state.put(cluster, 'a', { text: 'first' });

      const [described] = await kafka.admin.describeConfigs({ resources: [{ resourceType: 2, resourceName: topic }] });
      const metadata = await kafka.admin.metadata({ topics: [topic] });
      expect(described!.configs.find((c) => c.name === 'cleanup.policy')?.value).toBe('compact');
      expect(metadata.topics.get(topic)?.partitionsCount).toBe(1);
    });

    it('replaces an entry with the same key, keeping the newest', async () => {
      await state.put(cluster, 'a', { text: 'first' });
      await state.put(cluster, 'b', { text: 'other' });
      await state.put(cluster, 'a', { text: 'second' });

      expect([...(await state.entries(cluster))]).toEqual([
        ['b', { text: 'other' }],
        ['a', { text: 'second' }],
      ]);
    });
  });

  describe('remove', () => {
    it('drops the entry for every reader', async () => {
      await state.put(cluster, 'a', { text: 'first' });
      await state.put(cluster, 'b', { text: 'kept' });
      await state.entries(cluster);

      await state.remove(cluster, 'a');

      expect([...(await state.entries(cluster)).keys()]).toEqual(['b']);
    });
  });

  describe('entries', () => {
    describe('read by another console instance, or after a restart', () => {
      it('agrees with the writer', async () => {
        await state.put(cluster, 'a', { text: 'written by one' });
        const otherGateway = new KafkaClients();
        const other = new StateTopic(otherGateway, topic, parseNote);

        expect(await other.entries(cluster)).toEqual(new Map([['a', { text: 'written by one' }]]));
        await other.put(cluster, 'b', { text: 'written by the other' });
        await otherGateway.close();

        expect([...(await state.entries(cluster)).keys()]).toEqual(['a', 'b']);
      });
    });

    describe('with a value it cannot read', () => {
      it('skips it and keeps the rest', async () => {
        await state.put(cluster, 'a', { text: 'good' });
        await kafka.produce(topic, [
          { key: 'broken', value: '{not json' },
          { key: 'wrong', value: '{"other":1}' },
        ]);

        expect([...(await state.entries(cluster)).keys()]).toEqual(['a']);
      });
    });

    describe('with more records than one fetch holds', () => {
      it('reads to the end', async () => {
        const text = 'x'.repeat(20_000);
        for (let i = 0; i < 60; i++) await state.put(cluster, `k${i}`, { text });

        expect((await state.entries(cluster)).size).toBe(60);
      });
    });
  });
});
