import { randomUUID } from 'node:crypto';
import { GroupFixtures } from '../testing/consumer-groups.fixtures';
import { startTestApi, testClusters, type TestApi } from '../testing/test-api';
import type { AlertEvent, AlertRuleView } from './alerts.model';
import { WebhookReceiver } from './webhook-receiver.fixtures';

/** Sampled every second here (15 s when the console runs), so an alert fires within seconds. */
const SETTINGS = { intervalMs: 1_000, retentionMs: 3_600_000 };
const WAIT_MS = 45_000;

/**
 * Alerts end to end: the console's own sampler measures a real group on the real broker, the
 * rule fires to a real webhook receiver, and clears once the group catches up.
 */
describe('alerts on the sampled cluster', () => {
  let api: TestApi;
  let groups: GroupFixtures;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    api = await startTestApi(testClusters(), { metrics: SETTINGS });
    groups = new GroupFixtures(api.kafka);
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await receiver.stop();
    await groups.cleanUp();
    await api.stop();
  });

  describe('a lag-seconds rule on a group that stops while its topic is written', () => {
    let topic: string;
    let groupId: string;
    let rule: AlertRuleView;
    let stopWriting: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      topic = await api.kafka.createTopic('alerts.lag');
      stopWriting = api.kafka.writeSteadily(topic, 20);
      // The group read nothing and commits no more: it falls further behind every second.
      groupId = await groups.committedGroup('alerts.lag', topic, [0]);
      const res = await api.post('/api/clusters/local/alerts/rules', {
        name: `spec.alerts.firing.${randomUUID()}`,
        kind: 'lag-seconds',
        target: groupId,
        threshold: 3,
        forMinutes: 0,
        webhookUrl: receiver.url,
        format: 'slack',
      });
      rule = res.body as AlertRuleView;
    });
    afterAll(async () => {
      await stopWriting?.();
      await api.request('DELETE', `/api/clusters/local/alerts/rules/${rule.id}?confirm=${encodeURIComponent(rule.name)}`);
    });

    const ours = (request: { body: { text?: string } }) => request.body.text?.includes(rule.name) ?? false;
    const alertsOfRule = async () =>
      ((await api.get('/api/clusters/local/alerts/events?limit=1000')).body.events as AlertEvent[]).filter(
        (event) => event.ruleId === rule.id,
      );

    it(
      'fires to the webhook once it is further behind than the threshold, and clears once it catches up',
      async () => {
        const fired = await receiver.until((request) => ours(request) && request.body.text.startsWith('FIRING'), { timeoutMs: WAIT_MS });

        expect(fired.body.text).toContain(`Consumer group ${groupId} is`);
        expect(fired.body.blocks[0].text.text).toBe(`FIRING: ${rule.name} on cluster local`);
        expect(await alertsOfRule()).toEqual([jasmine.objectContaining({ subject: groupId, clearedAt: null })]);
        const firing = (await api.get(`/api/clusters/local/alerts/rules/${rule.id}`)).body as AlertRuleView;
        expect([firing.status, firing.firing]).toEqual(['firing', [groupId]]);

        await stopWriting!();
        stopWriting = undefined;
        const [end] = await groups.logEndOffsets(topic, 1);
        await groups.commit(groupId, topic, [end!]);
        await receiver.until((request) => ours(request) && request.body.text.startsWith('CLEARED'), { timeoutMs: WAIT_MS });

        const [alert, ...others] = await alertsOfRule();
        expect(others).toEqual([]);
        expect(alert!.clearedBecause).toBe('recovered');
        expect(alert!.deliveries.map((delivery) => `${delivery.message} ${delivery.outcome}`)).toEqual([
          'fired delivered',
          'cleared delivered',
        ]);
        expect(receiver.requests.filter((request) => ours(request) && request.body.text.startsWith('FIRING')).length).toBe(1);
        const cleared = (await api.get(`/api/clusters/local/alerts/rules/${rule.id}`)).body as AlertRuleView;
        expect(cleared.status).toBe('ok');
      },
      2 * WAIT_MS + 10_000,
    );
  });
});
