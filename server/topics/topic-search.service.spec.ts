import { KafkaClients } from '../kafka/kafka-clients';
import { countRequests } from '../kafka/request-probe';
import { testClusters } from '../testing/test-api';
import { TestKafka } from '../testing/test-kafka';
import { MessagesGateway } from './messages.gateway';
import type { SearchEvent } from './topic-search.model';
import { SEARCH_TUNING, TopicSearchService } from './topic-search.service';
import { TopicsGateway } from './topics.gateway';

describe('TopicSearchService', () => {
  const cluster = testClusters()[0]!;
  let kafka: TestKafka;
  let clients: KafkaClients;
  beforeAll(() => {
    kafka = new TestKafka();
    clients = new KafkaClients();
  });
  afterAll(async () => {
    await kafka.cleanUp();
    await clients.close();
  });

  /** A search that reads 4 KiB per fetch, so a small topic takes a hundred fetches. */
  const slowSearch = () =>
    new TopicSearchService(new TopicsGateway(clients), new MessagesGateway(clients), {
      ...SEARCH_TUNING,
      bytesInFlight: 4 * 1024,
      maxFetchBytes: 4 * 1024,
      minFetchBytes: 4 * 1024,
      progressEveryMs: 0,
    });

  describe('run', () => {
    describe('when the signal aborts', () => {
      it('sends no fetch afterwards, and no further event', async () => {
        const topic = await kafka.createTopic('search', { partitions: 2 });
        await kafka.produceMany(topic, 2_000, (index) => ({ partition: index % 2, value: `${index}:${'x'.repeat(200)}` }));
        const search = slowSearch();
        const plan = await search.plan(cluster, topic, { contains: 'needle', direction: 'newest', limit: 500 });
        const left = new AbortController();
        const events: SearchEvent[] = [];
        const fetches = countRequests('Fetch');
        let atAbort = 0;
        try {
          await search.run(cluster, plan, {
            signal: left.signal,
            emit: async (event) => {
              events.push(event);
              if (events.length === 5) {
                left.abort();
                atAbort = fetches.count;
              }
            },
          });
          await new Promise((resolve) => setTimeout(resolve, 500));

          expect(events.length).toBe(5);
          expect(events.map((event) => event.type)).not.toContain('done');
          expect(fetches.count).toBe(atAbort);
          expect(atAbort).toBeLessThan(20);
        } finally {
          fetches.stop();
        }
      });
    });

    describe('when the limit is reached', () => {
      it('stops fetching and says so', async () => {
        const topic = await kafka.createTopic('search');
        await kafka.produceMany(topic, 1_000, (index) => ({ partition: 0, value: `${index}:needle:${'x'.repeat(200)}` }));
        const search = slowSearch();
        const plan = await search.plan(cluster, topic, { contains: 'needle', direction: 'oldest', limit: 3 });
        const events: SearchEvent[] = [];
        const fetches = countRequests('Fetch');
        try {
          await search.run(cluster, plan, { signal: new AbortController().signal, emit: async (event) => void events.push(event) });

          expect(events.filter((event) => event.type === 'match').length).toBe(3);
          expect(events.at(-1)).toEqual({ type: 'done', data: jasmine.objectContaining({ matches: 3, stoppedBy: 'limit' }) });
          expect(fetches.count).toBe(1);
        } finally {
          fetches.stop();
        }
      });
    });
  });
});
