import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { clusterName } from '../clusters/cluster-routing';
import { describes, json, operation } from '../shared/openapi';
import { appMetricsQuery } from './app-metrics.routes';
import type { AppChart, AppMetrics, EndpointStatus } from './metrics.model';
import { METRICS_RANGES, type MetricsRange } from './metrics.model';

const series = z
  .array(z.number().nullable())
  .meta({ description: 'One value per point of `time`; null where nothing was measured (an endpoint down, a counter read once)' });
const endpointStatus = describes<EndpointStatus>()(
  z.object({
    name: z.string(),
    kind: z.enum(['broker', 'connect', 'streams']),
    url: z.string().meta({ description: 'As configured, without a user or password' }),
    up: z.boolean().meta({ description: 'Whether the last scrape answered metrics' }),
    error: z.string().nullable().meta({ description: 'Why the last scrape failed, in plain words; null when it did not' }),
    lastScrape: z.iso.datetime().nullable().meta({ description: 'When it last answered' }),
  }),
);
const appChart = describes<AppChart>()(
  z.object({
    id: z.string().meta({ description: 'Stable, e.g. `broker-bytes-in`' }),
    title: z.string(),
    section: z.enum(['Brokers', 'Connect', 'Streams', 'Consumers', 'Producers']),
    unit: z.enum(['bytes/s', 'records/s', 'ms', 'bytes', 'count', 'tasks']),
    series: z.array(z.object({ label: z.string(), values: series })),
  }),
);
const appMetrics = describes<AppMetrics>()(
  z
    .object({
      asOf: z.iso.datetime().nullable().meta({ description: 'When an endpoint last answered; null before' }),
      intervalSeconds: z.number(),
      range: z.enum(METRICS_RANGES as [MetricsRange, ...MetricsRange[]]),
      time: z.array(z.number()).meta({ description: 'The points (epoch ms), at most 240 over the range' }),
      endpoints: z.array(endpointStatus),
      charts: z.array(appChart).meta({
        description:
          'The charts of the kinds of endpoint the cluster lists (broker, connect, streams), one line per broker, connector, status, application or producer; lines without a value in the range are left out',
      }),
    })
    .meta({ id: 'AppMetrics' }),
);

/** The OpenAPI description of `app-metrics.routes.ts`. */
export const appMetricsPaths: ZodOpenApiPathsObject = {
  '/clusters/{cluster}/metrics/apps': {
    get: operation('metrics', "What the cluster's brokers and apps report on their Prometheus endpoints, over time", {
      description:
        "The endpoints are the cluster's `prometheus:` list; each is scraped on the metrics interval. An endpoint that does not answer never fails the call: its `error` says why.",
      requestParams: { path: z.object({ cluster: clusterName }), query: appMetricsQuery },
      ok: { 200: json(appMetrics) },
    }),
  },
};
