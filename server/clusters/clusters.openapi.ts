import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { freshQuery } from '../shared/validation';
import { describes, json, operation } from '../shared/openapi';
import type { BrokerSummary, ClusterOverview, ClusterSummary } from './cluster.model';
import { clusterName } from './cluster-routing';

const clusterSummary = describes<ClusterSummary>()(
  z
    .object({
      name: z.string(),
      bootstrapServers: z.array(z.string()),
      authentication: z.string(),
      tls: z.boolean(),
      embedded: z.boolean(),
      connectClusters: z.array(z.object({ name: z.string() })),
    })
    .meta({ id: 'ClusterSummary' }),
);

const brokerSummary = describes<BrokerSummary>()(
  z.object({
    id: z.int(),
    host: z.string(),
    port: z.int(),
    rack: z.string().nullable(),
    isController: z.boolean(),
    leaderPartitions: z.int(),
    replicaPartitions: z.int(),
  }),
);

const clusterOverview = describes<ClusterOverview>()(
  z
    .object({
      cluster: z.string(),
      clusterId: z.string(),
      controllerId: z.int(),
      brokers: z.array(brokerSummary),
      topicCount: z.int(),
      internalTopicCount: z.int(),
      partitionCount: z.int(),
      underReplicatedPartitions: z.int(),
      offlinePartitions: z.int(),
      asOf: z.iso.datetime().meta({ description: 'When the metadata was read from the cluster' }),
    })
    .meta({ id: 'ClusterOverview' }),
);

/** The path parameter every `/clusters/{cluster}/...` operation has. */
export const clusterPath = z.object({ cluster: clusterName });

/** The OpenAPI description of `clusters.routes.ts`. */
export const clustersPaths: ZodOpenApiPathsObject = {
  '/clusters': {
    get: operation('clusters', 'The configured clusters, without credentials', {
      ok: { 200: json(z.array(clusterSummary)) },
      errors: { cluster: false },
    }),
  },
  '/clusters/{cluster}/overview': {
    get: operation('clusters', "A cluster's brokers, topic and partition counts, and partitions at risk", {
      requestParams: { path: clusterPath, query: freshQuery },
      ok: { 200: json(clusterOverview) },
    }),
  },
};
