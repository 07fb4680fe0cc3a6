import type { Router } from 'express';
import { clusterOf, clusterRouter } from './cluster-routing';
import type { ClustersService } from './clusters.service';

/** `GET /api/clusters` and `GET /api/clusters/:cluster/overview`. */
export function clustersRoutes(clusters: ClustersService): Router {
  return clusterRouter(clusters)
    .get('/clusters', (_req, res) => {
      res.json(clusters.list());
    })
    .get('/clusters/:cluster/overview', async (req, res) => {
      res.json(await clusters.overview(clusterOf(req)));
    });
}
