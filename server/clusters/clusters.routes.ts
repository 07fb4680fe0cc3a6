import { Router } from 'express';
import type { ClustersService } from './clusters.service';

/** `GET /api/clusters` and `GET /api/clusters/:cluster/overview`. */
export function clustersRoutes(clusters: ClustersService): Router {
  return Router()
    .get('/clusters', (_req, res) => {
      res.json(clusters.list());
    })
    .get('/clusters/:cluster/overview', async (req, res) => {
      res.json(await clusters.overview(req.params.cluster));
    });
}
