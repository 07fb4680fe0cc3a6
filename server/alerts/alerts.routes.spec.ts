import { randomUUID } from 'node:crypto';
import { useTestApi } from '../testing/spec-setup';
import type { AlertRuleChange } from './alerts.model';
import { WebhookReceiver } from './webhook-receiver.fixtures';

const rules = '/api/clusters/local/alerts/rules';

describe('alert rules routes', () => {
  const { api } = useTestApi();
  let receiver: WebhookReceiver;
  const made: { id: string; name: string }[] = [];

  beforeAll(async () => (receiver = await WebhookReceiver.start()));
  afterAll(async () => {
    for (const rule of made) await api.request('DELETE', `${rules}/${rule.id}?confirm=${encodeURIComponent(rule.name)}`);
    await receiver.stop();
  });

  function aRule(fields: Partial<AlertRuleChange> = {}): AlertRuleChange {
    return {
      name: `spec.alerts.${randomUUID()}`,
      kind: 'lag-seconds',
      target: `spec.alerts.group.${randomUUID()}`,
      threshold: 120,
      forMinutes: 5,
      webhookUrl: receiver.url,
      format: 'slack',
      ...fields,
    };
  }

  async function create(fields: Partial<AlertRuleChange> = {}) {
    const res = await api.post(rules, aRule(fields));
    if (res.status === 201) made.push({ id: res.body.id, name: res.body.name });
    return res;
  }

  describe('POST /api/clusters/:cluster/alerts/rules', () => {
    describe('with a valid rule', () => {
      it('keeps it in the cluster, answering it with its webhook URL masked', async () => {
        const res = await create({ kind: 'group-status', statuses: ['STOP'], threshold: 99 });

        expect(res.status).toBe(201);
        expect(res.body).toEqual(
          jasmine.objectContaining({ kind: 'group-status', statuses: ['STOP'], threshold: null, enabled: true, status: 'ok', firing: [] }),
        );
        expect(res.body.webhookUrl).toBe(`${new URL(receiver.url).origin}/********`);
        const listed = await api.get(rules);
        expect(listed.body.rules.map((rule: { id: string }) => rule.id)).toContain(res.body.id);
        expect(await api.kafka.readAll('_kpc-alert-rules')).toContain(
          jasmine.objectContaining({ key: res.body.id, value: jasmine.stringContaining(receiver.url) }),
        );
      });

      it('is audited without the secret part of the webhook URL', async () => {
        const res = await create();

        const audit = await api.get(`/api/audit?cluster=local&action=alert-rule.create&subject=${encodeURIComponent(res.body.name)}`);
        expect(audit.body.items[0]).toEqual(
          jasmine.objectContaining({ action: 'alert-rule.create', outcome: 'applied', parameters: { id: res.body.id } }),
        );
        expect(JSON.stringify(audit.body.items[0])).not.toContain('secret');
      });
    });

    describe('with bad input', () => {
      it('answers 400 naming a lag-seconds rule without a threshold', async () => {
        const res = await create({ threshold: null });

        expect(res.status).toBe(400);
        expect(res.body.error).toEqual({
          code: 'VALIDATION_FAILED',
          message: 'The request body is not valid: threshold: the seconds behind above which the rule fires, a number above 0',
        });
      });

      it('answers 400 to a webhook URL that is not http or https', async () => {
        const res = await create({ webhookUrl: 'file:///etc/passwd' });

        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('webhookUrl: must be an http:// or https:// URL');
      });

      it('answers 400 to an unknown kind, naming the kinds', async () => {
        const res = await create({ kind: 'disk-full' as never });

        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(
          'kind: one of lag-seconds, group-status, connector-failed, under-replicated, streams-app-empty',
        );
      });

      it('answers 400 to a rule of a group without the group', async () => {
        const res = await create({ kind: 'group-status', target: undefined });

        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('target: name the consumer group, or * for every one');
      });
    });

    describe('with a name another rule has', () => {
      it('answers 409 ALERT_RULE_EXISTS', async () => {
        const first = await create();

        const res = await create({ name: first.body.name });

        expect(res.status).toBe(409);
        expect(res.body.error.code).toBe('ALERT_RULE_EXISTS');
      });
    });
  });

  describe('PUT /api/clusters/:cluster/alerts/rules/:id', () => {
    it('changes the rule and keeps the webhook URL sent back masked', async () => {
      const made = await create();

      const res = await api.request(
        'PUT',
        `${rules}/${made.body.id}`,
        aRule({ name: made.body.name, threshold: 30, webhookUrl: made.body.webhookUrl }),
      );

      expect(res.status).toBe(200);
      expect(res.body.threshold).toBe(30);
      const test = await api.post(`${rules}/${made.body.id}/test`, {});
      expect(test.body.outcome).toBe('delivered');
    });

    it('answers 404 ALERT_RULE_NOT_FOUND for a rule that is not there', async () => {
      const res = await api.request('PUT', `${rules}/${randomUUID()}`, aRule());

      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('ALERT_RULE_NOT_FOUND');
    });
  });

  describe('DELETE /api/clusters/:cluster/alerts/rules/:id', () => {
    it('refuses without the rule name typed, and keeps the rule', async () => {
      const made = await create();

      const res = await api.request('DELETE', `${rules}/${made.body.id}?confirm=yes`);

      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('CONFIRMATION_REQUIRED');
      expect((await api.get(`${rules}/${made.body.id}`)).status).toBe(200);
    });

    it('removes the rule confirmed with its name', async () => {
      const made = await create();

      const res = await api.request('DELETE', `${rules}/${made.body.id}?confirm=${encodeURIComponent(made.body.name)}`);

      expect(res.status).toBe(204);
      expect((await api.get(`${rules}/${made.body.id}`)).status).toBe(404);
    });
  });

  describe('POST /api/clusters/:cluster/alerts/rules/:id/test', () => {
    describe('to a Slack webhook', () => {
      it('delivers a Slack message now', async () => {
        const made = await create({ format: 'slack' });
        const before = receiver.requests.length;

        const res = await api.post(`${rules}/${made.body.id}/test`, {});

        expect(res.body).toEqual(jasmine.objectContaining({ message: 'test', outcome: 'delivered', attempts: 1, httpStatus: 200 }));
        const received = await receiver.until(() => true, { after: before });
        expect(received.path).toBe('/services/T000/B000/secret');
        expect(received.body.text).toContain(`TEST: ${made.body.name} on cluster local`);
        expect(received.body.blocks[0].type).toBe('header');
      });
    });

    describe('to a Teams webhook', () => {
      it('delivers an Adaptive Card', async () => {
        const made = await create({ format: 'teams' });
        const before = receiver.requests.length;

        await api.post(`${rules}/${made.body.id}/test`, {});

        const received = await receiver.until(() => true, { after: before });
        expect(received.body.type).toBe('message');
        expect(received.body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
        expect(received.body.attachments[0].content.body[0].text).toContain(made.body.name);
      });
    });

    describe('when the webhook refuses the message', () => {
      it('answers the failure in plain words, without trying again', async () => {
        const made = await create();
        receiver.answerWith(400);

        const res = await api.post(`${rules}/${made.body.id}/test`, {});

        expect(res.status).toBe(200);
        expect(res.body).toEqual(
          jasmine.objectContaining({
            outcome: 'failed',
            attempts: 1,
            httpStatus: 400,
            error: 'The webhook answered HTTP 400: invalid_payload',
          }),
        );
      });
    });
  });

  describe('GET /api/clusters/:cluster/alerts/events', () => {
    it('answers the history, newest first', async () => {
      const res = await api.get('/api/clusters/local/alerts/events?limit=5');

      expect(res.status).toBe(200);
      expect(res.body.events.length).toBeLessThanOrEqual(5);
    });

    it('answers 400 to a limit out of range', async () => {
      const res = await api.get('/api/clusters/local/alerts/events?limit=0');

      expect(res.status).toBe(400);
    });
  });
});
