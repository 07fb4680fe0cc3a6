import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { clusterName } from '../clusters/cluster-routing';
import { describes, json, operation } from '../shared/openapi';
import {
  METRICS_RANGES,
  type GroupHistory,
  type GroupMeasure,
  type MetricsOverview,
  type TopicHistory,
  type TopicMeasure,
} from './metrics.model';
import { metricsPathParams, overviewQuery, rangeQuery } from './metrics.routes';

const series = z.array(z.number().nullable());
const status = z.enum(['OK', 'WARN', 'STALL', 'STOP', 'REWIND', 'ERR']);
const rule = z.enum([
  'no-lag',
  'stopped',
  'caught-up-in-window',
  'rewind',
  'stalled',
  'lag-not-decreasing',
  'lag-decreasing',
  'too-few-samples',
  'worst-partition',
]);
const header = {
  asOf: z.string().nullable(),
  intervalSeconds: z.number(),
  range: z.enum(METRICS_RANGES),
  time: z.array(z.number()),
};
const topicMeasure = describes<TopicMeasure>()(
  z
    .object({
      topic: z.string(),
      partitions: z.int(),
      recordsPerSecond: z.number().nullable(),
      bytesPerSecond: z.number().nullable(),
      sizeBytes: z.number().nullable(),
    })
    .meta({ id: 'TopicMeasure' }),
);
const groupFigures = {
  groupId: z.string(),
  type: z.string(),
  state: z.string(),
  lag: z.number(),
  lagSeconds: z.number().nullable(),
  consumeRate: z.number().nullable(),
  catchUpSeconds: z.number().nullable(),
  status,
  rule,
};
const groupMeasure = describes<GroupMeasure>()(
  z
    .object({
      ...groupFigures,
      partitions: z.array(
        z.object({
          topic: z.string(),
          partition: z.int(),
          committedOffset: z.number(),
          endOffset: z.number(),
          lag: z.number(),
          lagSeconds: z.number().nullable(),
          status,
          rule,
        }),
      ),
    })
    .meta({ id: 'GroupMeasure' }),
);
const overview = describes<MetricsOverview>()(
  z
    .object({
      ...header,
      topics: z.array(topicMeasure.extend({ rateHistory: series })),
      groups: z.array(z.object({ ...groupFigures, lagHistory: series, lagSecondsHistory: series })),
    })
    .meta({ id: 'MetricsOverview' }),
);
const topicHistory = describes<TopicHistory>()(
  z
    .object({
      topic: z.string(),
      ...header,
      recordsPerSecond: series,
      bytesPerSecond: series,
      sizeBytes: series,
      current: topicMeasure.nullable(),
    })
    .meta({ id: 'TopicHistory' }),
);
const groupHistory = describes<GroupHistory>()(
  z
    .object({
      groupId: z.string(),
      ...header,
      lag: series,
      lagSeconds: series,
      consumeRate: series,
      status: z.array(status.nullable()),
      current: groupMeasure.nullable(),
    })
    .meta({ id: 'GroupHistory' }),
);

const tag = 'metrics';
const base = '/clusters/{cluster}/metrics';

/** The OpenAPI description of `metrics.routes.ts`. */
export const metricsPaths: ZodOpenApiPathsObject = {
  [`${base}/overview`]: {
    get: operation(
      tag,
      'Every topic’s rate and every group’s lag and status now, with sparklines: the busiest topics and the worst groups first',
      {
        requestParams: { path: z.object({ cluster: clusterName }), query: overviewQuery },
        ok: { 200: json(overview) },
      },
    ),
  },
  [`${base}/topics/{topic}`]: {
    get: operation(tag, 'A topic’s produce rate and size over time', {
      requestParams: { path: z.object({ cluster: clusterName, topic: metricsPathParams.topic }), query: rangeQuery },
      ok: { 200: json(topicHistory) },
    }),
  },
  [`${base}/consumer-groups/{group}`]: {
    get: operation(tag, 'A group’s lag in records and in seconds, consume rate and status by Burrow’s rules over time', {
      requestParams: { path: z.object({ cluster: clusterName, group: metricsPathParams.group }), query: rangeQuery },
      ok: { 200: json(groupHistory) },
    }),
  },
};
