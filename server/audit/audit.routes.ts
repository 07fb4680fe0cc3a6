import { Router } from 'express';
import { z } from 'zod';
import type { ClustersService } from '../clusters/clusters.service';
import { parseQuery } from '../shared/validation';
import type { AuditService } from './audit.service';

export const auditQuery = z.object({
  cluster: z.string().optional(),
  action: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** `GET /api/audit?cluster=&action=&limit=`: the audit records, newest first. */
export function auditRoutes(audit: AuditService, clusters: ClustersService): Router {
  return Router().get('/audit', async (req, res) => {
    const query = parseQuery(auditQuery, req);
    const cluster = query.cluster ? clusters.get(query.cluster) : undefined;
    res.json(await audit.list({ cluster, action: query.action, limit: query.limit }));
  });
}
