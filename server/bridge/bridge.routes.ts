import type { Router } from 'express';
import { z } from 'zod';
import { named, requires } from '../access/request-access';
import { clusterOf, clusterRouter } from '../clusters/cluster-routing';
import type { ClustersService } from '../clusters/clusters.service';
import { checkPathParams, freshQuery, parseBody, parseQuery } from '../shared/validation';
import { topicName } from '../topics/topics.routes';
import type { BridgeSettingsChange, SequenceCheckRequest } from './bridge.model';
import { CHECK_BUDGET, type BridgeService } from './bridge.service';
import { FIELD_PATH, FIELD_PATH_RULE, MAX_FIELD_PATH } from './sequence-field';

const fieldPath = z.string().trim().max(MAX_FIELD_PATH, `at most ${MAX_FIELD_PATH} characters`).regex(FIELD_PATH, FIELD_PATH_RULE);
/** The path parameters of the bridge routes. */
export const bridgePathParams = { topic: topicName, id: z.string().min(1) };
export const settingsChange = z.object({
  sequenceField: fieldPath,
  keyField: z.union([fieldPath, z.literal(''), z.null()]).optional(),
}) satisfies z.ZodType<BridgeSettingsChange>;
export const checkRequest = z.object({
  limit: z.number().int().min(1).max(CHECK_BUDGET.maxRecords, `a check reads at most ${CHECK_BUDGET.maxRecords} records`).optional(),
  fromOffset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  partition: z.number().int().min(0).optional(),
}) satisfies z.ZodType<SequenceCheckRequest>;

/** The bridge's health of a topic: `/api/clusters/:cluster/topics/:topic/bridge...`. */
export function bridgeRoutes(clusters: ClustersService, bridge: BridgeService): Router {
  const base = '/clusters/:cluster/topics/:topic/bridge';
  const topic = named('topic', 'topic');
  return checkPathParams(clusterRouter(clusters), bridgePathParams)
    .get(base, requires('viewer', topic), async (req, res) => {
      const { fresh } = parseQuery(freshQuery, req);
      res.json(await bridge.health(clusterOf(req), req.params.topic, { fresh }));
    })
    .get(`${base}/sources`, requires('viewer', topic), async (req, res) => {
      res.json(await bridge.sources(clusterOf(req), req.params.topic));
    })
    .get(`${base}/settings`, requires('viewer', topic), async (req, res) => {
      res.json(await bridge.settings(clusterOf(req), req.params.topic));
    })
    .put(`${base}/settings`, requires('operator', topic), async (req, res) => {
      res.json(await bridge.setSettings(clusterOf(req), req.params.topic, parseBody(settingsChange, req)));
    })
    .post(`${base}/checks`, requires('viewer', topic), async (req, res) => {
      res.status(202).json(await bridge.startCheck(clusterOf(req), req.params.topic, parseBody(checkRequest, req)));
    })
    .get(`${base}/checks/:id`, requires('viewer', topic), (req, res) => {
      res.json(bridge.job(req.params.id));
    });
}
