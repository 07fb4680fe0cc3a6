import type {
  StreamsAppDetail,
  StreamsAppPage,
  StreamsAppSummary,
  StreamsMember,
  StreamsStore,
  StreamsSubtopology,
  StreamsTask,
  StreamsTopicUse,
  StreamsTopologyDescription,
} from './streams.model';

/** When builder data was read, unless a spec says otherwise. */
export const AS_OF = '2026-11-27T12:03:05.000Z';

/** The repartition topic between the builders' two sub-topologies. */
export const REPARTITION = 'order-enricher-KSTREAM-KEY-SELECT-0000000002-repartition';

/** Test data: everything defaulted, a spec states only the field that decides. */
export function aStreamsApp(overrides: Partial<StreamsAppSummary> = {}): StreamsAppSummary {
  return {
    applicationId: 'order-enricher',
    protocol: 'streams',
    state: 'Stable',
    memberCount: 1,
    subtopologyCount: 2,
    storeCount: 1,
    totalLag: 30,
    consumeRate: 12.5,
    ...overrides,
  };
}

/** A page of the Streams apps list holding exactly these apps. */
export function aStreamsAppPage(items: StreamsAppSummary[] = [aStreamsApp()], overrides: Partial<StreamsAppPage> = {}): StreamsAppPage {
  return { items, total: items.length, asOf: AS_OF, ...overrides };
}

/** `count` apps named `app-000`, `app-001`, …, so they sort by id as numbered. */
export function manyStreamsApps(count: number): StreamsAppSummary[] {
  return Array.from({ length: count }, (_, index) => aStreamsApp({ applicationId: `app-${String(index).padStart(3, '0')}` }));
}

export function aTopicUse(overrides: Partial<StreamsTopicUse> = {}): StreamsTopicUse {
  return { topic: 'shop.orders.events', role: 'source', rate: 12.5, lag: 30, exists: true, ...overrides };
}

export function aTask(overrides: Partial<StreamsTask> = {}): StreamsTask {
  return { taskId: '0_0', subtopology: '0', partition: 0, activeOn: 'order-enricher-1', standbyOn: [], lag: 30, ...overrides };
}

export function aSubtopology(overrides: Partial<StreamsSubtopology> = {}): StreamsSubtopology {
  return {
    id: '0',
    inputs: [aTopicUse()],
    outputs: [aTopicUse({ topic: REPARTITION, role: 'repartition', lag: null })],
    changelogs: [],
    sourcePatterns: [],
    lag: 30,
    tasks: [aTask()],
    ...overrides,
  };
}

/** The second sub-topology: reads the repartition topic, keeps a store, writes the output. */
export function aDownstreamSubtopology(overrides: Partial<StreamsSubtopology> = {}): StreamsSubtopology {
  return aSubtopology({
    id: '1',
    inputs: [aTopicUse({ topic: REPARTITION, role: 'repartition', rate: 12.5, lag: 0 })],
    outputs: [aTopicUse({ topic: 'shop.orders.enriched', role: 'sink', rate: 12.5, lag: null })],
    changelogs: [aTopicUse({ topic: 'order-enricher-totals-changelog', role: 'changelog', rate: 2, lag: null })],
    lag: 0,
    tasks: [aTask({ taskId: '1_0', subtopology: '1', lag: 0 })],
    ...overrides,
  });
}

export function aStreamsMember(overrides: Partial<StreamsMember> = {}): StreamsMember {
  return {
    memberId: 'm1',
    clientId: 'order-enricher-1',
    host: '10.0.0.7',
    processId: 'process-1',
    instanceId: null,
    activeTasks: ['0_0', '1_0'],
    standbyTasks: [],
    warmupTasks: [],
    ...overrides,
  };
}

export function aStore(overrides: Partial<StreamsStore> = {}): StreamsStore {
  return {
    name: 'totals',
    changelogTopic: 'order-enricher-totals-changelog',
    windowed: false,
    cleanupPolicy: 'compact',
    records: 1_000,
    sizeBytes: 52_224,
    retentionMs: 604_800_000,
    brokerDefaultRetentionMs: 604_800_000,
    restoreSeconds: 2,
    restoreRate: 500,
    ...overrides,
  };
}

/** The app's own description, as the builders' app would print it; it matches the broker unless told. */
export const DESCRIBED_TOPOLOGY = `Topologies:
   Sub-topology: 0
    Source: KSTREAM-SOURCE-0000000000 (topics: [shop.orders.events])
      --> KSTREAM-KEY-SELECT-0000000001
    Sink: KSTREAM-SINK-0000000003 (topic: ${REPARTITION})
      <-- KSTREAM-KEY-SELECT-0000000001
   Sub-topology: 1
    Source: KSTREAM-SOURCE-0000000004 (topics: [${REPARTITION}])
      --> KSTREAM-SINK-0000000005
    Sink: KSTREAM-SINK-0000000005 (topic: shop.orders.enriched)
      <-- KSTREAM-SOURCE-0000000004`;

export function aTopologyDescription(overrides: Partial<StreamsTopologyDescription> = {}): StreamsTopologyDescription {
  return { text: DESCRIBED_TOPOLOGY, givenAt: '2026-11-27T11:40:00.000Z', differences: [], ...overrides };
}

export function aStreamsAppDetail(overrides: Partial<StreamsAppDetail> = {}): StreamsAppDetail {
  return {
    ...aStreamsApp(),
    groupEpoch: 3,
    assignmentEpoch: 3,
    subtopologies: [aSubtopology(), aDownstreamSubtopology()],
    members: [aStreamsMember()],
    stores: [aStore()],
    topologyDescription: null,
    asOf: AS_OF,
    ...overrides,
  };
}
