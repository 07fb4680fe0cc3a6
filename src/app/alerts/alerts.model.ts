// The API contract lives with the server routes; the browser uses the same types.
export {
  ALERT_RULE_KINDS,
  ALERTABLE_STATUSES,
  WEBHOOK_FORMATS,
  type AlertableStatus,
  type AlertDelivery,
  type AlertEvent,
  type AlertEventList,
  type AlertRule,
  type AlertRuleChange,
  type AlertRuleKind,
  type AlertRuleList,
  type AlertRuleView,
  type ClearedBecause,
  type WebhookFormat,
} from '../../../server/alerts/alerts.model';
