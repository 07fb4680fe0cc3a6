import { testClusters } from '../testing/test-api';
import { useTestApi } from '../testing/spec-setup';
import type { ConnectorOffsets, OffsetsChangeResult } from './connect.model';
import { CONNECT_API, type SeededSource } from '../testing/test-connect';

describe('Kafka Connect connector offsets', () => {
  const { api, connect } = useTestApi();

  const local = testClusters()[0]!;
  const offsetsUrl = (name: string) => `${CONNECT_API}/connectors/${name}/offsets`;

  /** A source that has published its three lines and committed where it stopped reading. */
  async function publishedSource(purpose: string): Promise<SeededSource> {
    const source = await connect.source(purpose, ['a', 'b', 'c']);
    await connect.untilRecordCount(source.topic, 3);
    await connect.untilOffsets(source.name);
    return source;
  }

  describe('GET .../offsets', () => {
    it('answers the source offsets as the connector defines them', async () => {
      const source = await publishedSource('read');

      const res = await api.get<ConnectorOffsets>(offsetsUrl(source.name));

      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        connector: source.name,
        type: 'source',
        offsets: [{ partition: { filename: source.file }, offset: { position: 6 } }],
      });
    });
  });

  describe('GET .../offsets of a sink', () => {
    it('answers the topic partitions and offsets its consumer group committed', async () => {
      const name = connect.connectorName('sink');
      const topic = await api.kafka.createTopic('sink');
      await api.kafka.produce(topic, [
        { key: 'k', value: 'a' },
        { key: 'k', value: 'b' },
      ]);
      await connect.worker('POST', '/connectors', {
        name,
        config: {
          'connector.class': 'FileStreamSink',
          topics: topic,
          file: connect.file([]),
          'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
          'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
        },
      });
      await connect.untilOffsets(name);

      const res = await api.get<ConnectorOffsets>(offsetsUrl(name));

      expect(res.body).toEqual({
        connector: name,
        type: 'sink',
        offsets: [{ partition: { kafka_topic: topic, kafka_partition: 0 }, offset: { kafka_offset: 2 } }],
      });
    });
  });

  describe('POST .../offsets/rewind', () => {
    describe('without offsets (reset)', () => {
      it('stops, resets, resumes and the source publishes its lines again', async () => {
        const source = await publishedSource('reset');

        const res = await api.post<OffsetsChangeResult>(`${offsetsUrl(source.name)}/rewind`, { resume: true, confirm: true });

        expect(res.status).toBe(200);
        expect(res.body.before.offsets).toEqual([{ partition: { filename: source.file }, offset: { position: 6 } }]);
        // Connect may still list the partition, with a null offset, until its tombstone is compacted away.
        expect(res.body.after.offsets.filter((entry) => entry.offset !== null)).toEqual([]);
        expect(await connect.untilRecordCount(source.topic, 6)).toBe(6);
        expect((await connect.until(source.name, (s) => s.connector.state === 'RUNNING')).connector.state).toBe('RUNNING');
      });

      it('audits the reset with the offsets before and after', async () => {
        const source = await publishedSource('audit');

        const res = await api.post<OffsetsChangeResult>(`${offsetsUrl(source.name)}/rewind`, { resume: false, confirm: true });

        expect(await api.audit.find(local, res.body.auditId)).toEqual(
          jasmine.objectContaining({
            action: 'connector.offsets.reset',
            subject: { kind: 'connector', name: source.name },
            parameters: { connectCluster: 'test-connect' },
            before: [{ partition: { filename: source.file }, offset: { position: 6 } }],
            actor: jasmine.stringMatching(/^anonymous@/),
          }),
        );
        expect(res.body.state).toBe('STOPPED');
        expect(res.body.after.offsets.filter((entry) => entry.offset !== null)).toEqual([]);
      });
    });

    describe('with offsets (alter)', () => {
      it('republishes from the given position', async () => {
        const source = await publishedSource('alter');
        // "a\n" is two bytes: from there, "b" and "c" are published again.
        const offsets = [{ partition: { filename: source.file }, offset: { position: 2 } }];

        const res = await api.post<OffsetsChangeResult>(`${offsetsUrl(source.name)}/rewind`, { offsets, resume: true, confirm: true });

        expect(res.status).toBe(200);
        expect(res.body.after.offsets).toEqual(offsets);
        expect(await connect.untilRecordCount(source.topic, 5)).toBe(5);
        expect((await api.audit.find(local, res.body.auditId))?.action).toBe('connector.offsets.alter');
      });
    });

    describe('with offsets the connector refuses', () => {
      it('answers 400 INVALID_OFFSETS naming the step and leaves the connector stopped', async () => {
        const source = await publishedSource('refused');
        const offsets = [{ partition: { filename: source.file }, offset: { position: 'start' } }];

        const res = await api.post(`${offsetsUrl(source.name)}/rewind`, { offsets, resume: true, confirm: true });

        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('INVALID_OFFSETS');
        expect(res.body.error.message).toMatch(/^Could not alter the offsets: .*left stopped/);
        expect((await connect.status(source.name))?.connector.state).toBe('STOPPED');
        expect((await api.get<ConnectorOffsets>(offsetsUrl(source.name))).body.offsets[0]?.offset).toEqual({ position: 6 });
      });
    });

    describe('without confirm', () => {
      it('answers 400 VALIDATION_FAILED and leaves the connector running', async () => {
        const source = await connect.source('unconfirmed', ['a']);

        const res = await api.post(`${offsetsUrl(source.name)}/rewind`, { resume: true });

        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('confirm');
        expect((await connect.status(source.name))?.connector.state).toBe('RUNNING');
      });
    });

    describe('for a connector that does not exist', () => {
      it('answers 404 CONNECTOR_NOT_FOUND naming the step', async () => {
        const res = await api.post(`${offsetsUrl('nope')}/rewind`, { resume: true, confirm: true });

        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('CONNECTOR_NOT_FOUND');
      });
    });
  });

  describe('PATCH .../offsets', () => {
    describe('while the connector runs', () => {
      it('answers 409 CONNECTOR_NOT_STOPPED and changes nothing', async () => {
        const source = await publishedSource('running');

        const res = await api.request('PATCH', offsetsUrl(source.name), {
          offsets: [{ partition: { filename: source.file }, offset: { position: 0 } }],
          confirm: true,
        });

        expect(res.status).toBe(409);
        expect(res.body.error.code).toBe('CONNECTOR_NOT_STOPPED');
        expect((await connect.worker('GET', `/connectors/${source.name}/offsets`)).body.offsets[0].offset).toEqual({ position: 6 });
      });
    });

    describe('once the connector is stopped', () => {
      it('alters the offsets and audits the change', async () => {
        const source = await publishedSource('stopped');
        await api.post(`${CONNECT_API}/connectors/${source.name}/stop`, {});
        await connect.until(source.name, (s) => s.connector.state === 'STOPPED' && !s.tasks.length);

        const res = await api.request<OffsetsChangeResult>('PATCH', offsetsUrl(source.name), {
          offsets: [{ partition: { filename: source.file }, offset: { position: 4 } }],
          confirm: true,
        });

        expect(res.status).toBe(200);
        expect((await connect.worker('GET', `/connectors/${source.name}/offsets`)).body.offsets[0].offset).toEqual({ position: 4 });
        expect((await api.audit.find(local, res.body.auditId))?.before).toEqual([
          { partition: { filename: source.file }, offset: { position: 6 } },
        ]);
      });
    });
  });

  describe('DELETE .../offsets', () => {
    describe('without confirm=true', () => {
      it('answers 400 CONFIRMATION_REQUIRED', async () => {
        const res = await api.request('DELETE', offsetsUrl('nope'));

        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('CONFIRMATION_REQUIRED');
      });
    });
  });
});
