import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { useTestApi } from '../testing/spec-setup';
import type { ConnectorDetail } from './connect.model';
import { CONNECT_API } from '../testing/test-connect';

describe('Kafka Connect connector actions', () => {
  const { api, connect } = useTestApi();

  const connectorUrl = (name: string) => `${CONNECT_API}/connectors/${name}`;

  describe('POST .../connectors/:name/pause', () => {
    it('pauses the connector and its tasks', async () => {
      const source = await connect.source('pause', ['a']);

      const res = await api.post<ConnectorDetail>(`${connectorUrl(source.name)}/pause`, {});

      expect(res.status).toBe(200);
      const status = await connect.until(source.name, (s) => s.tasks[0]?.state === 'PAUSED');
      expect(status.connector.state).toBe('PAUSED');
    });
  });

  describe('POST .../connectors/:name/resume', () => {
    it('runs a paused connector again', async () => {
      const source = await connect.source('resume', ['a']);
      await connect.worker('PUT', `/connectors/${source.name}/pause`);
      await connect.until(source.name, (s) => s.connector.state === 'PAUSED' && s.tasks[0]?.state === 'PAUSED');

      const res = await api.post(`${connectorUrl(source.name)}/resume`, {});

      expect(res.status).toBe(200);
      const status = await connect.until(source.name, (s) => s.connector.state === 'RUNNING' && s.tasks[0]?.state === 'RUNNING');
      expect(status.tasks[0]!.state).toBe('RUNNING');
    });
  });

  describe('POST .../connectors/:name/stop', () => {
    it('stops the connector and removes its tasks, keeping its config', async () => {
      const source = await connect.source('stop', ['a']);

      const res = await api.post(`${connectorUrl(source.name)}/stop`, {});

      expect(res.status).toBe(200);
      expect(await connect.until(source.name, (s) => s.connector.state === 'STOPPED' && !s.tasks.length)).toBeDefined();
      expect((await connect.worker('GET', `/connectors/${source.name}/config`)).body.file).toBe(source.file);
    });
  });

  describe('with a sink task that failed', () => {
    let name: string;
    let file: string;
    beforeEach(async () => {
      name = connect.connectorName('failed');
      const topic = await api.kafka.createTopic('failed');
      // The sink cannot create its file in a directory that does not exist yet: its task fails.
      file = join(dirname(connect.file([])), name, 'out.txt');
      await connect.worker('POST', '/connectors', {
        name,
        config: {
          'connector.class': 'FileStreamSink',
          topics: topic,
          file,
          'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
        },
      });
      await connect.until(name, (s) => s.tasks[0]?.state === 'FAILED');
    });

    it('lists the failed task with its trace', async () => {
      const res = await api.get<ConnectorDetail>(connectorUrl(name));

      expect(res.body.failedTaskCount).toBe(1);
      expect(res.body.tasks[0]).toEqual(jasmine.objectContaining({ state: 'FAILED', trace: jasmine.stringContaining('Exception') }));
    });

    describe('POST .../connectors/:name/restart with onlyFailed', () => {
      it('restarts the failed task, which runs once its cause is fixed', async () => {
        mkdirSync(dirname(file), { recursive: true });

        const res = await api.post(`${connectorUrl(name)}/restart`, { includeTasks: true, onlyFailed: true });

        expect(res.status).toBe(200);
        expect((await connect.until(name, (s) => s.tasks[0]?.state === 'RUNNING')).connector.state).toBe('RUNNING');
      });
    });

    describe('POST .../connectors/:name/tasks/:id/restart', () => {
      it('restarts that task', async () => {
        mkdirSync(dirname(file), { recursive: true });

        const res = await api.post(`${connectorUrl(name)}/tasks/0/restart`, {});

        expect(res.status).toBe(200);
        expect((await connect.until(name, (s) => s.tasks[0]?.state === 'RUNNING')).tasks[0]!.state).toBe('RUNNING');
      });
    });
  });

  describe('POST .../connectors/:name/restart', () => {
    describe('for a connector that does not exist', () => {
      it('answers 404 CONNECTOR_NOT_FOUND', async () => {
        const res = await api.post(`${connectorUrl('nope')}/restart`, {});

        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('CONNECTOR_NOT_FOUND');
      });
    });

    describe('with a flag that is not a boolean', () => {
      it('answers 400 VALIDATION_FAILED naming it', async () => {
        const res = await api.post(`${connectorUrl('nope')}/restart`, { includeTasks: 'yes' });

        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('includeTasks');
      });
    });
  });

  describe('POST .../connectors/:name/tasks/:id/restart', () => {
    describe('with a task id that is not a number', () => {
      it('answers 400 VALIDATION_FAILED', async () => {
        expect((await api.post(`${connectorUrl('nope')}/tasks/first/restart`, {})).status).toBe(400);
      });
    });
  });
});
