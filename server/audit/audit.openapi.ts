import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { admits, describes, json, operation } from '../shared/openapi';
import type {
  AlertRuleRecord,
  AuditPage,
  BridgeSettingsRecord,
  StreamsTopologyDescriptionRecord,
  ConnectorOffset,
  ConnectorOffsetsRecord,
  ConnectorRecord,
  ConnectorState,
  ConsumerGroupDeleteRecord,
  ConsumerGroupOffsetsRecord,
  CopartitionGroupRecord,
  TopicPartitionOffset,
  TopicRecord,
  TopicState,
} from './audit.model';
import { auditExportQuery, auditQuery } from './audit.routes';

/** One partition's committed offset, null where the group had none. */
export const topicPartitionOffset = describes<TopicPartitionOffset>()(
  z.object({ topic: z.string(), partition: z.int(), offset: z.int().nullable() }).meta({ id: 'TopicPartitionOffset' }),
);

/** A connector's position for one source partition (KIP-875). */
export const connectorOffset = describes<ConnectorOffset>()(
  z.object({ partition: z.record(z.string(), z.unknown()), offset: z.record(z.string(), z.unknown()).nullable() }),
);

const recordBase = {
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  cluster: z.string(),
  outcome: z.enum(['pending', 'applied', 'failed', 'unknown']),
  outcomeAt: z.string().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  integrity: z.enum(['verified', 'altered', 'unlinked', 'unsigned']),
  undoneBy: z.string().optional(),
};

const consumerGroupOffsetsRecord = describes<ConsumerGroupOffsetsRecord>()(
  z.object({
    ...recordBase,
    action: z.enum(['consumer-group.offsets.reset', 'consumer-group.offsets.undo']),
    subject: z.object({ kind: z.literal('consumer-group'), name: z.string() }),
    parameters: z.union([
      z.object({
        mode: z.string(),
        value: z.union([z.string(), z.number()]).nullable(),
        topics: z.array(z.object({ topic: z.string(), partitions: z.array(z.int()).optional() })),
      }),
      z.object({ auditId: z.string() }),
    ]),
    before: z.array(topicPartitionOffset),
    after: z.array(topicPartitionOffset),
  }),
);

const consumerGroupDeleteRecord = describes<ConsumerGroupDeleteRecord>()(
  z.object({
    ...recordBase,
    action: z.literal('consumer-group.delete'),
    subject: z.object({ kind: z.literal('consumer-group'), name: z.string() }),
    parameters: z.record(z.string(), z.never()),
    before: z.array(topicPartitionOffset),
    after: z.null(),
  }),
);

const topicState = describes<TopicState>()(
  z.object({
    partitions: z.int().optional(),
    configs: z.record(z.string(), z.string().nullable()).optional(),
    lowWatermarks: z.array(z.object({ partition: z.int(), lowWatermark: z.int() })).optional(),
    written: z.object({ partition: z.int(), offset: z.int() }).optional(),
  }),
);

const topicRecord = describes<TopicRecord>()(
  z.object({
    ...recordBase,
    action: z.enum([
      'topic.create',
      'topic.config.alter',
      'topic.partitions.increase',
      'topic.purge',
      'topic.delete',
      'topic.message.produce',
    ]),
    subject: z.object({ kind: z.literal('topic'), name: z.string() }),
    parameters: z.record(z.string(), z.unknown()),
    before: topicState.nullable(),
    after: topicState.nullable(),
  }),
);

const connectorState = describes<ConnectorState>()(
  z.object({ state: z.string().optional(), config: z.record(z.string(), z.string()).optional() }),
);

const connectorRecord = describes<ConnectorRecord>()(
  z.object({
    ...recordBase,
    action: z.enum([
      'connector.create',
      'connector.config.update',
      'connector.delete',
      'connector.pause',
      'connector.resume',
      'connector.stop',
      'connector.restart',
      'connector.task.restart',
    ]),
    subject: z.object({ kind: z.literal('connector'), name: z.string() }),
    parameters: z.object({ connectCluster: z.string() }).catchall(z.unknown()),
    before: connectorState.nullable(),
    after: connectorState.nullable(),
  }),
);

const connectorOffsetsRecord = describes<ConnectorOffsetsRecord>()(
  z.object({
    ...recordBase,
    action: z.enum(['connector.offsets.alter', 'connector.offsets.reset']),
    subject: z.object({ kind: z.literal('connector'), name: z.string() }),
    parameters: z.object({ connectCluster: z.string(), offsets: z.array(connectorOffset).optional() }),
    before: z.array(connectorOffset),
    after: z.array(connectorOffset),
  }),
);

const copartitionGroupRecord = describes<CopartitionGroupRecord>()(
  z.object({
    ...recordBase,
    action: z.enum(['copartition-group.declare', 'copartition-group.remove']),
    subject: z.object({ kind: z.literal('copartition-group'), name: z.string() }),
    parameters: z.record(z.string(), z.unknown()),
    before: z.object({ topics: z.array(z.string()) }).nullable(),
    after: z.object({ topics: z.array(z.string()) }).nullable(),
  }),
);

const bridgeSettingsState = z.object({ sequenceField: z.string(), keyField: z.string().nullable() });
const bridgeSettingsRecord = describes<BridgeSettingsRecord>()(
  z.object({
    ...recordBase,
    action: z.literal('topic.bridge-settings.set'),
    subject: z.object({ kind: z.literal('topic'), name: z.string() }),
    parameters: z.record(z.string(), z.unknown()),
    before: bridgeSettingsState.nullable(),
    after: bridgeSettingsState.nullable(),
  }),
);

const streamsTopologyState = z.object({ text: z.string(), givenAt: z.string() });
const streamsTopologyRecord = describes<StreamsTopologyDescriptionRecord>()(
  z.object({
    ...recordBase,
    action: z.enum(['streams-app.topology-description.set', 'streams-app.topology-description.remove']),
    subject: z.object({ kind: z.literal('streams-app'), name: z.string() }),
    parameters: z.record(z.string(), z.unknown()),
    before: streamsTopologyState.nullable(),
    after: streamsTopologyState.nullable(),
  }),
);

const alertRuleState = z.object({
  name: z.string(),
  kind: z.string(),
  target: z.string(),
  threshold: z.number().nullable(),
  forMinutes: z.number(),
  statuses: z.array(z.string()),
  webhookUrl: z.string(),
  format: z.string(),
  enabled: z.boolean(),
});
const alertRuleRecord = describes<AlertRuleRecord>()(
  z.object({
    ...recordBase,
    action: z.enum(['alert-rule.create', 'alert-rule.update', 'alert-rule.delete']),
    subject: z.object({ kind: z.literal('alert-rule'), name: z.string() }),
    parameters: z.object({ id: z.string() }),
    before: alertRuleState.nullable(),
    after: alertRuleState.nullable(),
  }),
);

/**
 * A record of an action this console does not know, say one a newer version wrote: it is
 * listed too (see audit.routes.spec), so the document admits it. The browser's type leaves it
 * out, which is why the page is pinned to `AuditPage` in one direction only.
 */
const otherRecord = z.object({
  ...recordBase,
  action: z.string(),
  subject: z.object({ kind: z.string(), name: z.string() }),
  parameters: z.unknown(),
  before: z.unknown(),
  after: z.unknown(),
});

const auditRecord = z
  .union([
    consumerGroupOffsetsRecord,
    consumerGroupDeleteRecord,
    topicRecord,
    connectorRecord,
    connectorOffsetsRecord,
    copartitionGroupRecord,
    bridgeSettingsRecord,
    streamsTopologyRecord,
    alertRuleRecord,
    otherRecord,
  ])
  .meta({ id: 'AuditRecord' });

const auditPage = admits<AuditPage>()(
  z
    .object({
      items: z.array(auditRecord),
      unavailableClusters: z.array(z.string()),
      integrityWarnings: z.array(z.string()),
    })
    .meta({ id: 'AuditPage' }),
);

/** The OpenAPI description of `audit.routes.ts`. */
export const auditPaths: ZodOpenApiPathsObject = {
  '/audit': {
    get: operation('audit', 'The changes the console made, newest first', {
      requestParams: { query: auditQuery },
      ok: { 200: json(auditPage) },
      errors: { cluster: false, also: [404] },
    }),
  },
  '/audit/export': {
    get: operation('audit', 'The same records as a file to download (CSV or a JSON array), newest first', {
      requestParams: { query: auditExportQuery },
      ok: {
        200: {
          description:
            'A download (Content-Disposition: attachment); in CSV, cells a spreadsheet would read as a formula start with a quote',
          content: { 'text/csv': { schema: z.string() }, 'application/json': { schema: z.array(auditRecord) } },
        },
      },
      errors: { cluster: false, also: [404] },
    }),
  },
};
