import type { Router } from 'express';
import { z } from 'zod';
import { clusterOf, clusterRouter } from '../clusters/cluster-routing';
import type { ClustersService } from '../clusters/clusters.service';
import { named, requires, visibleTo } from '../access/request-access';
import { resetCommand, resetRequest } from '../consumer-groups/consumer-groups.routes';
import { checkPathParams, freshFlag, freshQuery, parseBody, parseQuery } from '../shared/validation';
import type { StreamsReplayService } from './streams-replay.service';
import type { StreamsTopologies } from './streams-topologies';
import type { StreamsAppListQuery, StreamsTopologyDescriptionChange } from './streams.model';
import type { StreamsService } from './streams.service';

export const streamsAppList = z.object({
  search: z.string().optional(),
  sort: z.enum(['applicationId', 'state', 'memberCount', 'totalLag']).default('applicationId'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(0).default(0),
  pageSize: z.coerce.number().int().min(1).max(10_000).default(10_000),
  fresh: freshFlag,
}) satisfies z.ZodType<StreamsAppListQuery>;

/** A replay resets every input topic of the app: the topics are not chosen. */
export const streamsReplayRequest = resetRequest.omit({ topics: true });
export const streamsReplayCommand = resetCommand.omit({ topics: true });

export const topologyDescriptionChange = z.object({
  text: z.string().min(1, "paste the output of the app's Topology#describe()"),
}) satisfies z.ZodType<StreamsTopologyDescriptionChange>;

/** An application id is its group's id: Kafka takes any. */
export const streamsPathParams = { applicationId: z.string().min(1) };

/**
 * The Streams apps of a cluster: `/api/clusters/:cluster/streams-apps...`. An app is its
 * group, so seeing one takes what seeing that consumer group takes.
 */
export function streamsRoutes(
  clusters: ClustersService,
  streams: StreamsService,
  replays: StreamsReplayService,
  topologies: StreamsTopologies,
): Router {
  const base = '/clusters/:cluster/streams-apps';
  const app = named('consumerGroup', 'applicationId');
  return checkPathParams(clusterRouter(clusters), streamsPathParams)
    .get(base, async (req, res) => {
      const query = parseQuery(streamsAppList, req);
      res.json(await streams.list(clusterOf(req), query, (ids) => visibleTo(req, 'consumerGroup', ids, (id) => id)));
    })
    .get(`${base}/:applicationId`, requires('viewer', app), async (req, res) => {
      res.json(await streams.detail(clusterOf(req), req.params.applicationId, parseQuery(freshQuery, req)));
    })
    .post(`${base}/:applicationId/replay/preview`, requires('operator', app), async (req, res) => {
      res.json(await replays.preview(clusterOf(req), req.params.applicationId, parseBody(streamsReplayRequest, req)));
    })
    .post(`${base}/:applicationId/replay`, requires('operator', app), async (req, res) => {
      res.json(await replays.replay(clusterOf(req), req.params.applicationId, parseBody(streamsReplayCommand, req)));
    })
    .put(`${base}/:applicationId/topology-description`, requires('operator', app), async (req, res) => {
      const { text } = parseBody(topologyDescriptionChange, req);
      const cluster = clusterOf(req);
      // Only for an app the cluster knows: a typo in the id must not keep a description no page shows.
      await streams.topicsOf(cluster, req.params.applicationId);
      await topologies.set(cluster, req.params.applicationId, text);
      res.json(await streams.detail(cluster, req.params.applicationId));
    })
    .delete(`${base}/:applicationId/topology-description`, requires('operator', app), async (req, res) => {
      await topologies.remove(clusterOf(req), req.params.applicationId);
      res.status(204).end();
    });
}
