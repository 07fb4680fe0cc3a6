import type { Router } from 'express';
import { z } from 'zod';
import { clusterOf, clusterRouter } from '../clusters/cluster-routing';
import type { ClustersService } from '../clusters/clusters.service';
import { named, namedInBody, requires, visibleTo } from '../access/request-access';
import { checkPathParams, freshFlag, freshQuery, parseBody, parseQuery } from '../shared/validation';
import type { MessageQuery } from './message.model';
import type { MessagesService } from './messages.service';
import type { TopicListQuery } from './topic.model';
import type { TopicsService } from './topics.service';

/** Kafka's rule for a topic name (`Topic.validate`): what else names no topic. */
export const topicName = z
  .string()
  .regex(/^[a-zA-Z0-9._-]{1,249}$/, 'a topic name has 1 to 249 letters, digits, ".", "_" or "-"')
  .refine((name) => name !== '.' && name !== '..', 'a topic name may not be "." or ".."');
/** The path parameters of the topic routes. */
export const topicsPathParams = { topic: topicName };

/**
 * At most as many partitions as Kafka's controller creates in one request: past that it
 * refuses a new topic, and a partition increase that large failed with UNKNOWN_SERVER_ERROR
 * after leaving the embedded broker too busy to answer.
 */
const partitionCount = z.number().int().min(1).max(10_000, 'Kafka creates at most 10,000 partitions in one request');

const configMap = z.record(z.string().min(1), z.string());
export const topicList = z.object({
  search: z.string().optional(),
  internal: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  sort: z.enum(['name', 'partitions', 'replicationFactor', 'underReplicatedPartitions', 'messageCount', 'sizeBytes']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(0).default(0),
  pageSize: z.coerce.number().int().min(1).max(10_000).default(100),
  fresh: freshFlag,
}) satisfies z.ZodType<TopicListQuery>;
export const newTopic = z.object({
  name: z.string().min(1, 'is required'),
  partitions: partitionCount.default(1),
  replicationFactor: z.number().int().min(1).max(32_767).default(1),
  configs: configMap.default({}),
});
export const configChange = z.object({ set: configMap.optional(), delete: z.array(z.string().min(1)).optional() });
export const partitionsIncrease = z.object({ count: partitionCount });
export const purge = z.object({
  partitions: z.array(z.number().int().min(0)).min(1).optional(),
  beforeOffset: z.number().int().min(0).optional(),
  confirm: z.string().default(''),
});
export const deletion = z.object({ confirm: z.string().optional() });
export const messageQuery = z.object({
  partition: z.coerce.number().int().min(0).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  timestamp: z
    .union([
      z.coerce.number().int().min(0),
      z.iso
        .datetime({ offset: true })
        .transform((iso) => Date.parse(iso))
        // Kafka reads a negative timestamp as a special request (earliest, latest…), not a time.
        .refine((at) => at >= 0, 'an ISO date-time no earlier than 1970-01-01'),
    ])
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  direction: z.enum(['forward', 'backward']).default('backward'),
  key: z.string().optional(),
  contains: z.string().optional(),
  cursor: z.string().optional(),
}) satisfies z.ZodType<MessageQuery>;
export const produce = z.object({
  key: z.string().nullable().default(null),
  value: z.string().nullable(),
  headers: z.record(z.string().min(1), z.string()).optional(),
  partition: z.number().int().min(0).optional(),
});

/** Topics and their messages: `/api/clusters/:cluster/topics...`. */
export function topicsRoutes(clusters: ClustersService, topics: TopicsService, messages: MessagesService): Router {
  const base = '/clusters/:cluster/topics';
  const topic = named('topic', 'topic');
  return checkPathParams(clusterRouter(clusters), topicsPathParams)
    .get(base, async (req, res) => {
      const query = parseQuery(topicList, req);
      res.json(await topics.list(clusterOf(req), query, (names) => visibleTo(req, 'topic', names, (name) => name)));
    })
    .post(base, requires('admin', namedInBody('topic')), async (req, res) => {
      const topic = parseBody(newTopic, req);
      await topics.create(clusterOf(req), topic);
      res.status(201).json({ name: topic.name });
    })
    .get(`${base}/:topic`, requires('viewer', topic), async (req, res) => {
      res.json(await topics.detail(clusterOf(req), req.params.topic, parseQuery(freshQuery, req)));
    })
    .patch(`${base}/:topic/configs`, requires('admin', topic), async (req, res) => {
      const cluster = clusterOf(req);
      await topics.alterConfigs(cluster, req.params.topic, parseBody(configChange, req));
      res.json((await topics.detail(cluster, req.params.topic)).configs);
    })
    .post(`${base}/:topic/partitions`, requires('admin', topic), async (req, res) => {
      const { count } = parseBody(partitionsIncrease, req);
      res.json(await topics.increasePartitions(clusterOf(req), req.params.topic, count));
    })
    .post(`${base}/:topic/purge`, requires('admin', topic), async (req, res) => {
      res.json(await topics.purge(clusterOf(req), req.params.topic, parseBody(purge, req)));
    })
    .delete(`${base}/:topic`, requires('admin', topic), async (req, res) => {
      const { confirm } = parseQuery(deletion, req);
      await topics.delete(clusterOf(req), req.params.topic, confirm);
      res.status(204).end();
    })
    .get(`${base}/:topic/messages`, requires('viewer', topic), async (req, res) => {
      res.json(await messages.browse(clusterOf(req), req.params.topic, parseQuery(messageQuery, req)));
    })
    .post(`${base}/:topic/messages`, requires('operator', topic), async (req, res) => {
      const produced = await messages.produce(clusterOf(req), req.params.topic, parseBody(produce, req));
      res.status(201).json(produced);
    });
}
