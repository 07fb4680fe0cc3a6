import type { Router } from 'express';
import { clusterOf, clusterRouter } from '../clusters/cluster-routing';
import type { ClustersService } from '../clusters/clusters.service';
import { requires } from '../access/request-access';
import type { AdvisorService } from './advisor.service';

/** The Advisor's findings: `/api/clusters/:cluster/advisor`. */
export function advisorRoutes(clusters: ClustersService, advisor: AdvisorService): Router {
  return clusterRouter(clusters).get('/clusters/:cluster/advisor', requires('viewer'), async (req, res) => {
    res.json(await advisor.report(clusterOf(req)));
  });
}
