import { randomUUID } from 'node:crypto';
import { useTestApi } from '../testing/spec-setup';
import { CONNECT_API } from '../testing/test-connect';
import type { ConfigValidation, ConnectorDetail } from './connect.model';

/**
 * The test broker has topic auto-creation off, as most production clusters do: a source
 * connector whose topic does not exist runs and publishes nothing (its producer loops on
 * UNKNOWN_TOPIC_OR_PARTITION), so the console checks a connector's topics.
 */
describe('Kafka Connect: the topics a connector needs', () => {
  const { api, connect } = useTestApi();
  const made: string[] = [];

  /** A topic name nobody created; deleted after the spec in case the spec made it. */
  const missingTopic = (purpose: string) => {
    const name = `spec.${purpose}.${randomUUID()}`;
    made.push(name);
    return name;
  };
  const partitionCount = async (topic: string): Promise<number | undefined> => {
    const metadata = await api.kafka.admin.metadata({ topics: [topic], forceUpdate: true }).catch(() => undefined);
    return metadata?.topics.get(topic)?.partitionsCount;
  };
  /** Records in every partition of the topic, once it holds `count` or 20 s passed. */
  const untilRecords = async (topic: string, count: number): Promise<number> => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const partitions = (await partitionCount(topic)) ?? 0;
      const listed = partitions
        ? await api.kafka.admin.listOffsets({
            topics: [
              { name: topic, partitions: Array.from({ length: partitions }, (_, partitionIndex) => ({ partitionIndex, timestamp: -1n })) },
            ],
          })
        : [];
      const total = (listed[0]?.partitions ?? []).reduce((sum, partition) => sum + Number(partition.offset), 0);
      if (total >= count || Date.now() > deadline) return total;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  const topicExists = async (topic: string) => (await api.kafka.admin.listTopics()).includes(topic);

  afterAll(async () => {
    for (const topic of made) await api.kafka.admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  });

  describe('GET .../connectors/:name', () => {
    describe('for a running source whose topic does not exist', () => {
      it('says it runs but cannot publish, naming the topic', async () => {
        const name = connect.connectorName('ghost');
        const topic = missingTopic('ghost');
        const created = await api.post(`${CONNECT_API}/connectors`, { name, config: connect.sourceConfig(connect.file(['a']), topic) });
        expect(created.status).toBe(201);
        await connect.until(name, (s) => s.connector.state === 'RUNNING' && s.tasks[0]?.state === 'RUNNING');

        const res = await api.get<ConnectorDetail>(`${CONNECT_API}/connectors/${name}`);

        expect(res.status).toBe(200);
        expect(res.body.state).toBe('RUNNING');
        expect(res.body.topicCheck).toEqual({ topics: [topic], missing: [topic], createdByConnect: false });
        expect(res.body.warning).toBe(`RUNNING but cannot publish: topic ${topic} does not exist`);
        expect(await topicExists(topic)).toBeFalse();
      });
    });

    describe('for a running source whose topic exists', () => {
      it('has no warning', async () => {
        const source = await connect.source('fine', ['a']);

        const res = await api.get<ConnectorDetail>(`${CONNECT_API}/connectors/${source.name}`);

        expect(res.body.topicCheck).toEqual({ topics: [source.topic], missing: [], createdByConnect: false });
        expect(res.body.warning).toBeUndefined();
      });
    });
  });

  describe('PUT .../plugins/:plugin/validate', () => {
    const validate = (plugin: string, config: Record<string, string>) =>
      api.request<ConfigValidation>('PUT', `${CONNECT_API}/plugins/${plugin}/validate`, { config });

    describe('for a source on a topic that does not exist', () => {
      it('lists the topic as missing', async () => {
        const topic = missingTopic('validate');

        const res = await validate('FileStreamSource', connect.sourceConfig('/tmp/in.txt', topic));

        expect(res.status).toBe(200);
        expect(res.body.topicCheck).toEqual({ topics: [topic], missing: [topic], createdByConnect: false });
      });
    });

    describe('for a source that lets Connect create its topics (KIP-158)', () => {
      it('says Connect creates them', async () => {
        const topic = missingTopic('kip158');

        const res = await validate(
          'FileStreamSource',
          connect.sourceConfig('/tmp/in.txt', topic, {
            'topic.creation.default.partitions': '-1',
            'topic.creation.default.replication.factor': '-1',
          }),
        );

        expect(res.body.topicCheck).toEqual({ topics: [topic], missing: [topic], createdByConnect: true });
      });
    });

    describe('for a sink reading one existing and one missing topic', () => {
      it('lists only the missing one', async () => {
        const existing = await api.kafka.createTopic('sink-in');
        const missing = missingTopic('sink-in');

        const res = await validate('FileStreamSink', { file: '/tmp/out.txt', topics: `${existing}, ${missing}` });

        expect(res.body.topicCheck).toEqual({ topics: [existing, missing], missing: [missing], createdByConnect: false });
      });
    });

    describe('for a sink reading topics by pattern', () => {
      it('says it cannot tell', async () => {
        const res = await validate('FileStreamSink', { file: '/tmp/out.txt', 'topics.regex': 'orders-.*' });

        expect(res.body.topicCheck).toEqual({
          topics: [],
          missing: [],
          createdByConnect: false,
          cannotTell: jasmine.stringContaining('topics.regex'),
        });
      });
    });
  });

  describe('POST .../connectors with createTopics', () => {
    describe('with the broker defaults', () => {
      it('creates the missing topic first, and the connector publishes to it', async () => {
        const name = connect.connectorName('create-topic');
        const topic = missingTopic('create-topic');

        const res = await api.post<ConnectorDetail>(`${CONNECT_API}/connectors`, {
          name,
          config: connect.sourceConfig(connect.file(['a', 'b']), topic),
          createTopics: {},
        });

        expect(res.status).toBe(201);
        expect(res.body.topicCheck).toEqual({ topics: [topic], missing: [], createdByConnect: false });
        expect(await partitionCount(topic)).toBe(1);
        expect(await connect.untilRecordCount(topic, 2)).toBe(2);
      });
    });

    describe('with partitions chosen by the operator', () => {
      it('creates the topic with them', async () => {
        const name = connect.connectorName('create-topic3');
        const topic = missingTopic('create-topic3');

        const res = await api.post(`${CONNECT_API}/connectors`, {
          name,
          config: connect.sourceConfig(connect.file(['a']), topic),
          createTopics: { partitions: 3, replicationFactor: 1 },
        });

        expect(res.status).toBe(201);
        expect(await partitionCount(topic)).toBe(3);
      });
    });

    describe('with more replicas than there are brokers', () => {
      it('answers 400 INVALID_REPLICATION_FACTOR and creates neither topic nor connector', async () => {
        const name = connect.connectorName('create-topic-rf');
        const topic = missingTopic('create-topic-rf');

        const res = await api.post(`${CONNECT_API}/connectors`, {
          name,
          config: connect.sourceConfig(connect.file(['a']), topic),
          createTopics: { replicationFactor: 3 },
        });

        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('INVALID_REPLICATION_FACTOR');
        expect(await topicExists(topic)).toBeFalse();
        expect(await connect.status(name)).toBeUndefined();
      });
    });

    describe('with a connector name that is taken', () => {
      it('answers 409 CONNECTOR_EXISTS and creates no topic', async () => {
        const source = await connect.source('create-topic-taken', ['a']);
        const topic = missingTopic('create-topic-taken');

        const res = await api.post(`${CONNECT_API}/connectors`, {
          name: source.name,
          config: connect.sourceConfig(source.file, topic),
          createTopics: {},
        });

        expect(res.status).toBe(409);
        expect(await topicExists(topic)).toBeFalse();
      });
    });

    describe('with a partition count that is not a positive number', () => {
      it('answers 400 VALIDATION_FAILED naming the field', async () => {
        const res = await api.post(`${CONNECT_API}/connectors`, {
          name: 'x',
          config: connect.sourceConfig('/tmp/x', 'x'),
          createTopics: { partitions: 0 },
        });

        expect(res.status).toBe(400);
        expect(res.body.error).toEqual({ code: 'VALIDATION_FAILED', message: jasmine.stringContaining('createTopics.partitions') });
      });
    });
  });

  describe('POST .../connectors with topic.creation.default.* (KIP-158)', () => {
    it('lets the worker create the topic when the connector first publishes', async () => {
      const name = connect.connectorName('kip158');
      const topic = missingTopic('kip158');

      const res = await api.post(`${CONNECT_API}/connectors`, {
        name,
        config: connect.sourceConfig(connect.file(['a', 'b']), topic, {
          'topic.creation.default.partitions': '2',
          'topic.creation.default.replication.factor': '-1',
        }),
      });

      expect(res.status).toBe(201);
      expect(await untilRecords(topic, 2)).toBe(2);
      expect(await partitionCount(topic)).toBe(2);
    });
  });

  describe('PUT .../connectors/:name/config with createTopics', () => {
    it('creates the new topic before saving the config', async () => {
      const source = await connect.source('edit-topic', ['a']);
      const topic = missingTopic('edit-topic');

      const res = await api.request<ConnectorDetail>('PUT', `${CONNECT_API}/connectors/${source.name}/config`, {
        config: connect.sourceConfig(source.file, topic),
        createTopics: { partitions: 2 },
      });

      expect(res.status).toBe(200);
      expect(await partitionCount(topic)).toBe(2);
      expect((await connect.worker('GET', `/connectors/${source.name}/config`)).body.topic).toBe(topic);
    });
  });
});
