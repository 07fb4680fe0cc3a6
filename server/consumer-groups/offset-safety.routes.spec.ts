import type { AuditPage, AuditRecord } from '../audit/audit.model';
import { AUDIT_TOPIC } from '../audit/audit.service';
import { ConfigResourceTypes, IncrementalAlterConfigOperationTypes } from '../kafka/client';
import type { ApiErrorBody } from '../shared/app-error';
import { useTestApi } from '../testing/spec-setup';
import { startTestApi, type TestApi } from '../testing/test-api';
import { eventually, freezeTestProcess } from '../testing/test-stack';
import type { OffsetChangeResult, ResetPreview } from './consumer-group.model';

type Answer<T> = T & ApiErrorBody;
const offsetsUrl = (group: string, what: string) => `/api/clusters/local/consumer-groups/${encodeURIComponent(group)}/offsets/${what}`;

/** What a reset from the UI sends: the previewed targets and the current offsets it saw. */
async function previewedReset(api: TestApi, group: string, topic: string, mode: string): Promise<object> {
  const preview = (await api.post<ResetPreview>(offsetsUrl(group, 'preview'), { topics: [{ topic }], mode })).body;
  return {
    topics: [{ topic }],
    mode,
    confirm: true,
    targets: preview.partitions.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.targetOffset })),
    expected: preview.partitions.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.currentOffset })),
  };
}

describe('consumer group offsets, changed safely', () => {
  const { api, groups: fixtures } = useTestApi();
  const recordsOf = async (group: string): Promise<AuditRecord[]> =>
    (await api.get<AuditPage>('/api/audit?cluster=local&action=consumer-group&limit=1000')).body.items.filter(
      (r) => r.subject.name === group,
    );

  describe('when the audit log cannot take the record', () => {
    const setAuditMaxBytes = (value: string | null) =>
      api.kafka.admin.incrementalAlterConfigs({
        resources: [
          {
            resourceType: ConfigResourceTypes.TOPIC,
            resourceName: AUDIT_TOPIC,
            configs: [
              value === null
                ? { name: 'max.message.bytes', configOperation: IncrementalAlterConfigOperationTypes.DELETE }
                : { name: 'max.message.bytes', configOperation: IncrementalAlterConfigOperationTypes.SET, value },
            ],
          },
        ],
      });

    it('changes nothing and says why (503 AUDIT_UNAVAILABLE)', async () => {
      const topic = await fixtures.topic('ghost', [10, 5]);
      const group = await fixtures.committedGroup('ghost', topic, [7, 3]);
      await api.get('/api/audit?cluster=local'); // the audit topic exists from here on
      await setAuditMaxBytes('200');
      let res;
      try {
        res = await api.post<Answer<OffsetChangeResult>>(offsetsUrl(group, 'reset'), {
          topics: [{ topic }],
          mode: 'earliest',
          confirm: true,
        });
      } finally {
        await setAuditMaxBytes(null);
      }

      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('AUDIT_UNAVAILABLE');
      expect(res.body.error.message).toContain('Nothing was changed');
      expect(await fixtures.committedOffsets(group, topic, 2)).toEqual([7, 3]);
    });
  });

  describe('when the broker freezes during a reset', () => {
    it('never answers "unreachable" for offsets it applied: applied, unknown, or unchanged', async () => {
      const topic = await fixtures.topic('frozen', [10, 5]);
      // A reset takes tens of milliseconds here: freeze at points across it.
      for (const delayMs of [0, 15, 30]) {
        const group = await fixtures.committedGroup('frozen', topic, [7, 3]);
        const answer = api.post<Answer<OffsetChangeResult>>(offsetsUrl(group, 'reset'), {
          topics: [{ topic }],
          mode: 'earliest',
          confirm: true,
        });
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        const resume = await freezeTestProcess('broker-1');
        let res;
        try {
          res = await answer;
        } finally {
          resume();
        }
        await eventually(async () => (await api.get('/api/clusters/local/overview')).status === 200, 15_000);
        const offsets = await fixtures.committedOffsets(group, topic, 2);

        if (res.status === 200) expect(offsets).withContext(`${delayMs} ms`).toEqual([0, 0]);
        else if (res.status === 504) expect(res.body.error.code).withContext(`${delayMs} ms`).toBe('OUTCOME_UNKNOWN');
        else expect(offsets).withContext(`${delayMs} ms: ${res.status} ${res.body.error?.code}`).toEqual([7, 3]);
      }
      // Each round waits out a deadline and the recovery of the cluster.
    }, 120_000);
  });

  describe('two resets of one group at the same instant', () => {
    const race = async (first: TestApi, second: TestApi) => {
      const topic = await fixtures.topic('race', [10, 5]);
      const group = await fixtures.committedGroup('race', topic, [7, 3]);
      const [toEarliest, toLatest] = [
        await previewedReset(first, group, topic, 'earliest'),
        await previewedReset(second, group, topic, 'latest'),
      ];

      const answers = await Promise.all([
        first.post<Answer<OffsetChangeResult>>(offsetsUrl(group, 'reset'), toEarliest),
        second.post<Answer<OffsetChangeResult>>(offsetsUrl(group, 'reset'), toLatest),
      ]);
      return { group, topic, answers };
    };

    describe('in one console', () => {
      it('applies one and refuses the other with 409, in every round', async () => {
        for (let round = 0; round < 3; round++) {
          const { answers } = await race(api, api);

          expect(answers.map((a) => a.status).sort())
            .withContext(`round ${round}`)
            .toEqual([200, 409]);
        }
      });
    });

    describe('in two consoles sharing the cluster', () => {
      let other: TestApi;
      beforeAll(async () => (other = await startTestApi()));
      afterAll(() => other.stop());

      it('applies one and refuses the other with 409, and the record of the one applied says what it found', async () => {
        for (let round = 0; round < 3; round++) {
          const { group, topic, answers } = await race(api, other);

          expect(answers.map((a) => a.status).sort())
            .withContext(`round ${round}`)
            .toEqual([200, 409]);
          const applied = (await recordsOf(group)).filter((record) => record.outcome === 'applied');
          expect(applied.length).toBe(1);
          expect(applied[0]!.before).toEqual([
            { topic, partition: 0, offset: 7 },
            { topic, partition: 1, offset: 3 },
          ]);
        }
      });
    });
  });

  describe('two undos of one reset at the same instant', () => {
    let other: TestApi;
    beforeAll(async () => (other = await startTestApi()));
    afterAll(() => other.stop());

    for (const where of ['one console', 'two consoles'] as const) {
      it(`apply at most once, from ${where}`, async () => {
        const topic = await fixtures.topic('undo-race', [10, 5]);
        const group = await fixtures.committedGroup('undo-race', topic, [7, 3]);
        const reset = await api.post<OffsetChangeResult>(offsetsUrl(group, 'reset'), {
          topics: [{ topic }],
          mode: 'earliest',
          confirm: true,
        });
        const second = where === 'one console' ? api : other;

        const answers = await Promise.all([
          api.post<Answer<OffsetChangeResult>>(offsetsUrl(group, 'undo'), { auditId: reset.body.auditId }),
          second.post<Answer<OffsetChangeResult>>(offsetsUrl(group, 'undo'), { auditId: reset.body.auditId }),
        ]);

        expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
        expect((await recordsOf(group)).filter((r) => r.action === 'consumer-group.offsets.undo' && r.outcome === 'applied').length).toBe(
          1,
        );
        expect(await fixtures.committedOffsets(group, topic, 2)).toEqual([7, 3]);
      });
    }
  });

  describe('a reset previewed before another one was applied', () => {
    it('is refused with 409 PREVIEW_OUTDATED, naming what moved', async () => {
      const topic = await fixtures.topic('outdated', [10, 5]);
      const group = await fixtures.committedGroup('outdated', topic, [7, 3]);
      const stale = await previewedReset(api, group, topic, 'earliest');
      await api.post(offsetsUrl(group, 'reset'), { topics: [{ topic }], mode: 'latest', confirm: true });

      const res = await api.post<Answer<OffsetChangeResult>>(offsetsUrl(group, 'reset'), stale);

      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('PREVIEW_OUTDATED');
      expect(res.body.error.message).toContain('partition 0: 7 then, 10 now');
      expect(await fixtures.committedOffsets(group, topic, 2)).toEqual([10, 5]);
    });
  });

  describe('the answer of an applied reset', () => {
    it('lists each partition with its outcome', async () => {
      const topic = await fixtures.topic('outcomes', [10, 5]);
      const group = await fixtures.committedGroup('outcomes', topic, [7, 3]);

      const res = await api.post<OffsetChangeResult>(offsetsUrl(group, 'reset'), { topics: [{ topic }], mode: 'earliest', confirm: true });

      expect(res.body.partitions).toEqual([
        { topic, partition: 0, before: 7, after: 0, outcome: 'applied' },
        { topic, partition: 1, before: 3, after: 0, outcome: 'applied' },
      ]);
    });
  });
});
