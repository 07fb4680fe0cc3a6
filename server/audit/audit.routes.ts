import { Router, type Request } from 'express';
import { checkSeesCluster, seesClusterNamed } from '../access/request-access';
import { z } from 'zod';
import type { ClustersService } from '../clusters/clusters.service';
import { parseQuery } from '../shared/validation';
import { auditCsv, exportFileName } from './audit-export';
import type { AuditService } from './audit.service';

const instant = z.iso.datetime({ offset: true, error: 'an ISO-8601 instant, e.g. 2026-11-27T15:00:00Z' });

export const auditQuery = z.object({
  cluster: z.string().optional(),
  action: z.string().optional(),
  actor: z.string().optional().describe('Part of the actor, in any case'),
  subject: z.string().optional().describe('Part of the subject name, in any case'),
  from: instant.optional().describe('Records asked for at or after this instant'),
  to: instant.optional().describe('Records asked for at or before this instant'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const auditExportQuery = auditQuery.extend({
  format: z.enum(['csv', 'json']),
  limit: z.coerce.number().int().min(1).max(100_000).default(10_000),
});

/**
 * `GET /api/audit?cluster=&action=&actor=&subject=&from=&to=&limit=`: the audit records,
 * newest first; `GET /api/audit/export?format=csv|json&…`: the same as a file to download.
 */
export function auditRoutes(audit: AuditService, clusters: ClustersService): Router {
  /** The cluster asked for (if the user sees it), else every cluster the user sees. */
  const scope = (req: Request, cluster: string | undefined) => {
    if (cluster === undefined) return { among: clusters.configs().filter((config) => seesClusterNamed(req, config.name)) };
    const config = clusters.get(cluster);
    checkSeesCluster(req, config.name);
    return { cluster: config };
  };
  return Router()
    .get('/audit', async (req, res) => {
      const { cluster, ...criteria } = parseQuery(auditQuery, req);
      res.json(await audit.list({ ...criteria, ...scope(req, cluster) }));
    })
    .get('/audit/export', async (req, res) => {
      const { cluster, format, ...criteria } = parseQuery(auditExportQuery, req);
      const page = await audit.list({ ...criteria, ...scope(req, cluster) });
      res.attachment(exportFileName(format, new Date()));
      if (format === 'json') res.json(page.items);
      else res.type('text/csv; charset=utf-8').send(auditCsv(page.items));
    });
}
