import { useTestApi } from '../testing/spec-setup';
import { CONNECT_API } from '../testing/test-connect';
import { SECRET_BEARING_CONFIG } from '../testing/connect-secrets.fixtures';
import type { ConfigValidation, ConnectorDetail } from './connect.model';

/**
 * Secrets in connector configs, on the real worker: FileStreamSource keeps keys it does not
 * know, so one connector carries every secret-bearing key operators use.
 */
describe('Kafka Connect: secrets in connector configs', () => {
  const { api, connect } = useTestApi();
  const secrets = Object.fromEntries(SECRET_BEARING_CONFIG.map(({ key, value }) => [key, value]));
  /** The part of each value that must never leave the console: `pw-…` in the fixtures. */
  const clearSecrets = (text: string) => text.match(/pw-[a-z]+-\d+/g) ?? [];

  describe('GET .../connectors/:name', () => {
    it('masks each of the 26 secret-bearing keys, keeping the rest of a URL readable', async () => {
      const source = await connect.source('secrets', ['a'], secrets);

      const res = await api.get<ConnectorDetail>(`${CONNECT_API}/connectors/${source.name}`);

      expect(res.status).toBe(200);
      expect(clearSecrets(JSON.stringify(res.body))).toEqual([]);
      for (const { key, shown } of SECRET_BEARING_CONFIG) expect(res.body.config[key]).withContext(key).toBe(shown);
    });
  });

  describe('PUT .../connectors/:name/config', () => {
    describe('when the config comes back as it was shown, with one change', () => {
      it('keeps every stored secret, those inside URLs included', async () => {
        const source = await connect.source('secrets-edit', ['a'], secrets);
        const shown = (await api.get<ConnectorDetail>(`${CONNECT_API}/connectors/${source.name}`)).body.config;

        const res = await api.request<ConnectorDetail>('PUT', `${CONNECT_API}/connectors/${source.name}/config`, {
          config: { ...shown, 'connection.uri': shown['connection.uri']!.replace('mongo:27017', 'mongo-2:27017'), 'batch.size': '50' },
        });

        expect(res.status).toBe(200);
        const stored = (await connect.worker<Record<string, string>>('GET', `/connectors/${source.name}/config`)).body;
        expect(stored).toEqual(
          jasmine.objectContaining({ ...secrets, 'connection.uri': 'mongodb://app:pw-uri-20@mongo-2:27017/shop', 'batch.size': '50' }),
        );
        expect(clearSecrets(JSON.stringify(res.body))).toEqual([]);
      });
    });
  });

  describe('PUT .../plugins/:plugin/validate', () => {
    it('answers no secret in clear, in field values or in the worker’s own messages', async () => {
      const res = await api.request<ConfigValidation>('PUT', `${CONNECT_API}/plugins/FileStreamSource/validate`, {
        config: { ...secrets, topic: 'orders', file: 'sftp://app:pw-file-27@files/in.txt', 'tasks.max': 'mongodb://app:pw-uri-28@db' },
      });

      expect(res.status).toBe(200);
      const field = (name: string) => res.body.fields.find((candidate) => candidate.definition.name === name)!;
      expect(field('file').value).toBe('sftp://app:********@files/in.txt');
      expect(field('tasks.max').errors).toContain(jasmine.stringContaining('mongodb://app:********@db'));
      expect(clearSecrets(JSON.stringify(res.body))).toEqual([]);
    });
  });
});
