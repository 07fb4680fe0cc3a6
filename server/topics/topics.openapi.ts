import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { clusterName } from '../clusters/cluster-routing';
import { describes, json, operation, requestBody } from '../shared/openapi';
import { freshQuery } from '../shared/validation';
import type { MessagePage, ProducedMessage, RenderedBytes, TopicMessage } from './message.model';
import type {
  PartitionDetail,
  PartitionsIncreased,
  PurgeResult,
  TopicConfigEntry,
  TopicConsumerGroup,
  TopicDetail,
  TopicPage,
  TopicSummary,
} from './topic.model';
import {
  configChange,
  deletion,
  messageQuery,
  newTopic,
  partitionsIncrease,
  produce,
  purge,
  topicList,
  topicName,
  topicsPathParams,
} from './topics.routes';

export const offset = z.int().min(0);

const topicSummary = describes<TopicSummary>()(
  z.object({
    name: z.string(),
    partitions: z.int(),
    replicationFactor: z.int(),
    underReplicatedPartitions: z.int(),
    internal: z.boolean(),
    messageCount: z.int().nullable(),
    sizeBytes: z.int().nullable(),
  }),
);
const asOf = z.iso.datetime().meta({ description: 'When the data was read from the cluster: the oldest part of it' });
const topicPage = describes<TopicPage>()(z.object({ items: z.array(topicSummary), total: z.int(), asOf }).meta({ id: 'TopicPage' }));

const partitionDetail = describes<PartitionDetail>()(
  z.object({
    partition: z.int(),
    leader: z.int(),
    replicas: z.array(z.int()),
    isr: z.array(z.int()),
    earliestOffset: offset,
    latestOffset: offset,
  }),
);
const topicConfigEntry = describes<TopicConfigEntry>()(
  z
    .object({
      name: z.string(),
      value: z.string().nullable(),
      source: z.enum(['dynamic-topic', 'dynamic-broker', 'dynamic-default-broker', 'static-broker', 'default', 'unknown']),
      isSensitive: z.boolean(),
      isReadOnly: z.boolean(),
      isOverride: z.boolean(),
      documentation: z.string().nullable(),
    })
    .meta({ id: 'TopicConfigEntry' }),
);
const topicConsumerGroup = describes<TopicConsumerGroup>()(z.object({ groupId: z.string(), lag: z.int() }));
const topicDetail = describes<TopicDetail>()(
  z
    .object({
      name: z.string(),
      internal: z.boolean(),
      readOnlyReason: z.string().nullable(),
      partitions: z.array(partitionDetail),
      configs: z.array(topicConfigEntry),
      consumerGroups: z.array(topicConsumerGroup),
      asOf,
    })
    .meta({ id: 'TopicDetail' }),
);
const partitionsIncreased = describes<PartitionsIncreased>()(z.object({ partitions: z.int(), warning: z.string() }));
const purgeResult = describes<PurgeResult>()(z.object({ partitions: z.array(z.object({ partition: z.int(), lowWatermark: offset })) }));

const renderedBytes = describes<RenderedBytes>()(
  z
    .object({
      encoding: z.enum(['json', 'text', 'hex', 'null']),
      text: z.string().nullable(),
      sizeBytes: z.int(),
      schemaId: z.int().optional(),
    })
    .meta({ id: 'RenderedBytes' }),
);
export const topicMessage = describes<TopicMessage>()(
  z
    .object({
      partition: z.int(),
      offset,
      timestamp: z.int(),
      key: renderedBytes,
      value: renderedBytes,
      headers: z.array(z.object({ key: z.string(), value: renderedBytes })),
    })
    // An id of its own: the search's `match` events name it.
    .meta({ id: 'TopicMessage' }),
);
const messagePage = describes<MessagePage>()(
  z
    .object({
      messages: z.array(topicMessage),
      stoppedBy: z.enum(['limit', 'end', 'scan-budget', 'time-budget']),
      nextCursor: z.string().nullable(),
      positions: z.array(z.object({ partition: z.int(), offset })),
      scanned: z.object({ records: z.int(), bytes: z.int() }),
    })
    .meta({ id: 'MessagePage' }),
);
const producedMessage = describes<ProducedMessage>()(z.object({ partition: z.int(), offset }));

const topicsPath = z.object({ cluster: clusterName });
const topicPath = z.object({ cluster: clusterName, ...topicsPathParams });
const tag = 'topics';

/** The OpenAPI description of `topics.routes.ts`. */
export const topicsPaths: ZodOpenApiPathsObject = {
  '/clusters/{cluster}/topics': {
    get: operation(tag, 'One page of topics, filtered and sorted', {
      requestParams: { path: topicsPath, query: topicList },
      ok: { 200: json(topicPage) },
    }),
    post: operation(tag, 'Creates a topic', {
      requestParams: { path: topicsPath },
      requestBody: requestBody(newTopic),
      ok: { 201: json(z.object({ name: topicName }), 'Created') },
      errors: { change: true },
    }),
  },
  '/clusters/{cluster}/topics/{topic}': {
    get: operation(tag, "A topic's partitions, configs and the consumer groups that read it", {
      requestParams: { path: topicPath, query: freshQuery },
      ok: { 200: json(topicDetail) },
    }),
    delete: operation(tag, 'Deletes a topic; `confirm` must repeat its name', {
      requestParams: { path: topicPath, query: deletion },
      ok: { 204: { description: 'Deleted' } },
      errors: { change: true },
    }),
  },
  '/clusters/{cluster}/topics/{topic}/configs': {
    patch: operation(tag, "Sets and removes a topic's config overrides; answers its configs", {
      requestParams: { path: topicPath },
      requestBody: requestBody(configChange),
      ok: { 200: json(z.array(topicConfigEntry)) },
      errors: { change: true },
    }),
  },
  '/clusters/{cluster}/topics/{topic}/partitions': {
    post: operation(tag, 'Raises the partition count (keys move to other partitions)', {
      requestParams: { path: topicPath },
      requestBody: requestBody(partitionsIncrease),
      ok: { 200: json(partitionsIncreased) },
      errors: { change: true },
    }),
  },
  '/clusters/{cluster}/topics/{topic}/purge': {
    post: operation(tag, 'Deletes records before an offset; `confirm` must repeat the topic name', {
      requestParams: { path: topicPath },
      requestBody: requestBody(purge),
      ok: { 200: json(purgeResult) },
      errors: { change: true },
    }),
  },
  '/clusters/{cluster}/topics/{topic}/messages': {
    get: operation(tag, 'One bounded page of records; `nextCursor` continues it', {
      requestParams: { path: topicPath, query: messageQuery },
      ok: { 200: json(messagePage) },
    }),
    post: operation(tag, 'Produces one record, partitioned as the Java client would', {
      requestParams: { path: topicPath },
      requestBody: requestBody(produce),
      ok: { 201: json(producedMessage, 'Produced') },
      errors: { change: true },
    }),
  },
};
