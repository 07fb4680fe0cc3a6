import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { clusterName } from '../clusters/cluster-routing';
import { describes, json, operation, requestBody } from '../shared/openapi';
import { freshQuery } from '../shared/validation';
import type { OffsetChangeResult } from '../consumer-groups/consumer-group.model';
import type {
  StreamsAppDetail,
  StreamsAppPage,
  StreamsAppSummary,
  StreamsMember,
  StreamsReplayPreview,
  StreamsStore,
  StreamsSubtopology,
  StreamsTask,
  StreamsTopologyDescription,
  StreamsTopicUse,
} from './streams.model';
import { streamsAppList, streamsPathParams, streamsReplayCommand, streamsReplayRequest, topologyDescriptionChange } from './streams.routes';

const rate = z.number().nullable().meta({ description: 'Records per second, between the last two samples of the live model' });
const summaryShape = {
  applicationId: z.string(),
  protocol: z.enum(['streams', 'classic']),
  state: z.string(),
  memberCount: z.int(),
  subtopologyCount: z.int().nullable(),
  storeCount: z.int(),
  totalLag: z.int().nullable(),
  consumeRate: rate,
};
const summary = describes<StreamsAppSummary>()(z.object(summaryShape));
const asOf = z.iso.datetime().meta({ description: 'When the data was read from the cluster: the oldest part of it' });
const page = describes<StreamsAppPage>()(z.object({ items: z.array(summary), total: z.int(), asOf }).meta({ id: 'StreamsAppPage' }));
const topicUse = describes<StreamsTopicUse>()(
  z.object({
    topic: z.string(),
    role: z.enum(['source', 'sink', 'repartition', 'changelog']),
    rate,
    lag: z.int().nullable(),
    exists: z.boolean(),
  }),
);
const task = describes<StreamsTask>()(
  z.object({
    taskId: z.string(),
    subtopology: z.string(),
    partition: z.int(),
    activeOn: z.string().nullable(),
    standbyOn: z.array(z.string()),
    lag: z.int().nullable(),
  }),
);
const subtopology = describes<StreamsSubtopology>()(
  z.object({
    id: z.string(),
    inputs: z.array(topicUse),
    outputs: z.array(topicUse),
    changelogs: z.array(topicUse),
    sourcePatterns: z.array(z.string()),
    lag: z.int().nullable(),
    tasks: z.array(task),
  }),
);
const member = describes<StreamsMember>()(
  z.object({
    memberId: z.string(),
    clientId: z.string(),
    host: z.string(),
    processId: z.string(),
    instanceId: z.string().nullable(),
    activeTasks: z.array(z.string()),
    standbyTasks: z.array(z.string()),
    warmupTasks: z.array(z.string()),
  }),
);
const store = describes<StreamsStore>()(
  z.object({
    name: z.string(),
    changelogTopic: z.string(),
    windowed: z.boolean(),
    cleanupPolicy: z.string().nullable(),
    records: z.int().nullable(),
    sizeBytes: z.int().nullable(),
    retentionMs: z.int().nullable(),
    brokerDefaultRetentionMs: z.int().nullable(),
    restoreSeconds: z.number().nullable(),
    restoreRate: z.number().nullable(),
  }),
);
const topologyDescription = describes<StreamsTopologyDescription>()(
  z
    .object({
      text: z.string(),
      givenAt: z.iso.datetime(),
      differences: z.array(z.string()).meta({ description: 'Where the text and the broker disagree; empty when they agree' }),
    })
    .meta({ id: 'StreamsTopologyDescription' }),
);
const detail = describes<StreamsAppDetail>()(
  z
    .object({
      ...summaryShape,
      groupEpoch: z.int().nullable(),
      assignmentEpoch: z.int().nullable(),
      subtopologies: z.array(subtopology),
      members: z.array(member),
      stores: z.array(store),
      topologyDescription: topologyDescription.nullable(),
      asOf,
    })
    .meta({ id: 'StreamsAppDetail' }),
);

const replayPreview = describes<StreamsReplayPreview>()(
  z
    .object({
      groupId: z.string(),
      mode: z.enum(['earliest', 'latest', 'timestamp', 'duration', 'shift', 'offset']),
      value: z.union([z.string(), z.number()]).nullable(),
      resolvedTimestamp: z.number().nullable(),
      partitions: z.array(
        z.object({
          topic: z.string(),
          partition: z.int(),
          currentOffset: z.int().nullable(),
          targetOffset: z.int(),
          logStartOffset: z.int(),
          logEndOffset: z.int(),
          replayed: z.int(),
          skipped: z.int(),
        }),
      ),
      totals: z.object({ partitions: z.int(), replayed: z.int(), skipped: z.int() }),
      activeMembers: z.array(z.string()),
      inputTopics: z.array(z.string()),
      internalTopics: z.array(z.string()),
    })
    .meta({ id: 'StreamsReplayPreview' }),
);
const replayResult = describes<OffsetChangeResult>()(
  z.object({
    auditId: z.string(),
    groupId: z.string(),
    partitions: z.array(
      z.object({
        topic: z.string(),
        partition: z.int(),
        before: z.int().nullable(),
        after: z.int().nullable(),
        outcome: z.literal('applied'),
      }),
    ),
  }),
);

const tag = 'streams-apps';
const appPath = z.object({ cluster: clusterName, ...streamsPathParams });

/** The OpenAPI description of `streams.routes.ts`. */
export const streamsPaths: ZodOpenApiPathsObject = {
  '/clusters/{cluster}/streams-apps': {
    get: operation(tag, 'The Kafka Streams applications: streams groups and classic-protocol apps, with lag and rates', {
      requestParams: { path: z.object({ cluster: clusterName }), query: streamsAppList },
      ok: { 200: json(page) },
    }),
  },
  '/clusters/{cluster}/streams-apps/{applicationId}': {
    get: operation(tag, "An app's sub-topologies with live rates and lag, its tasks, members and state stores", {
      requestParams: { path: appPath, query: freshQuery },
      ok: { 200: json(detail) },
    }),
  },
  '/clusters/{cluster}/streams-apps/{applicationId}/replay/preview': {
    post: operation(tag, "Where a replay would move the app's input offsets, and its internal topics; changes nothing", {
      requestParams: { path: appPath },
      requestBody: requestBody(streamsReplayRequest),
      ok: { 200: json(replayPreview) },
    }),
  },
  '/clusters/{cluster}/streams-apps/{applicationId}/replay': {
    post: operation(tag, 'Resets every input topic of the app, audited and undoable; refused while members run', {
      requestParams: { path: appPath },
      requestBody: requestBody(streamsReplayCommand),
      ok: { 200: json(replayResult) },
      errors: { change: true },
    }),
  },
  '/clusters/{cluster}/streams-apps/{applicationId}/topology-description': {
    put: operation(tag, "Keeps the app's own Topology#describe() output: its sinks join the graph, and it is checked against the broker", {
      requestParams: { path: appPath },
      requestBody: requestBody(topologyDescriptionChange),
      ok: { 200: json(detail) },
      errors: { change: true },
    }),
    delete: operation(tag, "Forgets the app's topology description", {
      requestParams: { path: appPath },
      ok: { 204: { description: 'Forgotten' } },
      errors: { change: true },
    }),
  },
};
