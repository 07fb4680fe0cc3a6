import { randomUUID } from 'node:crypto';
import { countRequests } from '../kafka/request-probe';
import { testClusters } from '../testing/test-api';
import { asUser, testAccess } from '../testing/test-access';
import { useTestApi } from '../testing/spec-setup';
import type { TopicMessage } from './message.model';
import type { SearchDone, SearchFailure, SearchProgress } from './topic-search.model';

type Event =
  | { type: 'progress'; data: SearchProgress }
  | { type: 'match'; data: TopicMessage }
  | { type: 'done'; data: SearchDone }
  | { type: 'error'; data: SearchFailure };

/** Reads a Server-Sent Events body as it arrives; `until` may end the reading (and the request) early. */
async function readEvents(response: Response, until: (event: Event) => boolean = () => false): Promise<Event[]> {
  const events: Event[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let pending = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return events;
    pending += value;
    for (let end = pending.indexOf('\n\n'); end >= 0; end = pending.indexOf('\n\n')) {
      const frame = pending.slice(0, end);
      pending = pending.slice(end + 2);
      const type = /^event: (.*)$/m.exec(frame)?.[1];
      const data = /^data: (.*)$/m.exec(frame)?.[1];
      events.push({ type, data: JSON.parse(data!) } as Event);
      if (until(events.at(-1)!)) {
        await reader.cancel();
        return events;
      }
    }
  }
}

const matchesOf = (events: Event[]) => events.flatMap((event) => (event.type === 'match' ? [event.data] : []));
const last = (events: Event[]) => events.at(-1)!;
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('GET /api/clusters/:cluster/topics/:topic/search', () => {
  const { api } = useTestApi();

  const searchUrl = (topic: string, query: string) => `${api.url}/api/clusters/local/topics/${topic}/search?${query}`;
  const search = async (topic: string, query: string) => {
    const response = await fetch(searchUrl(topic, query));
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    return readEvents(response);
  };

  /** A one-partition topic of `count` records, `needle` in the value of those at `at`. */
  const seedTopic = async (count: number, at: number[], { partitions = 1 } = {}) => {
    const topic = await api.kafka.createTopic('search', { partitions });
    await api.kafka.produceMany(topic, count, (index) => ({
      partition: index % partitions,
      key: `key-${index}`,
      value: JSON.stringify({ index, note: at.includes(index) ? 'has the needle here' : 'plain' }),
    }));
    return topic;
  };

  describe('from the oldest records', () => {
    it('streams each match in offset order, then done', async () => {
      const topic = await seedTopic(3_000, [7, 1_500, 2_999]);

      const events = await search(topic, 'contains=needle&direction=oldest');

      expect(matchesOf(events).map((message) => message.offset)).toEqual([7, 1_500, 2_999]);
      expect(last(events)).toEqual({
        type: 'done',
        data: { scannedRecords: 3_000, matches: 3, elapsedMs: jasmine.any(Number), stoppedBy: 'end' },
      });
    });

    it('gives each match as the message browser shows it', async () => {
      const topic = await seedTopic(10, [4]);

      const [match] = matchesOf(await search(topic, 'contains=needle&direction=oldest'));

      expect(match).toEqual({
        partition: 0,
        offset: 4,
        timestamp: jasmine.any(Number),
        key: { encoding: 'text', text: 'key-4', sizeBytes: 5 },
        value: { encoding: 'json', text: '{"index":4,"note":"has the needle here"}', sizeBytes: 40 },
        headers: [],
      });
    });
  });

  describe('from the newest records', () => {
    it('streams the matches newest first, across windows of offsets', async () => {
      const topic = await seedTopic(3_000, [7, 1_500, 2_999]);

      const events = await search(topic, 'contains=needle&direction=newest');

      expect(matchesOf(events).map((message) => message.offset)).toEqual([2_999, 1_500, 7]);
      expect(last(events)).toEqual(jasmine.objectContaining({ type: 'done', data: jasmine.objectContaining({ scannedRecords: 3_000 }) }));
    });
  });

  describe('in keys, header values and compressed batches', () => {
    it('finds the bytes wherever they are', async () => {
      const topic = await api.kafka.createTopic('search', { partitions: 1 });
      await api.kafka.produceMany(
        topic,
        600,
        (index) => ({
          partition: 0,
          key: index === 100 ? 'needle-key' : `key-${index}`,
          value: 'value',
          headers: { trace: index === 500 ? 'a-needle' : 'none' },
        }),
        { compression: 'gzip', recordsPerSend: 200 },
      );

      const events = await search(topic, 'contains=needle&direction=oldest');

      expect(matchesOf(events).map((message) => message.offset)).toEqual([100, 500]);
    });

    it('matches the exact bytes, letter case included', async () => {
      const topic = await seedTopic(10, [4]);

      const events = await search(topic, 'contains=NEEDLE&direction=oldest');

      expect(matchesOf(events)).toEqual([]);
    });
  });

  describe('over several partitions', () => {
    it('reads every partition, each in the direction asked', async () => {
      const topic = await seedTopic(1_200, [3, 4, 5, 600, 601, 602], { partitions: 3 });

      const events = await search(topic, 'contains=needle&direction=newest');

      const byPartition = (partition: number) =>
        matchesOf(events)
          .filter((message) => message.partition === partition)
          .map((message) => message.offset);
      expect([byPartition(0), byPartition(1), byPartition(2)]).toEqual([
        [200, 1],
        [200, 1],
        [200, 1],
      ]);
      expect(last(events).data).toEqual(jasmine.objectContaining({ scannedRecords: 1_200, matches: 6 }));
    });

    it('reads only the partition asked for', async () => {
      const topic = await seedTopic(1_200, [3, 4, 5], { partitions: 3 });

      const events = await search(topic, 'contains=needle&direction=oldest&partition=1');

      expect(matchesOf(events).map((message) => [message.partition, message.offset])).toEqual([[1, 1]]);
      expect(last(events).data).toEqual(jasmine.objectContaining({ scannedRecords: 400 }));
    });
  });

  describe('progress', () => {
    it('first shows each partition at its start, last at its end', async () => {
      const topic = await seedTopic(900, [], { partitions: 3 });

      const events = await search(topic, 'contains=needle&direction=newest');

      const progress = events.filter((event) => event.type === 'progress').map((event) => event.data as SearchProgress);
      const at = (report: SearchProgress) => report.partitions.map(({ partition, from, to, position }) => [partition, from, to, position]);
      expect(at(progress[0]!)).toEqual([
        [0, 0, 300, 300],
        [1, 0, 300, 300],
        [2, 0, 300, 300],
      ]);
      expect(at(progress.at(-1)!)).toEqual([
        [0, 0, 300, 0],
        [1, 0, 300, 0],
        [2, 0, 300, 0],
      ]);
      expect(progress.at(-1)!.scannedRecords).toBe(900);
      expect(progress.at(-1)!.scannedBytes).toBeGreaterThan(900 * 20);
    });
  });

  describe('with a limit', () => {
    it('stops at that many matches, the newest ones', async () => {
      const topic = await seedTopic(100, [10, 20, 30, 40]);

      const events = await search(topic, 'contains=needle&direction=newest&limit=2');

      expect(matchesOf(events).map((message) => message.offset)).toEqual([40, 30]);
      expect(last(events).data).toEqual(jasmine.objectContaining({ matches: 2, stoppedBy: 'limit' }));
    });
  });

  describe('when the client goes away', () => {
    it('sends no further fetch', async () => {
      // 20 MB: three fetches of 8 MiB, of which at most the one in flight when the client left is sent.
      const topic = await api.kafka.createTopic('search', { partitions: 1 });
      await api.kafka.produceMany(topic, 40_000, (index) => ({ partition: 0, value: `${index}:${'x'.repeat(500)}` }));
      const fetches = countRequests('Fetch');
      try {
        const abort = new AbortController();
        const response = await fetch(searchUrl(topic, 'contains=needle&direction=oldest'), { signal: abort.signal });

        await readEvents(response, (event) => event.type === 'progress');
        abort.abort();
        await settle(500);
        const sent = fetches.count;
        await settle(1_000);

        expect(fetches.count).toBe(sent);
        expect(sent).toBeLessThan(3);
      } finally {
        fetches.stop();
      }
    });
  });

  describe('bad requests, answered before any event', () => {
    it('answers 404 TOPIC_NOT_FOUND for a topic that does not exist', async () => {
      const res = await api.get(`/api/clusters/local/topics/spec.missing.${randomUUID()}/search?contains=x`);

      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('TOPIC_NOT_FOUND');
    });

    it('answers 400 VALIDATION_FAILED without a text to search for', async () => {
      const topic = await api.kafka.createTopic('search');

      const res = await api.get(`/api/clusters/local/topics/${topic}/search?direction=oldest`);

      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('answers 400 PARTITION_NOT_FOUND for a partition the topic lacks', async () => {
      const topic = await api.kafka.createTopic('search', { partitions: 2 });

      const res = await api.get(`/api/clusters/local/topics/${topic}/search?contains=x&partition=2`);

      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('PARTITION_NOT_FOUND');
    });
  });
});

describe('GET /api/clusters/:cluster/topics/:topic/search with sign-in', () => {
  const { api } = useTestApi(testClusters, async () => ({ access: await testAccess() }));

  describe('as a viewer', () => {
    it('streams the search', async () => {
      const topic = await api.kafka.createTopic('search');
      await api.kafka.produce(topic, [{ key: 'k', value: 'a needle' }]);

      const response = await fetch(`${api.url}/api/clusters/local/topics/${topic}/search?contains=needle`, { headers: asUser('viewer') });
      const events = await readEvents(response);

      expect(response.status).toBe(200);
      expect(matchesOf(events).map((message) => message.value.text)).toEqual(['a needle']);
    });
  });
});
