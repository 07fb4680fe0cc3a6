import type { Router } from 'express';
import { z } from 'zod';
import { clusterOf, clusterRouter } from '../clusters/cluster-routing';
import type { ClustersService } from '../clusters/clusters.service';
import { named, requires, visibleTo } from '../access/request-access';
import { checkPathParams, freshFlag, freshQuery, parseBody, parseQuery } from '../shared/validation';
import type { ConsumerGroupListQuery } from './consumer-group.model';
import type { ConsumerGroupsService } from './consumer-groups.service';
import type { OffsetResetService } from './offset-reset.service';

export const groupList = z.object({
  search: z.string().optional(),
  sort: z.enum(['groupId', 'state', 'memberCount', 'totalLag']).default('groupId'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(0).default(0),
  pageSize: z.coerce.number().int().min(1).max(10_000).default(10_000),
  fresh: freshFlag,
}) satisfies z.ZodType<ConsumerGroupListQuery>;

/** The path parameters of the consumer-group routes: Kafka takes any group id. */
export const consumerGroupsPathParams = { group: z.string().min(1) };

export const resetRequest = z.object({
  topics: z
    .array(
      z.object({
        topic: z.string().min(1, 'is required'),
        partitions: z.array(z.number().int().min(0)).min(1, 'name at least one partition, or leave it out for all').optional(),
      }),
    )
    .min(1, 'name at least one topic'),
  mode: z.enum(['earliest', 'latest', 'timestamp', 'duration', 'shift', 'offset']),
  value: z.union([z.string(), z.number()]).optional(),
});
const partitionOffsets = (offset: z.ZodType<number | null>) =>
  z.array(z.object({ topic: z.string().min(1), partition: z.number().int().min(0), offset }));
export const resetCommand = resetRequest.extend({
  confirm: z.literal(true, 'must be true: a reset changes what the group reads'),
  targets: partitionOffsets(z.number().int().min(0)).optional(),
  expected: partitionOffsets(z.number().int().min(0).nullable()).optional(),
});
export const deletion = z.object({ confirm: z.string().optional() });
export const undoRequest = z.object({ auditId: z.string().min(1, 'is required') });

/** Consumer groups, their lag, and replay: `/api/clusters/:cluster/consumer-groups...`. */
export function consumerGroupsRoutes(clusters: ClustersService, groups: ConsumerGroupsService, resets: OffsetResetService): Router {
  const base = '/clusters/:cluster/consumer-groups';
  const group = named('consumerGroup', 'group');
  return checkPathParams(clusterRouter(clusters), consumerGroupsPathParams)
    .get(base, async (req, res) => {
      const query = parseQuery(groupList, req);
      res.json(await groups.list(clusterOf(req), query, (ids) => visibleTo(req, 'consumerGroup', ids, (id) => id)));
    })
    .get(`${base}/:group`, requires('viewer', group), async (req, res) => {
      res.json(await groups.detail(clusterOf(req), req.params.group, parseQuery(freshQuery, req)));
    })
    .delete(`${base}/:group`, requires('admin', group), async (req, res) => {
      await groups.delete(clusterOf(req), req.params.group, parseQuery(deletion, req).confirm);
      res.status(204).end();
    })
    .post(`${base}/:group/offsets/preview`, requires('operator', group), async (req, res) => {
      const request = parseBody(resetRequest, req);
      res.json(await resets.preview(clusterOf(req), req.params.group, request));
    })
    .post(`${base}/:group/offsets/reset`, requires('operator', group), async (req, res) => {
      const command = parseBody(resetCommand, req);
      res.json(await resets.reset(clusterOf(req), req.params.group, command));
    })
    .post(`${base}/:group/offsets/undo`, requires('operator', group), async (req, res) => {
      const { auditId } = parseBody(undoRequest, req);
      res.json(await resets.undo(clusterOf(req), req.params.group, auditId));
    });
}
