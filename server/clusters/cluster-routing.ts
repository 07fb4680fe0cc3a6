import { Router, type Request } from 'express';
import { z } from 'zod';
import { checkSeesCluster } from '../access/request-access';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { ClustersService } from './clusters.service';

/** The `:cluster` path parameter: a cluster the console is configured with, else 404. */
export const clusterName = z.string().min(1).meta({ description: 'The name of a configured cluster', example: 'local' });

const resolvedClusters = new WeakMap<Request, ClusterConfig>();

/**
 * A feature's router whose `:cluster` path parameter is resolved once per request, before any
 * of its routes runs: to the configured cluster, or 404 CLUSTER_NOT_FOUND, and refused (403)
 * when the user has no role on it at all. Routes then read it
 * with {@link clusterOf} instead of looking it up again.
 */
export function clusterRouter(clusters: ClustersService): Router {
  return Router().param('cluster', (req, _res, next, name: string) => {
    try {
      resolvedClusters.set(req, clusters.get(name));
      checkSeesCluster(req, name);
      next();
    } catch (err) {
      next(err);
    }
  });
}

/** The cluster that the request's `:cluster` names; only on routes of a {@link clusterRouter}. */
export function clusterOf(req: Request): ClusterConfig {
  const cluster = resolvedClusters.get(req);
  if (!cluster) throw new Error(`${req.method} ${req.route?.path ?? req.path} has no resolved :cluster parameter`);
  return cluster;
}
