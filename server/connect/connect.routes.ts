import type { Request, Router } from 'express';
import { z } from 'zod';
import { clusterOf, clusterRouter } from '../clusters/cluster-routing';
import type { ClustersService } from '../clusters/clusters.service';
import { named, namedInBody, requires, visibleTo } from '../access/request-access';
import { AppError } from '../shared/app-error';
import { checkPathParams, parseBody, parseQuery } from '../shared/validation';
import type { ConnectorConfigChange, TopicCreation } from './connect.model';
import type { ConnectService } from './connect.service';
import type { ConnectorChangesService } from './connector-changes.service';
import type { ConnectorOffsetsService, OffsetsChangeContext } from './connector-offsets.service';

/**
 * A name that stays one path segment of the worker's URL: the gateway encodes it, but "." and
 * ".." are path steps of their own, so `GET .../connectors/..` would ask the worker's root.
 */
const pathSegment = (what: string) =>
  z
    .string()
    .min(1, `a ${what} is required`)
    .max(249, `a ${what} has at most 249 characters`)
    .refine((name) => name !== '.' && name !== '..' && !/[/\\]/.test(name), `a ${what} may not be "." or "..", nor contain / or \\`)
    .meta({ not: { enum: ['.', '..'] }, pattern: '^[^/\\\\]+$' });
/** A connector's name, in the path and when it is created. */
export const connectorName = pathSegment('connector name');
/** The path parameters of the Connect routes. */
export const connectPathParams = {
  connect: z.string().min(1),
  name: connectorName,
  plugin: pathSegment('plugin class or alias'),
  task: z.string().regex(/^\d{1,9}$/, 'a task id is a number, 0 or more'),
};

const config = z.record(z.string().min(1), z.string({ error: 'must be a string (Connect configs are strings)' }));
// Same bounds as a topic made on the topics page; omitted values take the broker's defaults.
const createTopics = z
  .object({
    partitions: z.number().int().min(1).max(100_000).optional(),
    replicationFactor: z.number().int().min(1).max(32_767).optional(),
  })
  .optional() satisfies z.ZodType<TopicCreation | undefined>;
export const newConnector = z.object({ name: connectorName, config, createTopics });
export const configValidation = z.object({ config });
export const configChange = z.object({ config, createTopics }) satisfies z.ZodType<ConnectorConfigChange>;
export const restart = z.object({ includeTasks: z.boolean().default(false), onlyFailed: z.boolean().default(false) });
const offsets = z
  .array(
    z.object({
      partition: z.record(z.string(), z.unknown()),
      offset: z.record(z.string(), z.unknown()).nullable(),
    }),
  )
  .min(1, 'name at least one partition');
const confirmed = z.literal(true, { error: 'must be true: the operator confirms the change' });
export const alter = z.object({ offsets, confirm: confirmed });
export const rewind = z.object({ offsets: offsets.optional(), resume: z.boolean().default(true), confirm: confirmed });
export const confirmQuery = z.object({ confirm: z.string().optional() });

/** Kafka Connect: `/api/clusters/:cluster/connect/...`. */
export function connectRoutes(
  clusters: ClustersService,
  connect: ConnectService,
  changes: ConnectorChangesService,
  offsetsService: ConnectorOffsetsService,
): Router {
  const base = '/clusters/:cluster/connect/:connect';
  const connectorPath = `${base}/connectors/:name`;
  const connector = named('connector', 'name');
  const target = (req: Request<{ cluster: string; connect: string }>) => connect.connectCluster(clusterOf(req), req.params.connect);
  const offsetsContext = (req: Request<{ cluster: string; connect: string; name: string }>): OffsetsChangeContext => {
    const cluster = clusterOf(req);
    return { cluster, connect: connect.connectCluster(cluster, req.params.connect), name: req.params.name };
  };

  const router = checkPathParams(clusterRouter(clusters), connectPathParams)
    .get('/clusters/:cluster/connect', async (req, res) => {
      res.json(await connect.connectClusters(clusterOf(req)));
    })
    .get(`${base}/connectors`, async (req, res) => {
      res.json(visibleTo(req, 'connector', await connect.list(target(req)), (connector) => connector.name));
    })
    .post(`${base}/connectors`, requires('admin', namedInBody('connector')), async (req, res) => {
      const connectCluster = target(req);
      res.status(201).json(await changes.create(clusterOf(req), connectCluster, parseBody(newConnector, req)));
    })
    .get(`${base}/plugins`, async (req, res) => {
      res.json(await connect.plugins(clusterOf(req), target(req)));
    })
    .put(`${base}/plugins/:plugin/validate`, requires('admin', { kind: 'connector' }), async (req, res) => {
      const connectCluster = target(req);
      res.json(await connect.validate(clusterOf(req), connectCluster, req.params.plugin, parseBody(configValidation, req).config));
    })
    .get(connectorPath, requires('viewer', connector), async (req, res) => {
      res.json(await connect.detail(clusterOf(req), target(req), req.params.name));
    })
    .put(`${connectorPath}/config`, requires('admin', connector), async (req, res) => {
      const connectCluster = target(req);
      const change = parseBody(configChange, req);
      res.json(await changes.updateConfig(clusterOf(req), connectCluster, req.params.name, change.config, change.createTopics));
    })
    .delete(connectorPath, requires('admin', connector), async (req, res) => {
      const connectCluster = target(req);
      await changes.delete(clusterOf(req), connectCluster, req.params.name, parseQuery(confirmQuery, req).confirm);
      res.status(204).end();
    })
    .post(`${connectorPath}/restart`, requires('operator', connector), async (req, res) => {
      const connectCluster = target(req);
      const { includeTasks, onlyFailed } = parseBody(restart, req);
      res.json(await changes.restart(clusterOf(req), connectCluster, req.params.name, includeTasks, onlyFailed));
    })
    .post(`${connectorPath}/tasks/:task/restart`, requires('operator', connector), async (req, res) => {
      const connectCluster = target(req);
      res.json(await changes.restartTask(clusterOf(req), connectCluster, req.params.name, Number(req.params.task)));
    })
    .get(`${connectorPath}/offsets`, requires('viewer', connector), async (req, res) => {
      res.json(await offsetsService.offsets(target(req), req.params.name));
    })
    .patch(`${connectorPath}/offsets`, requires('admin', connector), async (req, res) => {
      const context = offsetsContext(req);
      res.json(await offsetsService.alter(context, parseBody(alter, req).offsets));
    })
    .delete(`${connectorPath}/offsets`, requires('admin', connector), async (req, res) => {
      const context = offsetsContext(req);
      if (parseQuery(confirmQuery, req).confirm !== 'true') {
        throw new AppError('CONFIRMATION_REQUIRED', 'Resetting offsets makes the connector start over: confirm with ?confirm=true');
      }
      res.json(await offsetsService.reset(context));
    })
    .post(`${connectorPath}/offsets/rewind`, requires('admin', connector), async (req, res) => {
      const context = offsetsContext(req);
      res.json(await offsetsService.rewind(context, parseBody(rewind, req)));
    });
  for (const action of ['pause', 'resume', 'stop'] as const) {
    router.post(`${connectorPath}/${action}`, requires('operator', connector), async (req, res) => {
      res.json(await changes.changeState(clusterOf(req), target(req), req.params.name, action));
    });
  }
  return router;
}
