import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { clusterName } from '../clusters/cluster-routing';
import { describes, json, operation, requestBody } from '../shared/openapi';
import type {
  CheckJob,
  CopartitionGroup,
  CopartitionReport,
  Finding,
  GroupHealth,
  KeyEvidence,
  MisplacedRecord,
  KeyPlacement,
  TopicSample,
} from './copartition.model';
import { check, copartitionPathParams, declaration, redeclaration } from './copartition.routes';

const cause = z.enum(['partition-count', 'schema-id', 'encoding', 'custom-partitioner', 'partitions-added', 'misplaced-key']);

const copartitionGroup = describes<CopartitionGroup>()(
  z
    .object({
      id: z.string(),
      name: z.string(),
      origin: z.enum(['declared', 'consumer-group', 'streams-app']),
      topics: z.array(z.string()),
      reason: z.string(),
    })
    .meta({ id: 'CopartitionGroup' }),
);
const keyPlacement = describes<KeyPlacement>()(
  z.object({ topic: z.string(), partition: z.int(), expectedPartition: z.int(), schemaId: z.int().nullable(), keyHex: z.string() }),
);
const misplacedRecord = describes<MisplacedRecord>()(z.object({ topic: z.string(), partition: z.int(), offset: z.int() }));
const keyEvidence = describes<KeyEvidence>()(
  z.object({
    key: z.string(),
    placements: z.array(keyPlacement),
    cause,
    homePartition: z.int(),
    misplaced: z.array(misplacedRecord),
    misplacedCount: z.int(),
  }),
);
const finding = describes<Finding>()(
  z.object({ cause, summary: z.string(), fix: z.string(), keys: z.array(keyEvidence), keyCount: z.int() }),
);
const topicSample = describes<TopicSample>()(
  z.object({
    topic: z.string(),
    partitions: z.int(),
    recordsSampled: z.int(),
    keysWithSchemaId: z.int(),
    recordsOffMurmur2: z.int(),
  }),
);
const copartitionReport = describes<CopartitionReport>()(
  z
    .object({
      group: copartitionGroup,
      verdict: z.enum(['healthy', 'at-risk', 'broken', 'unknown']),
      summary: z.string(),
      findings: z.array(finding),
      topics: z.array(topicSample),
      commonKeys: z.int(),
      checkedAt: z.string(),
    })
    .meta({ id: 'CopartitionReport' }),
);
const checkJob = describes<CheckJob>()(
  z
    .object({
      id: z.string(),
      status: z.enum(['running', 'done', 'failed']),
      progress: z.object({ partitionsRead: z.int(), partitionsTotal: z.int(), recordsRead: z.int() }),
      report: copartitionReport.optional(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    })
    .meta({ id: 'CheckJob' }),
);
const groupHealth = describes<GroupHealth>()(
  z.object({ group: copartitionGroup, report: copartitionReport.nullable(), problem: z.string().optional() }),
);

const basePath = z.object({ cluster: clusterName });
const groupPath = z.object({ cluster: clusterName, name: copartitionPathParams.name });
const tag = 'copartition';

/** The OpenAPI description of `copartition.routes.ts`. */
export const copartitionPaths: ZodOpenApiPathsObject = {
  '/clusters/{cluster}/copartition': {
    get: operation(tag, 'The co-partition groups found or declared, with their last report', {
      requestParams: { path: basePath },
      ok: { 200: json(z.object({ groups: z.array(groupHealth) })) },
    }),
  },
  '/clusters/{cluster}/copartition/check': {
    post: operation(tag, 'Starts a bounded check of topics that must be co-partitioned; poll its job', {
      requestParams: { path: basePath },
      requestBody: requestBody(check),
      ok: { 202: json(checkJob, 'Started') },
      errors: { also: [404, 413, 415] },
    }),
  },
  '/clusters/{cluster}/copartition/checks/{id}': {
    get: operation(tag, 'A running or finished check', {
      requestParams: { path: z.object({ cluster: clusterName, id: copartitionPathParams.id }) },
      ok: { 200: json(checkJob) },
    }),
  },
  '/clusters/{cluster}/copartition/groups': {
    post: operation(tag, 'Declares topics that must be co-partitioned', {
      requestParams: { path: basePath },
      requestBody: requestBody(declaration),
      ok: { 201: json(copartitionGroup, 'Declared') },
      errors: { change: true },
    }),
  },
  '/clusters/{cluster}/copartition/groups/{name}': {
    put: operation(tag, 'Changes the topics of a declared group (or declares it)', {
      requestParams: { path: groupPath },
      requestBody: requestBody(redeclaration),
      ok: { 200: json(copartitionGroup) },
      errors: { change: true },
    }),
    delete: operation(tag, 'Removes a declared group', {
      requestParams: { path: groupPath },
      ok: { 204: { description: 'Removed' } },
      errors: { change: true },
    }),
  },
};
