import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { clusterName } from '../clusters/cluster-routing';
import { describes, json, operation, requestBody } from '../shared/openapi';
import {
  ALERT_RULE_KINDS,
  ALERTABLE_STATUSES,
  WEBHOOK_FORMATS,
  type AlertDelivery,
  type AlertEvent,
  type AlertEventList,
  type AlertRuleList,
  type AlertRuleView,
} from './alerts.model';
import { alertRuleChange, alertsPathParams, historyQuery, ruleDeletion } from './alerts.routes';

const ruleView = describes<AlertRuleView>()(
  z
    .object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['lag-seconds', 'group-status', 'connector-failed', 'under-replicated', 'streams-app-empty']),
      target: z.string(),
      threshold: z.number().nullable(),
      forMinutes: z.number(),
      statuses: z.array(z.enum(['WARN', 'STALL', 'STOP', 'REWIND', 'ERR'])),
      webhookUrl: z.string().meta({ description: 'Masked: scheme and host only, as the rest may be a secret' }),
      format: z.enum(['slack', 'teams', 'generic']),
      enabled: z.boolean(),
      createdAt: z.string(),
      updatedAt: z.string(),
      status: z.enum(['firing', 'ok', 'disabled']),
      firing: z.array(z.string()).meta({ description: 'The subjects it fires for now' }),
    })
    .meta({ id: 'AlertRule' }),
);
const delivery = describes<AlertDelivery>()(
  z
    .object({
      message: z.enum(['fired', 'cleared', 'test']),
      at: z.string(),
      outcome: z.enum(['delivered', 'failed']),
      attempts: z.int(),
      httpStatus: z.int().nullable(),
      error: z.string().nullable(),
    })
    .meta({ id: 'AlertDelivery' }),
);
const event = describes<AlertEvent>()(
  z
    .object({
      id: z.string(),
      cluster: z.string(),
      ruleId: z.string(),
      ruleName: z.string(),
      kind: z.enum(['lag-seconds', 'group-status', 'connector-failed', 'under-replicated', 'streams-app-empty']),
      subject: z.string(),
      summary: z.string(),
      firedAt: z.string(),
      clearedAt: z.string().nullable(),
      clearedBecause: z.enum(['recovered', 'rule-disabled', 'rule-removed']).nullable(),
      deliveries: z.array(delivery),
    })
    .meta({ id: 'AlertEvent' }),
);
const ruleList = describes<AlertRuleList>()(z.object({ rules: z.array(ruleView) }));
const eventList = describes<AlertEventList>()(z.object({ events: z.array(event) }));

const basePath = z.object({ cluster: clusterName });
const rulePath = z.object({ cluster: clusterName, id: alertsPathParams.id });
const tag = 'alerts';
const body = requestBody(
  alertRuleChange.meta({
    description:
      `kind: ${ALERT_RULE_KINDS.join(', ')}; target: a group, Streams app or connector, or * (not for under-replicated); ` +
      `threshold: seconds (lag-seconds, required) or partitions (under-replicated, 0 by default); ` +
      `statuses: for group-status, of ${ALERTABLE_STATUSES.join(', ')}; format: ${WEBHOOK_FORMATS.join(', ')}`,
  }),
);

/** The OpenAPI description of `alerts.routes.ts`. */
export const alertsPaths: ZodOpenApiPathsObject = {
  '/clusters/{cluster}/alerts/rules': {
    get: operation(tag, "The cluster's alert rules, each with what it fires for now", {
      requestParams: { path: basePath },
      ok: { 200: json(ruleList) },
    }),
    post: operation(tag, 'Adds an alert rule, kept in the cluster and audited', {
      requestParams: { path: basePath },
      requestBody: body,
      ok: { 201: json(ruleView, 'Added') },
      errors: { change: true },
    }),
  },
  '/clusters/{cluster}/alerts/rules/{id}': {
    get: operation(tag, 'One alert rule', {
      requestParams: { path: rulePath },
      ok: { 200: json(ruleView) },
    }),
    put: operation(tag, "Replaces a rule's settings; the masked webhook URL sent back keeps the one kept", {
      requestParams: { path: rulePath },
      requestBody: body,
      ok: { 200: json(ruleView) },
      errors: { change: true },
    }),
    delete: operation(tag, 'Removes an alert rule; confirm with its name', {
      requestParams: { path: rulePath, query: ruleDeletion },
      ok: { 204: { description: 'Removed' } },
      errors: { change: true },
    }),
  },
  '/clusters/{cluster}/alerts/rules/{id}/test': {
    post: operation(tag, "Sends the rule's webhook a test message now and answers how it went", {
      requestParams: { path: rulePath },
      ok: { 200: json(delivery) },
      errors: { change: true },
    }),
  },
  '/clusters/{cluster}/alerts/events': {
    get: operation(tag, 'What fired and when it cleared, newest first (kept 30 days)', {
      requestParams: { path: basePath, query: historyQuery },
      ok: { 200: json(eventList) },
    }),
  },
};
