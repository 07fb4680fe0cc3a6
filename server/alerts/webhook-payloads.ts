import type { AlertRule, WebhookFormat } from './alerts.model';

/** What a webhook is told: an alert firing or clearing, or a test of the rule. */
export interface AlertMessage {
  state: 'firing' | 'cleared' | 'test';
  cluster: string;
  rule: Pick<AlertRule, 'id' | 'name' | 'kind' | 'target'>;
  subject: string;
  summary: string;
  firedAt: string;
  clearedAt: string | null;
}

const HEADLINE: Record<AlertMessage['state'], string> = {
  firing: 'FIRING',
  cleared: 'CLEARED',
  test: 'TEST',
};

/** The JSON body for a webhook of the given format. */
export function webhookPayload(format: WebhookFormat, message: AlertMessage): unknown {
  if (format === 'slack') return slackPayload(message);
  if (format === 'teams') return teamsPayload(message);
  return genericPayload(message);
}

/** "FIRING: billing lag on cluster local": the message's first line. */
export function headline(message: AlertMessage): string {
  return `${HEADLINE[message.state]}: ${message.rule.name} on cluster ${message.cluster}`;
}

function facts(message: AlertMessage): { title: string; value: string }[] {
  return [
    { title: 'Cluster', value: message.cluster },
    { title: 'Subject', value: message.subject },
    { title: 'Rule', value: `${message.rule.name} (${message.rule.kind})` },
    { title: 'Fired at', value: message.firedAt },
    ...(message.clearedAt ? [{ title: 'Cleared at', value: message.clearedAt }] : []),
  ];
}

/**
 * Slack's incoming-webhook body: `text` is what notifications and clients without blocks show,
 * `blocks` the formatted message (https://api.slack.com/messaging/webhooks).
 */
function slackPayload(message: AlertMessage) {
  const fieldsText = facts(message)
    .map((fact) => `*${fact.title}:* ${slackEscape(fact.value)}`)
    .join('\n');
  return {
    text: `${headline(message)}: ${message.summary}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: headline(message).slice(0, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: slackEscape(message.summary) } },
      { type: 'section', text: { type: 'mrkdwn', text: fieldsText } },
    ],
  };
}

/** Slack reads `&`, `<` and `>` as markup in mrkdwn text. */
function slackEscape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * A Teams message with an Adaptive Card: what Teams incoming webhooks and the Workflows
 * "post to a channel when a webhook request is received" template both accept
 * (https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using).
 */
function teamsPayload(message: AlertMessage) {
  return {
    type: 'message',
    summary: headline(message),
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            {
              type: 'TextBlock',
              text: headline(message),
              weight: 'Bolder',
              size: 'Medium',
              wrap: true,
              color: message.state === 'firing' ? 'Attention' : message.state === 'cleared' ? 'Good' : 'Default',
            },
            { type: 'TextBlock', text: message.summary, wrap: true },
            { type: 'FactSet', facts: facts(message) },
          ],
        },
      },
    ],
  };
}

/** The console's own JSON, for receivers of any kind. */
function genericPayload(message: AlertMessage) {
  return {
    event: `alert.${message.state}`,
    cluster: message.cluster,
    rule: message.rule,
    subject: message.subject,
    summary: message.summary,
    firedAt: message.firedAt,
    clearedAt: message.clearedAt,
  };
}
