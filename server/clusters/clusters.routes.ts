import type { Router } from 'express';
import { seesClusterNamed } from '../access/request-access';
import { freshQuery, parseQuery } from '../shared/validation';
import { clusterOf, clusterRouter } from './cluster-routing';
import type { ClustersService } from './clusters.service';

/** `GET /api/clusters` and `GET /api/clusters/:cluster/overview`. */
export function clustersRoutes(clusters: ClustersService): Router {
  return clusterRouter(clusters)
    .get('/clusters', (req, res) => {
      res.json(clusters.list().filter((cluster) => seesClusterNamed(req, cluster.name)));
    })
    .get('/clusters/:cluster/overview', async (req, res) => {
      res.json(await clusters.overview(clusterOf(req), parseQuery(freshQuery, req)));
    });
}
