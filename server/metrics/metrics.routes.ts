import type { Router } from 'express';
import { z } from 'zod';
import { clusterOf, clusterRouter } from '../clusters/cluster-routing';
import type { ClustersService } from '../clusters/clusters.service';
import { named, requires, visibleTo } from '../access/request-access';
import { checkPathParams, parseQuery } from '../shared/validation';
import { METRICS_RANGES } from './metrics.model';
import type { MetricsService } from './metrics.service';

export const rangeQuery = z.object({
  range: z.enum(METRICS_RANGES, `must be one of ${METRICS_RANGES.join(', ')}`).default('1h'),
});
export const overviewQuery = rangeQuery.extend({
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
});
export const metricsPathParams = { topic: z.string().min(1), group: z.string().min(1) };

/** Rates, lag and status over time: `/api/clusters/:cluster/metrics/...`. */
export function metricsRoutes(clusters: ClustersService, metrics: MetricsService): Router {
  const base = '/clusters/:cluster/metrics';
  return checkPathParams(clusterRouter(clusters), metricsPathParams)
    .get(`${base}/overview`, requires('viewer'), (req, res) => {
      const { range, limit } = parseQuery(overviewQuery, req);
      const overview = metrics.overview(clusterOf(req), range, limit);
      res.json({
        ...overview,
        topics: visibleTo(req, 'topic', overview.topics, (topic) => topic.topic),
        groups: visibleTo(req, 'consumerGroup', overview.groups, (group) => group.groupId),
      });
    })
    .get(`${base}/topics/:topic`, requires('viewer', named('topic', 'topic')), (req, res) => {
      res.json(metrics.topic(clusterOf(req), req.params.topic, parseQuery(rangeQuery, req).range));
    })
    .get(`${base}/consumer-groups/:group`, requires('viewer', named('consumerGroup', 'group')), (req, res) => {
      res.json(metrics.group(clusterOf(req), req.params.group, parseQuery(rangeQuery, req).range));
    });
}
