import type { Router } from 'express';
import { z } from 'zod';
import { requires } from '../access/request-access';
import { clusterOf, clusterRouter } from '../clusters/cluster-routing';
import type { ClustersService } from '../clusters/clusters.service';
import { checkPathParams, parseBody, parseQuery } from '../shared/validation';
import {
  ALERT_RULE_KINDS,
  ALERTABLE_STATUSES,
  WEBHOOK_FORMATS,
  type AlertableStatus,
  type AlertRuleChange,
  type AlertRuleKind,
  type WebhookFormat,
} from './alerts.model';
import type { AlertsService } from './alerts.service';

/** Kinds whose rules name what they watch. */
const TARGETED: ReadonlySet<AlertRuleKind> = new Set(['lag-seconds', 'group-status', 'connector-failed', 'streams-app-empty']);
const TARGET_WORDS: Record<string, string> = {
  'lag-seconds': 'the consumer group',
  'group-status': 'the consumer group',
  'connector-failed': 'the connector',
  'streams-app-empty': 'the Streams app (its application.id)',
};

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The body of a rule's creation or change; what a kind needs is checked with the kind. */
export const alertRuleChange = z
  .object({
    name: z.string().trim().min(1, 'give the rule a name').max(100, 'at most 100 characters'),
    kind: z.enum(ALERT_RULE_KINDS as [AlertRuleKind, ...AlertRuleKind[]], { error: `one of ${ALERT_RULE_KINDS.join(', ')}` }),
    target: z.string().trim().min(1).max(249, 'at most 249 characters, as Kafka names').optional(),
    threshold: z.number().min(0, 'at least 0').max(1_000_000_000).nullable().optional(),
    forMinutes: z.number().int('a whole number of minutes').min(0, 'at least 0').max(10_080, 'at most a week (10080 minutes)').optional(),
    statuses: z
      .array(
        z.enum(ALERTABLE_STATUSES as [AlertableStatus, ...AlertableStatus[]], { error: `each one of ${ALERTABLE_STATUSES.join(', ')}` }),
      )
      .min(1, 'choose at least one status')
      .optional(),
    webhookUrl: z
      .string()
      .trim()
      .max(2000, 'at most 2000 characters')
      .refine(isWebUrl, 'must be an http:// or https:// URL, such as a Slack or Teams incoming webhook'),
    format: z.enum(WEBHOOK_FORMATS as [WebhookFormat, ...WebhookFormat[]], { error: `one of ${WEBHOOK_FORMATS.join(', ')}` }),
    enabled: z.boolean().optional(),
  })
  .superRefine((rule, context) => {
    if (TARGETED.has(rule.kind) && rule.target === undefined) {
      context.addIssue({ code: 'custom', path: ['target'], message: `name ${TARGET_WORDS[rule.kind]}, or * for every one` });
    }
    if (rule.kind === 'lag-seconds' && !(typeof rule.threshold === 'number' && rule.threshold > 0)) {
      context.addIssue({ code: 'custom', path: ['threshold'], message: 'the seconds behind above which the rule fires, a number above 0' });
    }
    if (rule.kind === 'under-replicated' && typeof rule.threshold === 'number' && !Number.isInteger(rule.threshold)) {
      context.addIssue({ code: 'custom', path: ['threshold'], message: 'a whole number of partitions' });
    }
  }) satisfies z.ZodType<AlertRuleChange>;

const ruleId = z.string().min(1).max(100);
/** The path parameters of the alert routes. */
export const alertsPathParams = { id: ruleId };
export const ruleDeletion = z.object({
  confirm: z.string().optional().meta({ description: "The rule's name, typed: the server checks it again" }),
});
export const historyQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200).meta({ description: 'At most this many alerts, newest first' }),
});

/** Alert rules and the history of alerts: `/api/clusters/:cluster/alerts/...`. */
export function alertsRoutes(clusters: ClustersService, alerts: AlertsService): Router {
  const base = '/clusters/:cluster/alerts';
  // Rules watch the whole cluster and post to outside services: changing one is an operator's job.
  return checkPathParams(clusterRouter(clusters), alertsPathParams)
    .get(`${base}/rules`, requires('viewer'), async (req, res) => {
      res.json({ rules: await alerts.list(clusterOf(req)) });
    })
    .post(`${base}/rules`, requires('operator'), async (req, res) => {
      res.status(201).json(await alerts.create(clusterOf(req), parseBody(alertRuleChange, req)));
    })
    .get(`${base}/rules/:id`, requires('viewer'), async (req, res) => {
      res.json(await alerts.get(clusterOf(req), req.params.id));
    })
    .put(`${base}/rules/:id`, requires('operator'), async (req, res) => {
      res.json(await alerts.update(clusterOf(req), req.params.id, parseBody(alertRuleChange, req)));
    })
    .delete(`${base}/rules/:id`, requires('operator'), async (req, res) => {
      await alerts.remove(clusterOf(req), req.params.id, parseQuery(ruleDeletion, req).confirm);
      res.status(204).end();
    })
    .post(`${base}/rules/:id/test`, requires('operator'), async (req, res) => {
      res.json(await alerts.test(clusterOf(req), req.params.id));
    })
    .get(`${base}/events`, requires('viewer'), async (req, res) => {
      res.json({ events: await alerts.history(clusterOf(req), parseQuery(historyQuery, req).limit) });
    });
}
