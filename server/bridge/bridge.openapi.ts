import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { clusterName } from '../clusters/cluster-routing';
import { describes, json, operation, requestBody } from '../shared/openapi';
import type {
  BridgeHealth,
  BridgeSettings,
  BridgeSource,
  BridgeSources,
  FilePosition,
  PublishedSequence,
  RecordRef,
  RestartPoint,
  SequenceCheckJob,
  SequenceReport,
} from './bridge.model';
import { bridgePathParams, checkRequest, settingsChange } from './bridge.routes';

const recordRef = describes<RecordRef>()(z.object({ partition: z.int(), offset: z.int() }));
const bridgeSettings = describes<BridgeSettings>()(
  z.object({ sequenceField: z.string(), keyField: z.string().nullable() }).meta({ id: 'BridgeSettings' }),
);
const publishedSequence = describes<PublishedSequence>()(
  z.object({
    sequence: z.int().nullable(),
    record: recordRef.nullable(),
    partitions: z.array(z.object({ partition: z.int(), endOffset: z.int(), offset: z.int().nullable(), sequence: z.int().nullable() })),
    problem: z.string().optional(),
  }),
);
const filePosition = describes<FilePosition>()(
  z.object({
    file: z.string(),
    position: z.int(),
    linesCommitted: z.int(),
    committedSequence: z.int().nullable(),
    nextLine: z.int().nullable(),
    nextSequence: z.int().nullable(),
  }),
);
const restartPoint = describes<RestartPoint>()(
  z.object({
    sourcePartition: z.record(z.string(), z.unknown()),
    offset: z.record(z.string(), z.unknown()).nullable(),
    filePosition: filePosition.nullable(),
    untranslatable: z.string().optional(),
    publishedPastRestart: z.int().nullable(),
  }),
);
const bridgeSource = describes<BridgeSource>()(
  z.object({
    connectCluster: z.string(),
    connector: z.string(),
    className: z.string(),
    state: z.string(),
    restartPoints: z.array(restartPoint),
    problem: z.string().optional(),
  }),
);
const bridgeHealth = describes<BridgeHealth>()(
  z
    .object({
      topic: z.string(),
      settings: bridgeSettings,
      published: publishedSequence,
      sources: z.array(bridgeSource),
      connectProblems: z.array(z.string()),
      asOf: z.string(),
    })
    .meta({ id: 'BridgeHealth' }),
);
const bridgeSources = describes<BridgeSources>()(
  z.object({
    topic: z.string(),
    sources: z.array(z.object({ connectCluster: z.string(), connector: z.string(), className: z.string(), state: z.string() })),
    connectProblems: z.array(z.string()),
  }),
);
const sequenceReport = describes<SequenceReport>()(
  z
    .object({
      topic: z.string(),
      sequenceField: z.string(),
      keyField: z.string().nullable(),
      scanned: z.array(
        z.object({ partition: z.int(), fromOffset: z.int(), toOffset: z.int(), fromLogStart: z.boolean(), toLogEnd: z.boolean() }),
      ),
      recordsRead: z.int(),
      stoppedEarly: z.string().optional(),
      lowest: z.int().nullable(),
      highest: z.int().nullable(),
      gapSpan: z.object({ from: z.int(), to: z.int() }).nullable(),
      duplicates: z.object({
        records: z.int(),
        sequences: z.int(),
        examples: z.array(z.object({ sequence: z.int(), records: z.array(recordRef) })),
      }),
      gaps: z.object({
        missing: z.int(),
        ranges: z.int(),
        examples: z.array(
          z.object({ from: z.int(), to: z.int(), missing: z.int(), before: recordRef.nullable(), after: recordRef.nullable() }),
        ),
      }),
      outOfOrder: z.object({
        records: z.int(),
        examples: z.array(
          z.object({ key: z.string(), sequence: z.int(), previousSequence: z.int(), record: recordRef, previousRecord: recordRef }),
        ),
      }),
      withoutSequence: z.object({ records: z.int(), examples: z.array(recordRef) }),
      verdict: z.enum(['ok', 'duplicates', 'gaps', 'no-sequence']),
      summary: z.string(),
      checkedAt: z.string(),
    })
    .meta({ id: 'SequenceReport' }),
);
const checkJob = describes<SequenceCheckJob>()(
  z
    .object({
      id: z.string(),
      status: z.enum(['running', 'done', 'failed']),
      progress: z.object({ recordsRead: z.int(), recordsPlanned: z.int() }),
      report: sequenceReport.optional(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    })
    .meta({ id: 'SequenceCheckJob' }),
);

const topicPath = z.object({ cluster: clusterName, topic: bridgePathParams.topic });
const tag = 'bridge';
const base = '/clusters/{cluster}/topics/{topic}/bridge';

/** The OpenAPI description of `bridge.routes.ts`. */
export const bridgePaths: ZodOpenApiPathsObject = {
  [base]: {
    get: operation(tag, 'The highest sequence published to a topic, and where each source connector publishing to it resumes', {
      requestParams: { path: topicPath, query: z.object({ fresh: z.enum(['true', 'false']).optional() }) },
      ok: { 200: json(bridgeHealth) },
    }),
  },
  [`${base}/sources`]: {
    get: operation(tag, 'The source connectors that publish to a topic', {
      requestParams: { path: topicPath },
      ok: { 200: json(bridgeSources) },
    }),
  },
  [`${base}/settings`]: {
    get: operation(tag, 'Where the events of a topic keep their sequence (and key)', {
      requestParams: { path: topicPath },
      ok: { 200: json(bridgeSettings) },
    }),
    put: operation(tag, 'Sets where the events of a topic keep their sequence (and key); kept in the cluster, audited', {
      requestParams: { path: topicPath },
      requestBody: requestBody(settingsChange),
      ok: { 200: json(bridgeSettings) },
      errors: { change: true },
    }),
  },
  [`${base}/checks`]: {
    post: operation(tag, 'Starts a bounded check of the sequence for gaps and duplicates; poll its job', {
      requestParams: { path: topicPath },
      requestBody: requestBody(checkRequest),
      ok: { 202: json(checkJob, 'Started') },
      errors: { also: [413, 415] },
    }),
  },
  [`${base}/checks/{id}`]: {
    get: operation(tag, 'A running or finished check of the sequence', {
      requestParams: { path: z.object({ cluster: clusterName, topic: bridgePathParams.topic, id: bridgePathParams.id }) },
      ok: { 200: json(checkJob) },
    }),
  },
};
