import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { clusterName } from '../clusters/cluster-routing';
import { describes, json, operation } from '../shared/openapi';
import type { AdvisorReport } from './advisor.model';

const rule = z.enum(['durability', 'changelog', 'rocksdb', 'batching', 'consumers', 'keys', 'copartition']);
const report = describes<AdvisorReport>()(
  z
    .object({
      asOf: z.string(),
      findings: z.array(
        z.object({
          id: z.string(),
          rule,
          severity: z.enum(['critical', 'warning', 'info']),
          subject: z.object({
            kind: z.enum(['cluster', 'topic', 'consumer-group', 'streams-app', 'store', 'connector']),
            name: z.string(),
          }),
          title: z.string(),
          evidence: z.array(z.object({ label: z.string(), value: z.string(), source: z.string() })),
          fix: z.object({
            target: z.enum(['topic', 'broker', 'producer', 'consumer', 'streams-app', 'connector']),
            summary: z.string(),
            config: z.string(),
            why: z.string(),
          }),
          link: z.string(),
        }),
      ),
      skipped: z.array(z.object({ rule, reason: z.string() })),
    })
    .meta({ id: 'AdvisorReport' }),
);

/** The OpenAPI description of `advisor.routes.ts`. */
export const advisorPaths: ZodOpenApiPathsObject = {
  '/clusters/{cluster}/advisor': {
    get: operation(
      'advisor',
      'The pipeline’s tuning lessons computed from what the cluster and its apps show: each finding with its evidence and fix',
      {
        requestParams: { path: z.object({ cluster: clusterName }) },
        ok: { 200: json(report) },
      },
    ),
  },
};
