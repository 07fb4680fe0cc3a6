import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { connectorOffset } from '../audit/audit.openapi';
import { clusterName } from '../clusters/cluster-routing';
import { describes, json, operation, requestBody, type ErrorSet } from '../shared/openapi';
import type {
  ConfigDefinition,
  ConfigFieldValidation,
  ConfigValidation,
  ConnectClusterSummary,
  ConnectorDetail,
  ConnectorOffsets,
  ConnectorPlugin,
  ConnectorSummary,
  ConnectorTopicCheck,
  ConnectorTask,
  OffsetsChangeResult,
} from './connect.model';
import { alter, configChange, confirmQuery, connectPathParams, newConnector, restart, rewind } from './connect.routes';

const connectorType = z.enum(['source', 'sink', 'unknown']);
const connectorState = z.enum(['RUNNING', 'PAUSED', 'STOPPED', 'FAILED', 'UNASSIGNED', 'RESTARTING']);

const connectClusterSummary = describes<ConnectClusterSummary>()(
  z.object({ name: z.string(), url: z.string(), reachable: z.boolean(), version: z.string().nullable(), problem: z.string().optional() }),
);
const connectorTask = describes<ConnectorTask>()(
  z.object({ id: z.int(), state: connectorState, workerId: z.string(), trace: z.string().optional() }),
);
const summaryShape = {
  connectCluster: z.string(),
  name: z.string(),
  type: connectorType,
  className: z.string(),
  state: connectorState,
  workerId: z.string(),
  tasks: z.array(connectorTask),
  failedTaskCount: z.int(),
  topics: z.array(z.string()),
};
const connectorSummary = describes<ConnectorSummary>()(z.object(summaryShape));
const topicCheck = describes<ConnectorTopicCheck>()(
  z
    .object({ topics: z.array(z.string()), missing: z.array(z.string()), createdByConnect: z.boolean(), cannotTell: z.string().optional() })
    .meta({ id: 'ConnectorTopicCheck' }),
);
const connectorDetail = describes<ConnectorDetail>()(
  z
    .object({
      ...summaryShape,
      config: z.record(z.string(), z.string()),
      trace: z.string().optional(),
      activeTopics: z.array(z.string()),
      topicCheck: topicCheck.nullable(),
      warning: z.string().optional(),
    })
    .meta({ id: 'ConnectorDetail' }),
);
const connectorPlugin = describes<ConnectorPlugin>()(
  z.object({ className: z.string(), type: connectorType, version: z.string(), allowed: z.boolean() }),
);
const configDefinition = describes<ConfigDefinition>()(
  z.object({
    name: z.string(),
    type: z.string(),
    required: z.boolean(),
    defaultValue: z.string().nullable(),
    importance: z.enum(['HIGH', 'MEDIUM', 'LOW']),
    documentation: z.string(),
    group: z.string().nullable(),
    orderInGroup: z.int(),
    displayName: z.string(),
    dependents: z.array(z.string()),
  }),
);
const configFieldValidation = describes<ConfigFieldValidation>()(
  z.object({
    definition: configDefinition,
    value: z.string().nullable(),
    recommendedValues: z.array(z.string()),
    errors: z.array(z.string()),
    visible: z.boolean(),
  }),
);
const configValidation = describes<ConfigValidation>()(
  z
    .object({
      plugin: z.string(),
      errorCount: z.int(),
      groups: z.array(z.string()),
      fields: z.array(configFieldValidation),
      topicCheck: topicCheck.nullable(),
    })
    .meta({ id: 'ConfigValidation' }),
);
// A sink's offsets are a special case of a source's maps; one schema describes both.
const connectorOffsets = describes<ConnectorOffsets>()(
  z.object({ connector: z.string(), type: connectorType, offsets: z.array(connectorOffset) }).meta({ id: 'ConnectorOffsets' }),
);
const offsetsChangeResult = describes<OffsetsChangeResult>()(
  z
    .object({ connector: z.string(), before: connectorOffsets, after: connectorOffsets, auditId: z.string(), state: connectorState })
    .meta({ id: 'OffsetsChangeResult' }),
);

const { connect, name, plugin, task } = connectPathParams;
const workerPath = z.object({ cluster: clusterName, connect });
const connectorPath = z.object({ cluster: clusterName, connect, name });
const tag = 'connect';
const reads: ErrorSet = { connect: true };
const changes: ErrorSet = { connect: true, change: true };
const base = '/clusters/{cluster}/connect/{connect}';
const connector = `${base}/connectors/{name}`;

/** An action on one connector that takes no body and answers the connector. */
const action = (summary: string, body?: z.ZodType) =>
  operation(tag, summary, {
    requestParams: { path: connectorPath },
    ...(body && { requestBody: requestBody(body, false) }),
    ok: { 200: json(connectorDetail) },
    errors: changes,
  });

/** The OpenAPI description of `connect.routes.ts`. */
export const connectPaths: ZodOpenApiPathsObject = {
  '/clusters/{cluster}/connect': {
    get: operation(tag, "The cluster's Connect clusters and whether each answers", {
      requestParams: { path: z.object({ cluster: clusterName }) },
      ok: { 200: json(z.array(connectClusterSummary)) },
    }),
  },
  [`${base}/connectors`]: {
    get: operation(tag, 'The connectors with their state and tasks', {
      requestParams: { path: workerPath },
      ok: { 200: json(z.array(connectorSummary)) },
      errors: reads,
    }),
    post: operation(tag, 'Creates a connector after the worker validated its config', {
      requestParams: { path: workerPath },
      requestBody: requestBody(newConnector),
      ok: { 201: json(connectorDetail, 'Created') },
      errors: changes,
    }),
  },
  [`${base}/plugins`]: {
    get: operation(tag, 'The connector plugins the worker has', {
      requestParams: { path: workerPath },
      ok: { 200: json(z.array(connectorPlugin)) },
      errors: reads,
    }),
  },
  [`${base}/plugins/{plugin}/validate`]: {
    put: operation(tag, "The worker's validation of a config, per field (secrets masked)", {
      requestParams: { path: workerPath.extend({ plugin }) },
      requestBody: requestBody(configChange),
      ok: { 200: json(configValidation) },
      errors: changes,
    }),
  },
  [connector]: {
    get: operation(tag, 'A connector with its config (secrets masked) and the topics it uses', {
      requestParams: { path: connectorPath },
      ok: { 200: json(connectorDetail) },
      errors: reads,
    }),
    delete: operation(tag, 'Deletes a connector; `confirm` must repeat its name', {
      requestParams: { path: connectorPath, query: confirmQuery },
      ok: { 204: { description: 'Deleted' } },
      errors: changes,
    }),
  },
  [`${connector}/config`]: {
    put: operation(tag, "Replaces a connector's config (masked secrets keep their value)", {
      requestParams: { path: connectorPath },
      requestBody: requestBody(configChange),
      ok: { 200: json(connectorDetail) },
      errors: changes,
    }),
  },
  [`${connector}/restart`]: { post: action('Restarts a connector, and its tasks or only the failed ones', restart) },
  [`${connector}/pause`]: { post: action('Pauses a connector and its tasks') },
  [`${connector}/resume`]: { post: action('Resumes a paused or stopped connector') },
  [`${connector}/stop`]: { post: action('Stops a connector: no tasks run, its config stays (KIP-875)') },
  [`${connector}/tasks/{task}/restart`]: {
    post: operation(tag, 'Restarts one task', {
      requestParams: { path: connectorPath.extend({ task }) },
      ok: { 200: json(connectorDetail) },
      errors: changes,
    }),
  },
  [`${connector}/offsets`]: {
    get: operation(tag, "A connector's offsets (KIP-875)", {
      requestParams: { path: connectorPath },
      ok: { 200: json(connectorOffsets) },
      errors: reads,
    }),
    patch: operation(tag, "Alters a stopped connector's offsets, with an audit record", {
      requestParams: { path: connectorPath },
      requestBody: requestBody(alter),
      ok: { 200: json(offsetsChangeResult) },
      errors: changes,
    }),
    delete: operation(tag, "Resets a stopped connector's offsets; needs `?confirm=true`", {
      requestParams: { path: connectorPath, query: confirmQuery },
      ok: { 200: json(offsetsChangeResult) },
      errors: changes,
    }),
  },
  [`${connector}/offsets/rewind`]: {
    post: operation(tag, 'Stops, alters or resets the offsets, and resumes: one step', {
      requestParams: { path: connectorPath },
      requestBody: requestBody(rewind),
      ok: { 200: json(offsetsChangeResult) },
      errors: changes,
    }),
  },
};
