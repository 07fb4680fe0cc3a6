import { randomUUID } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import type { ClusterConfig } from '../kafka/clusters-config';
import { KafkaClients } from '../kafka/kafka-clients';
import type { GroupMeasure, MetricsSample } from '../metrics/metrics.model';
import type { MetricsService, SampleListener, SampleOrigin } from '../metrics/metrics.service';
import { createLogger } from '../shared/logger';
import { TEST_BOOTSTRAP } from '../testing/test-kafka';
import { AlertEvaluator } from './alert-evaluator';
import { AlertEvents } from './alert-events';
import { AlertRules } from './alert-rules';
import type { AlertEvent, AlertRule, AlertRuleChange } from './alerts.model';
import { WebhookReceiver } from './webhook-receiver.fixtures';

/** Samples the spec gives the evaluator itself, as the metrics service hands on the sampler's. */
class PublishedSamples implements Pick<MetricsService, 'onSample'> {
  readonly #listeners = new Set<SampleListener>();

  onSample(listener: SampleListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  give(sample: MetricsSample, origin: SampleOrigin = { sampledHere: true }): void {
    for (const listener of this.#listeners) listener(sample, origin);
  }
}

const cluster: ClusterConfig = { name: 'local', bootstrapServers: TEST_BOOTSTRAP, connect: [] };
const T0 = Date.UTC(2026, 5, 1, 12, 0, 0);
const MINUTE = 60_000;
const FAST = { timeoutMs: 2_000, attempts: 3, backoffMs: 10 };

function aGroup(fields: Partial<GroupMeasure> = {}): GroupMeasure {
  return {
    groupId: 'spec.group',
    type: 'consumer',
    state: 'Stable',
    lag: 0,
    lagSeconds: 0,
    consumeRate: 10,
    catchUpSeconds: null,
    status: 'OK',
    rule: 'no-lag',
    partitions: [],
    ...fields,
  };
}

function aSample(time: number, groups: GroupMeasure[]): MetricsSample {
  return { cluster: 'local', time, topics: [], groups, underReplicatedPartitions: 0, offlinePartitions: 0 };
}

describe('AlertEvaluator', () => {
  const kafka = new KafkaClients();
  const audit = new AuditService([cluster], kafka);
  const rules = new AlertRules(kafka, audit);
  const events = new AlertEvents(kafka);
  const samples = new PublishedSamples();
  let evaluator: AlertEvaluator;
  let receiver: WebhookReceiver;
  const made: AlertRule[] = [];

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    evaluator = new AlertEvaluator(samples, [cluster], rules, events, { list: async () => [] }, createLogger('silent'), FAST);
  });
  afterAll(async () => {
    await evaluator.close();
    for (const rule of made) await rules.remove(cluster, rule.id, rule.name);
    await receiver.stop();
    await kafka.close();
  });

  /** A lag-seconds rule on a group of its own, telling the spec's receiver. */
  async function aRule(fields: Partial<AlertRuleChange> = {}): Promise<{ rule: AlertRule; group: string }> {
    const group = `spec.alerts.group.${randomUUID()}`;
    const rule = await rules.create(cluster, {
      name: `spec.alerts.${randomUUID()}`,
      kind: 'lag-seconds',
      target: group,
      threshold: 60,
      forMinutes: 0,
      webhookUrl: receiver.url,
      format: 'generic',
      ...fields,
    });
    made.push(rule);
    return { rule, group };
  }

  async function alertsOf(rule: AlertRule): Promise<AlertEvent[]> {
    return (await events.list(cluster, 1000)).filter((event) => event.ruleId === rule.id);
  }

  const behind = (groupId: string, lagSeconds: number) => aGroup({ groupId, lag: 500, lagSeconds });

  describe('a lag-seconds rule', () => {
    describe('when the group falls behind, then catches up', () => {
      it('fires once to the webhook, then clears', async () => {
        const { rule, group } = await aRule();
        const before = receiver.requests.length;

        await evaluator.evaluate(aSample(T0, [behind(group, 300)]));
        await evaluator.evaluate(aSample(T0 + MINUTE, [behind(group, 360)]));
        await evaluator.evaluate(aSample(T0 + 2 * MINUTE, [behind(group, 0)]));

        const told = receiver.requests.slice(before).filter((request) => request.body.rule?.id === rule.id);
        expect(told.map((request) => request.body.event)).toEqual(['alert.firing', 'alert.cleared']);
        expect(told[0]!.body.summary).toBe(`Consumer group ${group} is 300 s behind (500 records), above 60 s`);
        const [alert] = await alertsOf(rule);
        expect(alert).toEqual(
          jasmine.objectContaining({
            subject: group,
            firedAt: new Date(T0).toISOString(),
            clearedAt: new Date(T0 + 2 * MINUTE).toISOString(),
            clearedBecause: 'recovered',
          }),
        );
        expect(alert!.deliveries.map((delivery) => [delivery.message, delivery.outcome])).toEqual([
          ['fired', 'delivered'],
          ['cleared', 'delivered'],
        ]);
      });
    });

    describe('with for-minutes', () => {
      it('fires only once the condition has held that long', async () => {
        const { rule, group } = await aRule({ forMinutes: 2 });

        await evaluator.evaluate(aSample(T0, [behind(group, 300)]));
        await evaluator.evaluate(aSample(T0 + MINUTE, [behind(group, 300)]));
        expect(await alertsOf(rule)).toEqual([]);

        await evaluator.evaluate(aSample(T0 + 2 * MINUTE, [behind(group, 300)]));
        expect((await alertsOf(rule)).map((alert) => alert.firedAt)).toEqual([new Date(T0 + 2 * MINUTE).toISOString()]);
      });

      it('starts waiting again when the condition stops holding', async () => {
        const { rule, group } = await aRule({ forMinutes: 2 });

        await evaluator.evaluate(aSample(T0, [behind(group, 300)]));
        await evaluator.evaluate(aSample(T0 + MINUTE, [behind(group, 10)]));
        await evaluator.evaluate(aSample(T0 + 2 * MINUTE, [behind(group, 300)]));

        expect(await alertsOf(rule)).toEqual([]);
      });
    });
  });

  describe('samples', () => {
    describe('taken by this instance', () => {
      it('are evaluated as they come', async () => {
        evaluator.start();
        const { rule, group } = await aRule();

        samples.give(aSample(T0, [behind(group, 300)]));

        await receiver.until((request) => request.body.rule?.id === rule.id);
        expect((await alertsOf(rule)).length).toBe(1);
      });
    });

    describe('read from the history another instance wrote', () => {
      it('are left to that instance', async () => {
        evaluator.start();
        const { rule, group } = await aRule();

        samples.give(aSample(T0, [behind(group, 300)]), { sampledHere: false });
        // A sample taken here after it shows the evaluation ran, and fired for its own group only.
        const { rule: witness, group: witnessGroup } = await aRule();
        samples.give(aSample(T0, [behind(witnessGroup, 300)]));
        await receiver.until((request) => request.body.rule?.id === witness.id);

        expect(await alertsOf(rule)).toEqual([]);
      });
    });
  });

  describe('another instance taking the sampling over', () => {
    it('clears what the first fired, without firing it again', async () => {
      const { rule, group } = await aRule();
      await evaluator.evaluate(aSample(T0, [behind(group, 300)]));
      const otherKafka = new KafkaClients();
      const other = new AlertEvaluator(
        new PublishedSamples(),
        [cluster],
        new AlertRules(otherKafka, new AuditService([cluster], otherKafka)),
        new AlertEvents(otherKafka),
        { list: async () => [] },
        createLogger('silent'),
        FAST,
      );
      const before = receiver.requests.length;

      try {
        await other.evaluate(aSample(T0 + MINUTE, [behind(group, 300)]));
        await other.evaluate(aSample(T0 + 2 * MINUTE, [behind(group, 0)]));
      } finally {
        await otherKafka.close();
      }

      const told = receiver.requests.slice(before).filter((request) => request.body.rule?.id === rule.id);
      expect(told.map((request) => request.body.event)).toEqual(['alert.cleared']);
      expect((await alertsOf(rule)).map((alert) => alert.clearedBecause)).toEqual(['recovered']);
    });
  });

  describe('a rule switched off while it fires', () => {
    it('clears its alert without telling the webhook', async () => {
      const { rule, group } = await aRule();
      await evaluator.evaluate(aSample(T0, [behind(group, 300)]));
      const { id: _id, createdAt: _c, updatedAt: _u, ...change } = rule;
      await rules.update(cluster, rule.id, { ...change, enabled: false });
      const before = receiver.requests.length;

      await evaluator.evaluate(aSample(T0 + MINUTE, [behind(group, 300)]));

      expect(receiver.requests.slice(before).filter((request) => request.body.rule?.id === rule.id)).toEqual([]);
      expect((await alertsOf(rule)).map((alert) => alert.clearedBecause)).toEqual(['rule-disabled']);
    });
  });

  describe('a webhook that fails', () => {
    it('is tried again, and the failure is recorded with the alert', async () => {
      // Its own receiver: the evaluation also clears other specs' alerts, whose groups are not in the sample.
      const failing = await WebhookReceiver.start();
      failing.answerWith(503, 503, 503);
      const { rule, group } = await aRule({ webhookUrl: failing.url });

      await evaluator.evaluate(aSample(T0, [behind(group, 300)])).finally(() => failing.stop());

      const [alert] = await alertsOf(rule);
      expect(alert!.deliveries).toEqual([
        jasmine.objectContaining({
          message: 'fired',
          outcome: 'failed',
          attempts: 3,
          httpStatus: 503,
          error: 'The webhook answered HTTP 503: invalid_payload',
        }),
      ]);
    });
  });
});
