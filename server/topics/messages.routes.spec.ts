import { randomUUID } from 'node:crypto';
import { KafkaClients } from '../kafka/kafka-clients';
import { testClusters } from '../testing/test-api';
import { useTestApi } from '../testing/spec-setup';
import type { MessagePage, ProducedMessage } from './message.model';
import { MessagesGateway } from './messages.gateway';
import { MessagesService } from './messages.service';
import { TopicsGateway } from './topics.gateway';

describe('messages routes', () => {
  const { api } = useTestApi();

  const messagesOf = (topic: string) => `/api/clusters/local/topics/${topic}/messages`;
  const browse = (topic: string, query = '') => api.get<MessagePage>(`${messagesOf(topic)}?${query}`);

  describe('POST /api/clusters/:cluster/topics/:topic/messages', () => {
    describe('with a key and no partition', () => {
      it('places the key where the Java default partitioner would', async () => {
        const topic = await api.kafka.createTopic('produce', { partitions: 12 });

        const res = await api.post<ProducedMessage>(messagesOf(topic), { key: 'foobar', value: '{"n":1}' });

        expect(res.status).toBe(201);
        expect(res.body).toEqual({ partition: 6, offset: 0 });
      });
    });

    describe('with a partition, headers and a null value', () => {
      it('writes exactly that record', async () => {
        const topic = await api.kafka.createTopic('produce', { partitions: 3 });

        await api.post(messagesOf(topic), { key: 'k', value: null, partition: 2, headers: { source: 'console' } });
        const page = await browse(topic, 'partition=2');

        expect(page.body.messages.map((m) => [m.partition, m.key.text, m.value.encoding, m.headers])).toEqual([
          [2, 'k', 'null', [{ key: 'source', value: { encoding: 'text', text: 'console', sizeBytes: 7 } }]],
        ]);
      });
    });

    describe('to a partition the topic does not have', () => {
      it('answers 400 PARTITION_NOT_FOUND', async () => {
        const topic = await api.kafka.createTopic('produce', { partitions: 2 });

        const res = await api.post(messagesOf(topic), { key: 'k', value: 'v', partition: 2 });

        expect(res.status).toBe(400);
        expect(res.body.error).toEqual({ code: 'PARTITION_NOT_FOUND', message: `${topic} has no partition 2: it has partitions 0 to 1` });
      });
    });

    describe('to a topic that does not exist', () => {
      it('answers 404 TOPIC_NOT_FOUND', async () => {
        const res = await api.post(messagesOf(`spec.missing.${randomUUID()}`), { key: 'k', value: 'v' });

        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('TOPIC_NOT_FOUND');
      });
    });
  });

  describe('GET /api/clusters/:cluster/topics/:topic/messages', () => {
    let topic: string;
    beforeAll(async () => {
      topic = await api.kafka.createTopic('browse', { partitions: 3 });
      for (let i = 0; i < 30; i++) {
        await api.kafka.produce(topic, [{ key: `order-${i}`, value: JSON.stringify({ sequence: i }), partition: i % 3 }]);
      }
    });

    describe('by default', () => {
      it('shows the newest records first, rendered as JSON', async () => {
        const res = await browse(topic, 'limit=5');

        expect(res.status).toBe(200);
        expect(res.body.messages.map((m) => m.key.text)).toEqual(['order-29', 'order-28', 'order-27', 'order-26', 'order-25']);
        expect(res.body.messages[0]!.value).toEqual({ encoding: 'json', text: '{"sequence":29}', sizeBytes: 15 });
        expect(res.body.stoppedBy).toBe('limit');
      });
    });

    describe('page after page with the cursor', () => {
      it('reaches every record once, and says when it is at the end', async () => {
        const keys: string[] = [];
        let cursor: string | null = '';
        let pages = 0;
        while (cursor !== null && pages < 20) {
          const res: { body: MessagePage } = await browse(topic, `limit=7&direction=forward${cursor ? `&cursor=${cursor}` : ''}`);
          keys.push(...res.body.messages.map((m) => m.key.text!));
          cursor = res.body.nextCursor;
          pages++;
        }

        expect(keys).toEqual(Array.from({ length: 30 }, (_, i) => `order-${i}`));
        expect(pages).toBe(5);
      });
    });

    describe('from an offset in one partition', () => {
      it('reads forward from that offset', async () => {
        const res = await browse(topic, 'partition=1&offset=8&direction=forward');

        expect(res.body.messages.map((m) => [m.partition, m.offset, m.key.text])).toEqual([
          [1, 8, 'order-25'],
          [1, 9, 'order-28'],
        ]);
        expect(res.body.stoppedBy).toBe('end');
      });
    });

    describe('from a time', () => {
      it('starts at the first record at or after it, ISO date-time accepted', async () => {
        const all = (await browse(topic, 'direction=forward&limit=100')).body.messages;
        const from = all[20]!.timestamp;

        const res = await browse(topic, `direction=forward&limit=100&timestamp=${new Date(from).toISOString()}`);

        expect(res.body.messages.every((m) => m.timestamp >= from)).toBeTrue();
        expect(res.body.messages.map((m) => m.key.text)).toContain('order-29');
      });

      it('finds nothing after the last record', async () => {
        const res = await browse(topic, `direction=forward&timestamp=${Date.now() + 3_600_000}`);

        expect(res.body.messages).toEqual([]);
        expect(res.body.stoppedBy).toBe('end');
      });
    });

    describe('filtered', () => {
      it('by exact key', async () => {
        const res = await browse(topic, 'key=order-7');

        expect(res.body.messages.map((m) => m.key.text)).toEqual(['order-7']);
      });

      it('by text anywhere in key, value or headers, any case', async () => {
        const res = await browse(topic, `contains=${encodeURIComponent('"SEQUENCE":1')}&direction=forward&limit=100`);

        expect(res.body.messages.map((m) => m.key.text)).toEqual(
          [
            'order-1',
            'order-10',
            'order-11',
            'order-12',
            'order-13',
            'order-14',
            'order-15',
            'order-16',
            'order-17',
            'order-18',
            'order-19',
          ].sort((a, b) => Number(a.slice(6)) - Number(b.slice(6))),
        );
      });
    });

    describe('with keys in the schema-registry wire format', () => {
      it('flags the schema id', async () => {
        const wired = await api.kafka.createTopic('wire');
        const producer = new KafkaClients();
        await producer.producer(testClusters()[0]!).send({
          messages: [{ topic: wired, key: Buffer.from([0, 0, 0, 0, 42, 0x06, 0x61, 0x62, 0x63]), value: Buffer.from('{}') }],
        });
        await producer.close();

        const res = await browse(wired);

        expect(res.body.messages[0]!.key).toEqual({ encoding: 'hex', text: '06616263', sizeBytes: 9, schemaId: 42 });
      });
    });

    describe('when the scan budget runs out', () => {
      it('stops, says why, and its cursor goes on from there', async () => {
        const gateway = new KafkaClients();
        const topicsGateway = new TopicsGateway(gateway);
        const tight = new MessagesService(topicsGateway, new MessagesGateway(gateway), api.audit, { bytes: 100, milliseconds: 60_000 });

        const first = await tight.browse(testClusters()[0]!, topic, { limit: 500, direction: 'forward', contains: 'nowhere' });
        const next = await tight.browse(testClusters()[0]!, topic, {
          limit: 500,
          direction: 'forward',
          contains: 'nowhere',
          cursor: first.nextCursor!,
        });
        await gateway.close();

        expect(first.stoppedBy).toBe('scan-budget');
        expect(first.scanned.bytes).toBeGreaterThanOrEqual(100);
        expect(first.scanned.records).toBeLessThan(30);
        const sum = (positions: { offset: number }[]) => positions.reduce((total, p) => total + p.offset, 0);
        expect(sum(next.positions)).toBeGreaterThan(sum(first.positions));
      });
    });

    describe('with bad input', () => {
      it('answers 400 INVALID_CURSOR for a cursor it did not give', async () => {
        expect((await api.get(`${messagesOf(topic)}?cursor=not-a-cursor`)).body.error.code).toBe('INVALID_CURSOR');
      });

      it('answers 400 for a limit over 500', async () => {
        const res = await api.get(`${messagesOf(topic)}?limit=5000`);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('limit');
      });

      it('answers 400 PARTITION_NOT_FOUND for a partition it does not have', async () => {
        expect((await api.get(`${messagesOf(topic)}?partition=9`)).body.error.code).toBe('PARTITION_NOT_FOUND');
      });

      it("answers 400 INTERNAL_TOPIC for Kafka's own topics", async () => {
        expect((await api.get(messagesOf('__consumer_offsets'))).body.error.code).toBe('INTERNAL_TOPIC');
      });
    });
  });
});
