import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { clusterName } from '../clusters/cluster-routing';
import { describes, json, operation, requestBody } from '../shared/openapi';
import type {
  ConsumerGroupDetail,
  ConsumerGroupMember,
  ConsumerGroupPage,
  ConsumerGroupSummary,
  OffsetChangeResult,
  PartitionLag,
  ResetPreview,
  ResetPreviewPartition,
} from './consumer-group.model';
import { freshQuery } from '../shared/validation';
import { consumerGroupsPathParams, deletion, groupList, resetCommand, resetRequest, undoRequest } from './consumer-groups.routes';

const offset = z.int().min(0);

const summaryShape = {
  groupId: z.string(),
  state: z.string(),
  type: z.string(),
  protocolType: z.string(),
  memberCount: z.int(),
  topics: z.array(z.string()),
  totalLag: z.int().nullable(),
};
const consumerGroupSummary = describes<ConsumerGroupSummary>()(z.object(summaryShape));
const asOf = z.iso.datetime().meta({ description: 'When the data was read from the cluster: the oldest part of it' });
const consumerGroupPage = describes<ConsumerGroupPage>()(
  z.object({ items: z.array(consumerGroupSummary), total: z.int(), asOf }).meta({ id: 'ConsumerGroupPage' }),
);
const consumerGroupMember = describes<ConsumerGroupMember>()(
  z.object({
    memberId: z.string(),
    clientId: z.string(),
    host: z.string(),
    assignments: z.array(z.object({ topic: z.string(), partitions: z.array(z.int()) })),
  }),
);
const partitionLag = describes<PartitionLag>()(
  z.object({
    topic: z.string(),
    partition: z.int(),
    committedOffset: offset.nullable(),
    logStartOffset: offset,
    logEndOffset: offset,
    lag: z.int().nullable(),
    committedTimestamp: z.string().nullable(),
    assignedTo: z.string().nullable(),
  }),
);
const consumerGroupDetail = describes<ConsumerGroupDetail>()(
  z
    .object({ ...summaryShape, members: z.array(consumerGroupMember), partitions: z.array(partitionLag), asOf })
    .meta({ id: 'ConsumerGroupDetail' }),
);

const resetMode = z.enum(['earliest', 'latest', 'timestamp', 'duration', 'shift', 'offset']);
const resetPreviewPartition = describes<ResetPreviewPartition>()(
  z.object({
    topic: z.string(),
    partition: z.int(),
    currentOffset: offset.nullable(),
    targetOffset: offset,
    logStartOffset: offset,
    logEndOffset: offset,
    replayed: z.int(),
    skipped: z.int(),
  }),
);
const resetPreview = describes<ResetPreview>()(
  z
    .object({
      groupId: z.string(),
      mode: resetMode,
      value: z.union([z.string(), z.number()]).nullable(),
      resolvedTimestamp: z.number().nullable(),
      partitions: z.array(resetPreviewPartition),
      totals: z.object({ partitions: z.int(), replayed: z.int(), skipped: z.int() }),
      activeMembers: z.array(z.string()),
    })
    .meta({ id: 'ResetPreview' }),
);
const offsetChangeResult = describes<OffsetChangeResult>()(
  z
    .object({
      auditId: z.string(),
      groupId: z.string(),
      partitions: z.array(
        z.object({
          topic: z.string(),
          partition: z.int(),
          before: offset.nullable(),
          after: offset.nullable(),
          outcome: z.literal('applied'),
        }),
      ),
    })
    .meta({ id: 'OffsetChangeResult' }),
);

const groupsPath = z.object({ cluster: clusterName });
const groupPath = z.object({ cluster: clusterName, ...consumerGroupsPathParams });
const tag = 'consumer-groups';

/** The OpenAPI description of `consumer-groups.routes.ts`. */
export const consumerGroupsPaths: ZodOpenApiPathsObject = {
  '/clusters/{cluster}/consumer-groups': {
    get: operation(tag, 'The consumer groups with their lag, searched, sorted and paged', {
      requestParams: { path: groupsPath, query: groupList },
      ok: { 200: json(consumerGroupPage) },
    }),
  },
  '/clusters/{cluster}/consumer-groups/{group}': {
    get: operation(tag, "A group's members and its lag per partition", {
      requestParams: { path: groupPath, query: freshQuery },
      ok: { 200: json(consumerGroupDetail) },
    }),
    delete: operation(tag, 'Deletes a group that has no members, after its id is typed as confirmation', {
      requestParams: { path: groupPath, query: deletion },
      ok: { 204: { description: 'Deleted' } },
      errors: { change: true },
    }),
  },
  '/clusters/{cluster}/consumer-groups/{group}/offsets/preview': {
    post: operation(tag, 'What a reset would do, per partition; changes nothing', {
      requestParams: { path: groupPath },
      requestBody: requestBody(resetRequest),
      ok: { 200: json(resetPreview) },
      errors: { also: [404, 409, 413, 415] },
    }),
  },
  '/clusters/{cluster}/consumer-groups/{group}/offsets/reset': {
    post: operation(tag, 'Commits new offsets for an idle group (replay), with an audit record to undo it', {
      requestParams: { path: groupPath },
      requestBody: requestBody(resetCommand),
      ok: { 200: json(offsetChangeResult) },
      errors: { change: true },
    }),
  },
  '/clusters/{cluster}/consumer-groups/{group}/offsets/undo': {
    post: operation(tag, 'Puts back the offsets a reset replaced', {
      requestParams: { path: groupPath },
      requestBody: requestBody(undoRequest),
      ok: { 200: json(offsetChangeResult) },
      errors: { change: true },
    }),
  },
};
