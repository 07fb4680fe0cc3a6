import type { Router } from 'express';
import { z } from 'zod';
import { clusterOf, clusterRouter } from '../clusters/cluster-routing';
import type { ClustersService } from '../clusters/clusters.service';
import { parseQuery } from '../shared/validation';
import type { AppMetricsService } from './app-metrics.service';
import { METRICS_RANGES, type MetricsRange } from './metrics.model';

/** `?range=`: how far back the charts look; an hour when left out. */
export const appMetricsQuery = z.object({
  range: z
    .enum(METRICS_RANGES as [MetricsRange, ...MetricsRange[]], { error: `use one of ${METRICS_RANGES.join(', ')}` })
    .default('1h')
    .meta({ description: 'How far back the charts look' }),
});

/**
 * `GET /api/clusters/:cluster/metrics/apps?range=`: what the cluster's brokers and apps report
 * on their Prometheus endpoints over time, and how each endpoint's last scrape went.
 */
export function appMetricsRoutes(clusters: ClustersService, appMetrics: AppMetricsService): Router {
  return clusterRouter(clusters).get('/clusters/:cluster/metrics/apps', (req, res) => {
    const { range } = parseQuery(appMetricsQuery, req);
    res.json(appMetrics.metrics(clusterOf(req), range));
  });
}
