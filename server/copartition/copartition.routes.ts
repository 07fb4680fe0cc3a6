import type { Router } from 'express';
import { z } from 'zod';
import { clusterOf, clusterRouter } from '../clusters/cluster-routing';
import type { ClustersService } from '../clusters/clusters.service';
import { requires } from '../access/request-access';
import { checkPathParams, parseBody } from '../shared/validation';
import { CHECK_BUDGET, type CopartitionService } from './copartition.service';

const topicNames = z.array(z.string().min(1)).min(2, 'name at least two topics');
export const check = z.object({
  topics: topicNames,
  samplePerPartition: z.number().int().min(1).max(CHECK_BUDGET.maxPerPartition).optional(),
});
const groupName = z.string().regex(/^[\w .:-]{1,100}$/, 'use letters, digits, spaces, ".", ":", "_" or "-" (at most 100)');
/** The path parameters of the co-partition routes. */
export const copartitionPathParams = { name: groupName, id: z.string().min(1) };
export const declaration = z.object({ name: groupName, topics: topicNames });
export const redeclaration = z.object({ topics: topicNames });

/** Co-partition health: `/api/clusters/:cluster/copartition...`. */
export function copartitionRoutes(clusters: ClustersService, copartition: CopartitionService): Router {
  const base = '/clusters/:cluster/copartition';
  return checkPathParams(clusterRouter(clusters), copartitionPathParams)
    .get(base, async (req, res) => {
      res.json({ groups: await copartition.health(clusterOf(req)) });
    })
    .post(`${base}/check`, async (req, res) => {
      const { topics, samplePerPartition } = parseBody(check, req);
      res.status(202).json(await copartition.startCheck(clusterOf(req), topics, samplePerPartition));
    })
    .get(`${base}/checks/:id`, (req, res) => {
      res.json(copartition.job(req.params.id));
    })
    .post(`${base}/groups`, requires('admin'), async (req, res) => {
      res.status(201).json(await copartition.declare(clusterOf(req), parseBody(declaration, req)));
    })
    .put(`${base}/groups/:name`, requires('admin'), async (req, res) => {
      const { topics } = parseBody(redeclaration, req);
      res.json(await copartition.declare(clusterOf(req), { name: req.params.name, topics }));
    })
    .delete(`${base}/groups/:name`, requires('admin'), async (req, res) => {
      await copartition.undeclare(clusterOf(req), req.params.name);
      res.status(204).end();
    });
}
