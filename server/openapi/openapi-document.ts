import { z } from 'zod';
import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';
import { accessPaths } from '../access/access.openapi';
import { alertsPaths } from '../alerts/alerts.openapi';
import { oidcPaths } from '../access/oidc.openapi';
import { auditPaths } from '../audit/audit.openapi';
import { bridgePaths } from '../bridge/bridge.openapi';
import { metricsPaths } from '../metrics/metrics.openapi';
import { advisorPaths } from '../advisor/advisor.openapi';
import { clustersPaths } from '../clusters/clusters.openapi';
import { connectPaths } from '../connect/connect.openapi';
import { consumerGroupsPaths } from '../consumer-groups/consumer-groups.openapi';
import { streamsPaths } from '../streams/streams.openapi';
import { copartitionPaths } from '../copartition/copartition.openapi';
import { healthPaths } from '../health/health.openapi';
import { appMetricsPaths } from '../metrics/app-metrics.openapi';
import { PACKAGE_JSON } from '../project';
import { json, operation } from '../shared/openapi';
import { topicSearchEventSchemas, topicSearchPaths } from '../topics/topic-search.openapi';
import { topicsPaths } from '../topics/topics.openapi';

/** The OpenAPI type of the document, as `createDocument` makes it. */
export type OpenApiDocument = ReturnType<typeof createDocument>;

const documentPaths: ZodOpenApiPathsObject = {
  '/openapi.json': {
    get: operation('openapi', 'This document', {
      ok: { 200: json(z.looseObject({ openapi: z.literal('3.1.0') })) },
      errors: { cluster: false },
    }),
  },
};

/**
 * The API's OpenAPI 3.1 document, from the zod schemas the routes validate requests with and
 * the response schemas pinned to the browser's types. Paths are relative to `/api`.
 */
export function openApiDocument(): OpenApiDocument {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Kafka Pipeline Console API',
      version: PACKAGE_JSON.version,
      description:
        'Operate a Kafka pipeline: clusters, topics and messages, consumer-group replay, Kafka Connect, co-partition health, and the audit log of every change. ' +
        'Every failure answers `{ error: { code, message } }`; clients branch on the code.',
    },
    servers: [{ url: '/api' }],
    paths: {
      ...clustersPaths,
      ...topicsPaths,
      ...topicSearchPaths,
      ...consumerGroupsPaths,
      ...streamsPaths,
      ...connectPaths,
      ...copartitionPaths,
      ...bridgePaths,
      ...metricsPaths,
      ...advisorPaths,
      ...accessPaths,
      ...oidcPaths,
      ...auditPaths,
      ...alertsPaths,
      ...healthPaths,
      ...appMetricsPaths,
      ...documentPaths,
    },
    // The search's events travel as text; their data is described here, for clients to parse.
    components: { schemas: { ...topicSearchEventSchemas } },
  });
}
