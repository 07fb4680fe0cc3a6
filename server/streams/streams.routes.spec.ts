import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { startDemoStreamsApp, type DemoStreamsApp, type DemoStreamsAppOptions } from '../local-stack/streams-app';
import { useTestApi } from '../testing/spec-setup';
import { testClusters } from '../testing/test-api';
import { TEST_BOOTSTRAP } from '../testing/test-kafka';
import { removeSpecStreamsApp } from '../testing/test-streams-app';
import { eventually, TEST_STACK } from '../testing/test-stack';
import type { StreamsAppDetail, StreamsAppPage, StreamsReplayPreview } from './streams.model';

/** What an app's own `Topology#describe()` says of one sub-topology. */
interface DescribedSubtopology {
  id: string;
  sources: string[];
  sinks: string[];
  stores: string[];
}

/**
 * Reads `Topology#describe()` text. Internal topics appear there without the application id
 * the app prefixes them with on the cluster: `orders-by-id-repartition`.
 */
function describedTopology(text: string): DescribedSubtopology[] {
  const list = (found: string | undefined) => (found ? found.split(', ') : []);
  return text
    .split(/Sub-topology: /)
    .slice(1)
    .map((block) => ({
      id: /^(\S+)/.exec(block)![1]!,
      sources: [...block.matchAll(/Source: \S+ \(topics: \[([^\]]*)\]\)/g)].flatMap((match) => list(match[1])),
      sinks: [...block.matchAll(/Sink: \S+ \(topic: ([^)]+)\)/g)].map((match) => match[1]!),
      stores: [...new Set([...block.matchAll(/\(stores: \[([^\]]*)\]\)/g)].flatMap((match) => list(match[1])))],
    }));
}

/**
 * The Streams apps view on the test stack with the demo's real Kafka Streams app, started with
 * application ids and topics of its own and fed domain events as the connector publishes them.
 */
describe('Streams apps of the demo Streams app, run on the test stack', () => {
  const { api } = useTestApi(testClusters);
  const suffix = randomUUID().slice(0, 8);
  const ids = { paymentMatcher: `spec-matcher-${suffix}`, orderEnricher: `spec-enricher-${suffix}` };
  const topics = {
    domainEvents: `spec.apps.domain-events.${suffix}`,
    orders: `spec.apps.orders.${suffix}`,
    payments: `spec.apps.payments.${suffix}`,
    matches: `spec.apps.matches.${suffix}`,
    enriched: `spec.apps.enriched.${suffix}`,
  };
  const options: DemoStreamsAppOptions = {
    bootstrapServers: TEST_BOOTSTRAP.join(','),
    dataDir: TEST_STACK.dataDir,
    applicationIds: ids,
    topics,
    partitions: 3,
    instance: `streams-routes-spec-${suffix}`,
    log: () => undefined,
  };
  const base = '/api/clusters/local/streams-apps';
  let app: DemoStreamsApp | undefined;
  let sequence = 0;

  /** Domain events as the monolith writes them: each order placed, then paid. */
  const appendOrders = async (count: number) => {
    const occurredAt = new Date().toISOString();
    const events = Array.from({ length: count }, () => {
      const id = `order-${suffix}-${sequence}`;
      return [
        { id, aggregateId: id, type: 'OrderPlaced', sequence: sequence++, occurredAt, amount: 10 },
        { id, aggregateId: id, type: 'PaymentCaptured', sequence: sequence++, occurredAt, amount: 10 },
      ];
    }).flat();
    await api.kafka.produce(
      topics.domainEvents,
      events.map((event) => ({ key: event.id, value: JSON.stringify(event) })),
    );
  };
  const recordsIn = async (topic: string) => {
    const detail = await api.get<{ partitions: { latestOffset: number; earliestOffset: number }[] }>(
      `/api/clusters/local/topics/${encodeURIComponent(topic)}`,
    );
    if (detail.status !== 200) throw new Error(`${topic}: ${detail.status} ${JSON.stringify(detail.body)}`);
    return detail.body.partitions.reduce((sum, p) => sum + p.latestOffset - p.earliestOffset, 0);
  };
  const detail = (id: string) => api.get<StreamsAppDetail>(`${base}/${encodeURIComponent(id)}?fresh=true`);

  beforeAll(async () => {
    // Started first: it creates the topics it reads and writes.
    app = await startDemoStreamsApp(options);
    await appendOrders(10);
    // Every order aggregated (the store's cache may fold its two events into one update) and matched.
    const processed = async () => (await recordsIn(topics.enriched)) >= 10 && (await recordsIn(topics.matches)) >= 10;
    expect(await eventually(processed, 90_000))
      .withContext('the app processed the events')
      .toBeTrue();
  }, 180_000);

  afterAll(async () => {
    await app?.stop();
    await removeSpecStreamsApp(api.kafka.admin, {
      applicationIds: ids,
      topics,
      instance: options.instance!,
      topologyFiles: app?.topologyFiles,
    });
  }, 60_000);

  describe('GET /api/clusters/:cluster/streams-apps', () => {
    it('lists both apps as streams groups, with their sub-topologies and stores', async () => {
      const page = await api.get<StreamsAppPage>(`${base}?search=${suffix}&fresh=true`);

      expect(page.status).toBe(200);
      expect(page.body.items.map((item) => [item.applicationId, item.protocol, item.subtopologyCount, item.storeCount])).toEqual([
        [ids.orderEnricher, 'streams', 2, 1],
        [ids.paymentMatcher, 'streams', 2, 2],
      ]);
    });
  });

  describe('GET /api/clusters/:cluster/streams-apps/:applicationId', () => {
    for (const [name, file] of [
      ['order-enricher', 'orderEnricher'],
      ['payment-matcher', 'paymentMatcher'],
    ] as const) {
      describe(`of ${name}`, () => {
        it("equals the app's own Topology#describe(): sub-topologies, the topics they read and repartition, and stores", async () => {
          const id = ids[file];
          const own = describedTopology(readFileSync(app!.topologyFiles[file], 'utf8'));
          const onCluster = (topic: string) => (topic.endsWith('-repartition') ? `${id}-${topic}` : topic);

          const answer = (await detail(id)).body;

          expect(answer.subtopologies.map((s) => s.id)).toEqual(own.map((s) => s.id));
          for (const [index, subtopology] of answer.subtopologies.entries()) {
            const described = own[index]!;
            expect(subtopology.inputs.map((input) => input.topic).sort())
              .withContext(subtopology.id)
              .toEqual(described.sources.map(onCluster).sort());
            expect(subtopology.outputs.map((output) => output.topic).sort())
              .withContext(subtopology.id)
              .toEqual(
                described.sinks
                  .filter((sink) => sink.endsWith('-repartition'))
                  .map(onCluster)
                  .sort(),
              );
            expect(subtopology.changelogs.map((changelog) => changelog.topic).sort())
              .withContext(subtopology.id)
              .toEqual(described.stores.map((store) => `${id}-${store}-changelog`).sort());
          }
          expect(answer.stores.map((store) => store.name).sort()).toEqual(own.flatMap((s) => s.stores).sort());
        });

        it('names its member and every task it runs, each input partition once', async () => {
          const answer = (await detail(ids[file])).body;

          expect(answer.members.length).toBe(1);
          const member = answer.members[0]!;
          expect(member.clientId.startsWith(ids[file])).withContext(member.clientId).toBeTrue();
          const tasks = answer.subtopologies.flatMap((subtopology) => subtopology.tasks);
          expect(tasks.map((task) => task.taskId).sort()).toEqual([...member.activeTasks].sort());
          expect(tasks.every((task) => task.activeOn === member.clientId)).toBeTrue();
        });
      });
    }

    it("shows the matcher's windowed join stores with their changelog, size and restore estimate", async () => {
      const answer = (await detail(ids.paymentMatcher)).body;

      expect(answer.stores.length).toBe(2);
      for (const store of answer.stores) {
        expect(store.windowed).withContext(store.name).toBeTrue();
        expect(store.retentionMs).withContext(store.name).toBeGreaterThan(0);
        expect(store.records).withContext(store.name).toBeGreaterThan(0);
        expect(store.restoreSeconds).withContext(store.name).not.toBeNull();
      }
    });

    it('answers 404 STREAMS_APP_NOT_FOUND for an app the cluster does not know', async () => {
      const answer = await api.get<{ error: { code: string } }>(`${base}/no-such-app-${suffix}`);

      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('STREAMS_APP_NOT_FOUND');
    });
  });

  describe('PUT and DELETE /api/clusters/:cluster/streams-apps/:applicationId/topology-description', () => {
    const path = () => `${base}/${ids.orderEnricher}/topology-description`;
    afterEach(() => api.request('DELETE', path()));

    it("with the app's own description, shows its plain sinks too, and finds it agrees with the broker", async () => {
      const own = describedTopology(readFileSync(app!.topologyFiles.orderEnricher, 'utf8'));

      const answer = await api.request<StreamsAppDetail>('PUT', path(), { text: readFileSync(app!.topologyFiles.orderEnricher, 'utf8') });

      expect(answer.status).toBe(200);
      expect(answer.body.topologyDescription?.differences).toEqual([]);
      for (const [index, subtopology] of answer.body.subtopologies.entries()) {
        const sinks = own[index]!.sinks.map((sink) => (sink.endsWith('-repartition') ? `${ids.orderEnricher}-${sink}` : sink));
        expect(subtopology.outputs.map((output) => output.topic).sort())
          .withContext(subtopology.id)
          .toEqual(sinks.sort());
      }
      expect(answer.body.subtopologies[1]!.outputs).toContain(
        jasmine.objectContaining({ topic: topics.enriched, role: 'sink', exists: true }),
      );
    });

    it('says where a description disagrees with the broker', async () => {
      const text = readFileSync(app!.topologyFiles.orderEnricher, 'utf8').replace(
        `(topics: [${topics.domainEvents}])`,
        '(topics: [elsewhere])',
      );

      const answer = await api.request<StreamsAppDetail>('PUT', path(), { text });

      expect(answer.body.topologyDescription?.differences).toEqual([
        `Sub-topology 0 reads elsewhere by the description, ${topics.domainEvents} by the broker`,
      ]);
    });

    it('refuses text that is not a Topology#describe() output, and keeps nothing', async () => {
      const answer = await api.request<{ error: { code: string; message: string } }>('PUT', path(), { text: 'orders -> enriched' });

      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('TOPOLOGY_DESCRIPTION_INVALID');
      expect((await detail(ids.orderEnricher)).body.topologyDescription).toBeNull();
    });

    it('forgets it, and says so when there is none', async () => {
      await api.request('PUT', path(), { text: readFileSync(app!.topologyFiles.orderEnricher, 'utf8') });

      expect((await api.request('DELETE', path())).status).toBe(204);
      expect((await detail(ids.orderEnricher)).body.topologyDescription).toBeNull();
      expect((await api.request('DELETE', path())).status).toBe(404);
    });
  });

  describe('replay', () => {
    // The matcher joins what it reads: read again, every order is matched again. (The enricher
    // would not grow: it skips events whose sequence its store has seen, as an idempotent
    // consumer must, until its internal topics and state are deleted.)
    const replayBase = () => `${base}/${ids.paymentMatcher}/replay`;

    it('is refused while the app runs', async () => {
      const answer = await api.post<{ error: { code: string } }>(replayBase(), { mode: 'earliest', confirm: true });

      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe('GROUP_ACTIVE');
    });

    it('resets the input topics of a stopped app, names its internal topics, and the app processes its input again', async () => {
      const before = await recordsIn(topics.matches);
      await app!.stop();
      app = undefined;
      expect(await eventually(async () => (await detail(ids.paymentMatcher)).body.memberCount === 0, 30_000))
        .withContext('the app left')
        .toBeTrue();

      const preview = await api.post<StreamsReplayPreview>(`${replayBase()}/preview`, { mode: 'earliest' });
      expect(preview.status).toBe(200);
      expect(preview.body.inputTopics).toEqual([topics.domainEvents, topics.orders, topics.payments].sort());
      expect(preview.body.internalTopics).toEqual([
        `${ids.paymentMatcher}-order-payments-other-join-store-changelog`,
        `${ids.paymentMatcher}-order-payments-this-join-store-changelog`,
      ]);
      expect(preview.body.totals.replayed).toBeGreaterThanOrEqual(20);

      const targets = preview.body.partitions.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.targetOffset }));
      const expected = preview.body.partitions.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.currentOffset }));
      const replay = await api.post<{ auditId: string }>(replayBase(), { mode: 'earliest', confirm: true, targets, expected });
      expect(replay.status).toBe(200);
      expect(replay.body.auditId).toBeTruthy();

      app = await startDemoStreamsApp(options);
      expect(await eventually(async () => (await recordsIn(topics.matches)) >= before + 10, 90_000))
        .withContext('the matches topic grew by the orders matched again')
        .toBeTrue();
    }, 180_000);
  });
});
