import { useTestApi } from '../testing/spec-setup';
import type { ConfigValidation, ConnectClusterSummary, ConnectorDetail, ConnectorPlugin, ConnectorSummary } from './connect.model';
import { CONNECT_API } from '../testing/test-connect';

describe('Kafka Connect routes', () => {
  const { api, connect } = useTestApi();

  describe('GET /api/clusters/:cluster/connect', () => {
    it('lists the Connect clusters with version and reachability', async () => {
      const res = await api.get<ConnectClusterSummary[]>('/api/clusters/local/connect');

      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        jasmine.objectContaining({ name: 'test-connect', reachable: true, version: jasmine.stringMatching(/^\d+\.\d+/) }),
        jasmine.objectContaining({ name: 'down', reachable: false, version: null, problem: jasmine.stringContaining('unreachable') }),
      ]);
    });
  });

  describe('GET .../connectors', () => {
    it('lists each connector with its type, class, state, tasks and topics', async () => {
      const source = await connect.source('list', ['one']);

      const res = await api.get<ConnectorSummary[]>(`${CONNECT_API}/connectors`);

      expect(res.status).toBe(200);
      expect(res.body.find((connector) => connector.name === source.name)).toEqual(
        jasmine.objectContaining({
          connectCluster: 'test-connect',
          type: 'source',
          className: 'FileStreamSource',
          state: 'RUNNING',
          tasks: [jasmine.objectContaining({ id: 0, state: 'RUNNING' })],
          failedTaskCount: 0,
          topics: [source.topic],
        }),
      );
    });

    describe('when the Connect worker is down', () => {
      it('answers 503 CONNECT_UNREACHABLE naming it, within seconds', async () => {
        const started = Date.now();
        const res = await api.get(`/api/clusters/local/connect/down/connectors`);

        expect(res.status).toBe(503);
        expect(res.body.error).toEqual({ code: 'CONNECT_UNREACHABLE', message: jasmine.stringContaining('down (http://127.0.0.1:1)') });
        expect(Date.now() - started).toBeLessThan(10_000);
      });
    });

    describe('for a Connect cluster that is not configured', () => {
      it('answers 404 CONNECT_CLUSTER_NOT_FOUND', async () => {
        const res = await api.get(`/api/clusters/local/connect/nope/connectors`);

        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('CONNECT_CLUSTER_NOT_FOUND');
      });
    });
  });

  describe('GET .../connectors/:name', () => {
    it('answers the config with secrets masked, the status and the active topics', async () => {
      const source = await connect.source('detail', ['one'], { 'db.password': 'hunter2' });
      await connect.untilRecordCount(source.topic, 1);

      const res = await api.get<ConnectorDetail>(`${CONNECT_API}/connectors/${source.name}`);

      expect(res.status).toBe(200);
      expect(res.body.config).toEqual(jasmine.objectContaining({ file: source.file, 'db.password': '********' }));
      expect(JSON.stringify(res.body)).not.toContain('hunter2');
      expect(res.body.activeTopics).toEqual([source.topic]);
    });

    describe('for a connector that does not exist', () => {
      it('answers 404 CONNECTOR_NOT_FOUND', async () => {
        const res = await api.get(`${CONNECT_API}/connectors/nope`);

        expect(res.status).toBe(404);
        expect(res.body.error).toEqual({ code: 'CONNECTOR_NOT_FOUND', message: jasmine.stringContaining('nope') });
      });
    });
  });

  describe('GET .../plugins', () => {
    it('lists the file connectors shipped with Kafka', async () => {
      const res = await api.get<ConnectorPlugin[]>(`${CONNECT_API}/plugins`);

      expect(res.body.map((plugin) => [plugin.className, plugin.type])).toEqual(
        jasmine.arrayContaining([
          ['org.apache.kafka.connect.file.FileStreamSourceConnector', 'source'],
          ['org.apache.kafka.connect.file.FileStreamSinkConnector', 'sink'],
        ]),
      );
    });
  });

  describe('PUT .../plugins/:plugin/validate', () => {
    describe('with a config missing a required field', () => {
      it('answers the worker validation with the error on that field', async () => {
        const res = await api.request<ConfigValidation>('PUT', `${CONNECT_API}/plugins/FileStreamSource/validate`, {
          config: { name: 'x', file: '/tmp/x', 'db.password': 'hunter2' },
        });

        expect(res.status).toBe(200);
        const field = (name: string) => res.body.fields.find((f) => f.definition.name === name)!;
        expect(field('topic').errors).toEqual([jasmine.stringContaining('Missing required configuration')]);
        expect(field('topic').definition).toEqual(jasmine.objectContaining({ type: 'STRING', required: true, group: null }));
        expect(field('file').errors).toEqual([]);
        expect(res.body.errorCount).toBe(1);
        expect(JSON.stringify(res.body)).not.toContain('hunter2');
      });
    });

    describe('for a plugin that is not installed', () => {
      it('answers 404 PLUGIN_NOT_FOUND naming the installed ones', async () => {
        const res = await api.request('PUT', `${CONNECT_API}/plugins/JdbcSource/validate`, { config: {} });

        expect(res.status).toBe(404);
        expect(res.body.error).toEqual({ code: 'PLUGIN_NOT_FOUND', message: jasmine.stringContaining('FileStreamSourceConnector') });
      });
    });
  });

  describe('POST .../connectors', () => {
    it('creates the connector on the worker', async () => {
      const name = connect.connectorName('create');
      const topic = await api.kafka.createTopic('create');

      const res = await api.post<ConnectorDetail>(`${CONNECT_API}/connectors`, {
        name,
        config: connect.sourceConfig(connect.file(['a']), topic),
      });

      expect(res.status).toBe(201);
      expect(res.body.name).toBe(name);
      expect((await connect.until(name, (s) => s.connector.state === 'RUNNING')).connector.state).toBe('RUNNING');
    });

    describe('with an invalid config', () => {
      it('answers 400 INVALID_CONNECTOR_CONFIG naming each wrong field and creates nothing', async () => {
        const name = connect.connectorName('invalid');

        const res = await api.post(`${CONNECT_API}/connectors`, {
          name,
          config: { 'connector.class': 'FileStreamSource', 'tasks.max': 'many' },
        });

        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('INVALID_CONNECTOR_CONFIG');
        expect(res.body.error.message).toContain('topic:');
        expect(res.body.error.message).toContain('tasks.max:');
        expect(await connect.status(name)).toBeUndefined();
      });
    });

    describe('with a name that is taken', () => {
      it('answers 409 CONNECTOR_EXISTS and leaves the first one alone', async () => {
        const source = await connect.source('taken', ['a']);

        const res = await api.post(`${CONNECT_API}/connectors`, {
          name: source.name,
          config: connect.sourceConfig('/tmp/other', source.topic),
        });

        expect(res.status).toBe(409);
        expect(res.body.error.code).toBe('CONNECTOR_EXISTS');
        expect((await connect.worker('GET', `/connectors/${source.name}/config`)).body.file).toBe(source.file);
      });
    });

    describe('with a value that is not a string', () => {
      it('answers 400 VALIDATION_FAILED naming the field', async () => {
        const res = await api.post(`${CONNECT_API}/connectors`, { name: 'x', config: { 'tasks.max': 1 } });

        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('config.tasks.max');
      });
    });
  });

  describe('PUT .../connectors/:name/config', () => {
    describe('when a secret is sent back masked', () => {
      it('keeps the stored secret and saves the other changes', async () => {
        const source = await connect.source('edit', ['a'], { 'db.password': 'hunter2' });
        const current = (await api.get<ConnectorDetail>(`${CONNECT_API}/connectors/${source.name}`)).body.config;

        const res = await api.request<ConnectorDetail>('PUT', `${CONNECT_API}/connectors/${source.name}/config`, {
          config: { ...current, 'batch.size': '50' },
        });

        expect(res.status).toBe(200);
        expect(res.body.config['db.password']).toBe('********');
        const stored = (await connect.worker('GET', `/connectors/${source.name}/config`)).body;
        expect(stored).toEqual(jasmine.objectContaining({ 'db.password': 'hunter2', 'batch.size': '50' }));
      });
    });

    describe('when the operator types a new secret', () => {
      it('saves the new one', async () => {
        const source = await connect.source('secret', ['a'], { 'db.password': 'hunter2' });

        await api.request('PUT', `${CONNECT_API}/connectors/${source.name}/config`, {
          config: connect.sourceConfig(source.file, source.topic, { 'db.password': 'correct horse' }),
        });

        expect((await connect.worker('GET', `/connectors/${source.name}/config`)).body['db.password']).toBe('correct horse');
      });
    });

    describe('with an invalid config', () => {
      it('answers 400 INVALID_CONNECTOR_CONFIG and keeps the old config', async () => {
        const source = await connect.source('bad-edit', ['a']);

        const res = await api.request('PUT', `${CONNECT_API}/connectors/${source.name}/config`, {
          config: { 'connector.class': 'FileStreamSource', file: '/tmp/elsewhere' },
        });

        expect(res.status).toBe(400);
        expect(res.body.error).toEqual({ code: 'INVALID_CONNECTOR_CONFIG', message: jasmine.stringContaining('topic:') });
        expect((await connect.worker('GET', `/connectors/${source.name}/config`)).body.file).toBe(source.file);
      });
    });
  });

  describe('DELETE .../connectors/:name', () => {
    it('deletes the connector when confirmed with its name', async () => {
      const source = await connect.source('delete', ['a']);

      const res = await api.request('DELETE', `${CONNECT_API}/connectors/${source.name}?confirm=${source.name}`);

      expect(res.status).toBe(204);
      expect(await connect.untilGone(source.name)).toBeTrue();
    });

    describe('without the typed confirmation', () => {
      it('answers 400 CONFIRMATION_REQUIRED and keeps the connector', async () => {
        const source = await connect.source('keep', ['a']);

        const res = await api.request('DELETE', `${CONNECT_API}/connectors/${source.name}`);

        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('CONFIRMATION_REQUIRED');
        expect(await connect.status(source.name)).toBeDefined();
      });
    });
  });
});
