import { startTestApi, testClusters, type TestApi } from '../testing/test-api';
import { useTestApi } from '../testing/spec-setup';
import { asUser, testAccess } from '../testing/test-access';
import type { BridgeHealth, BridgeSettings, BridgeSources, SequenceCheckJob } from './bridge.model';

const bridgeUrl = (topic: string) => `/api/clusters/local/topics/${topic}/bridge`;

/** An event of the monolith's export: a unique, rising sequence and the aggregate it belongs to. */
const event = (sequence: number, id = `order-${sequence % 3}`) => JSON.stringify({ sequence, id, type: 'OrderPlaced' });

/** Starts a check and polls it until it is done or failed. */
async function runCheck(api: TestApi, topic: string, body: object = {}): Promise<SequenceCheckJob> {
  const started = await api.post<SequenceCheckJob>(`${bridgeUrl(topic)}/checks`, body);
  expect(started.status).withContext(JSON.stringify(started.body)).toBe(202);
  for (let attempt = 0; attempt < 100; attempt++) {
    const job = (await api.get<SequenceCheckJob>(`${bridgeUrl(topic)}/checks/${started.body.id}`)).body;
    if (job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the check did not finish');
}

describe('bridge health', () => {
  const { api, connect } = useTestApi();

  describe('POST .../bridge/checks', () => {
    describe('on a sequence with a gap, a duplicate and a late event', () => {
      it('finds each, with the partition and offset of its records', async () => {
        const topic = await api.kafka.createTopic('bridge-check');
        // Sequence 5 never arrived, 7 came twice, and 10 of key order-1 came after its 11.
        const sequences = [1, 2, 3, 4, 6, 7, 7, 8, 9, 11, 10];
        await api.kafka.produce(
          topic,
          sequences.map((sequence) => ({ key: sequence >= 10 ? 'order-1' : `order-${sequence}`, value: event(sequence) })),
        );

        const job = await runCheck(api, topic);

        expect(job.status).toBe('done');
        const report = job.report!;
        expect(report.recordsRead).toBe(11);
        expect(report.verdict).toBe('gaps');
        expect(report.gaps).toEqual({
          missing: 1,
          ranges: 1,
          examples: [{ from: 5, to: 5, missing: 1, before: { partition: 0, offset: 3 }, after: { partition: 0, offset: 4 } }],
        });
        expect(report.duplicates).toEqual({
          records: 1,
          sequences: 1,
          examples: [
            {
              sequence: 7,
              records: [
                { partition: 0, offset: 5 },
                { partition: 0, offset: 6 },
              ],
            },
          ],
        });
        expect(report.outOfOrder.records).toBe(1);
        expect(report.outOfOrder.examples[0]).toEqual({
          key: 'order-1',
          sequence: 10,
          previousSequence: 11,
          record: { partition: 0, offset: 10 },
          previousRecord: { partition: 0, offset: 9 },
        });
        expect(report.summary).toContain('DATA LOST');
        expect(report.summary).toContain('consumers must be idempotent');
      });
    });

    describe('limited to the newest records', () => {
      it('reads no more than asked and counts gaps only where it read', async () => {
        const topic = await api.kafka.createTopic('bridge-limit');
        await api.kafka.produce(
          topic,
          [1, 2, 4, 5, 6, 7].map((sequence) => ({ key: 'k', value: event(sequence) })),
        );

        const job = await runCheck(api, topic, { limit: 4 });

        expect(job.report!.recordsRead).toBe(4);
        expect(job.report!.scanned).toEqual([{ partition: 0, fromOffset: 2, toOffset: 6, fromLogStart: false, toLogEnd: true }]);
        expect(job.report!.verdict).toBe('ok');
      });
    });

    describe('with a sequence field set for the topic', () => {
      it('reads the sequence from that JSON path', async () => {
        const topic = await api.kafka.createTopic('bridge-path');
        await api.kafka.produce(
          topic,
          [1, 2, 2, 3].map((seq) => ({ key: 'k', value: JSON.stringify({ meta: { seq } }) })),
        );
        await api.request('PUT', `${bridgeUrl(topic)}/settings`, { sequenceField: 'meta.seq' });

        const job = await runCheck(api, topic);

        expect(job.report!.sequenceField).toBe('meta.seq');
        expect(job.report!.verdict).toBe('duplicates');
        expect(job.report!.duplicates.examples).toEqual([
          {
            sequence: 2,
            records: [
              { partition: 0, offset: 1 },
              { partition: 0, offset: 2 },
            ],
          },
        ]);
      });
    });

    describe('with bad input', () => {
      it('answers 400 for a limit past the budget and for a partition the topic lacks, and 404 for an unknown topic', async () => {
        const topic = await api.kafka.createTopic('bridge-bad');

        const tooMany = await api.post(`${bridgeUrl(topic)}/checks`, { limit: 1_000_000 });
        const noPartition = await api.post(`${bridgeUrl(topic)}/checks`, { partition: 3 });
        const noTopic = await api.post(`${bridgeUrl('spec.bridge.none')}/checks`, {});

        expect(tooMany.status).toBe(400);
        expect(tooMany.body.error.message).toContain('at most 100000 records');
        expect(noPartition.status).toBe(400);
        expect(noPartition.body.error.code).toBe('PARTITION_NOT_FOUND');
        expect(noTopic.status).toBe(404);
        expect(noTopic.body.error.code).toBe('TOPIC_NOT_FOUND');
      });
    });
  });

  describe('GET .../bridge', () => {
    describe('for a topic a FileStreamSource connector publishes', () => {
      it('translates its committed offset into the line and sequence it resumes at', async () => {
        const lines = [event(101), event(102), event(103)];
        const source = await connect.source('bridge-source', lines);
        await connect.untilRecordCount(source.topic, 3);
        await connect.untilOffsets(source.name);
        // Rewind the connector to after the first line: it would publish lines 2 and 3 again.
        await connect.worker('PUT', `/connectors/${encodeURIComponent(source.name)}/stop`);
        await connect.until(source.name, (status) => status.connector.state === 'STOPPED' && status.tasks.length === 0);
        const afterFirstLine = Buffer.byteLength(`${lines[0]}\n`);
        const altered = await connect.worker('PATCH', `/connectors/${encodeURIComponent(source.name)}/offsets`, {
          offsets: [{ partition: { filename: source.file }, offset: { position: afterFirstLine } }],
        });
        expect(altered.status).toBe(200);

        const res = await api.get<BridgeHealth>(bridgeUrl(source.topic));

        expect(res.status).toBe(200);
        expect(res.body.published.sequence).toBe(103);
        expect(res.body.published.record).toEqual({ partition: 0, offset: 2 });
        expect(res.body.sources).toEqual([
          {
            connectCluster: 'test-connect',
            connector: source.name,
            className: 'FileStreamSource',
            state: 'STOPPED',
            restartPoints: [
              {
                sourcePartition: { filename: source.file },
                offset: { position: afterFirstLine },
                filePosition: {
                  file: source.file,
                  position: afterFirstLine,
                  linesCommitted: 1,
                  committedSequence: 101,
                  nextLine: 2,
                  nextSequence: 102,
                },
                publishedPastRestart: 2,
              },
            ],
          },
        ]);
      });
    });

    describe('for a topic no connector publishes', () => {
      it('names no source and says why no sequence was found', async () => {
        const topic = await api.kafka.createTopic('bridge-none');
        await api.kafka.produce(topic, [{ key: 'k', value: 'not json' }]);

        const res = await api.get<BridgeHealth>(bridgeUrl(topic));
        const sources = await api.get<BridgeSources>(`${bridgeUrl(topic)}/sources`);

        expect(res.body.sources).toEqual([]);
        expect(res.body.published.sequence).toBeNull();
        expect(res.body.published.problem).toContain('"sequence"');
        expect(sources.body.sources).toEqual([]);
      });
    });

    describe('for an unknown topic', () => {
      it('answers 404 TOPIC_NOT_FOUND', async () => {
        const res = await api.get(bridgeUrl('spec.bridge.missing'));

        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('TOPIC_NOT_FOUND');
      });
    });
  });

  describe('PUT .../bridge/settings', () => {
    it('keeps the field in the cluster: a new console instance reads it back, and the change is audited', async () => {
      const topic = await api.kafka.createTopic('bridge-settings');

      const res = await api.request<BridgeSettings>('PUT', `${bridgeUrl(topic)}/settings`, { sequenceField: 'meta.seq', keyField: 'id' });

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ sequenceField: 'meta.seq', keyField: 'id' });
      const other = await startTestApi(testClusters());
      try {
        expect((await other.get(`${bridgeUrl(topic)}/settings`)).body).toEqual({ sequenceField: 'meta.seq', keyField: 'id' });
      } finally {
        await other.stop();
      }
      const audit = await api.get(`/api/audit?cluster=local&action=topic.bridge-settings.set`);
      const record = audit.body.items.find((item: { subject: { name: string } }) => item.subject.name === topic);
      expect(record).toEqual(
        jasmine.objectContaining({ outcome: 'applied', before: null, after: { sequenceField: 'meta.seq', keyField: 'id' } }),
      );
    });

    it('answers the defaults for a topic nobody set', async () => {
      const topic = await api.kafka.createTopic('bridge-default');

      expect((await api.get(`${bridgeUrl(topic)}/settings`)).body).toEqual({ sequenceField: 'sequence', keyField: null });
    });

    it('refuses a field that is no JSON path with 400, naming the rule', async () => {
      const topic = await api.kafka.createTopic('bridge-bad-path');

      const res = await api.request('PUT', `${bridgeUrl(topic)}/settings`, { sequenceField: 'meta..seq' });

      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.message).toContain('e.g. sequence or meta.seq');
    });
  });
});

describe('bridge settings by role', () => {
  const { api } = useTestApi(testClusters, async () => ({ access: await testAccess() }));

  it('lets an operator set the sequence field and refuses a viewer with 403', async () => {
    const topic = await api.kafka.createTopic('bridge-roles');
    const url = `${bridgeUrl(topic)}/settings`;

    const asViewer = await api.request('PUT', url, { sequenceField: 'seq' }, asUser('viewer'));
    const asOperator = await api.request('PUT', url, { sequenceField: 'seq' }, asUser('operator'));
    const read = await api.request('GET', url, undefined, asUser('viewer'));

    expect(asViewer.status).toBe(403);
    expect(asViewer.body.error.code).toBe('ROLE_REQUIRED');
    expect(asOperator.status).toBe(200);
    expect(read.body).toEqual({ sequenceField: 'seq', keyField: null });
  });
});
