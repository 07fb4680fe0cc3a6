import type { AuditPage } from '../audit/audit.model';
import type { ClusterConfig } from '../kafka/clusters-config';
import type { MessagePage } from '../topics/message.model';
import { useTestApi } from '../testing/spec-setup';
import { testClusters } from '../testing/test-api';
import { CONNECT_API } from '../testing/test-connect';
import type { ConnectorPlugin } from './connect.model';

/** The test clusters as a deployment configures them when it names no allowed classes. */
function clustersWithoutAllowList(): ClusterConfig[] {
  return testClusters().map((cluster) => ({
    ...cluster,
    connect: cluster.connect.map(({ allowedConnectorClasses: _ignored, ...connect }) => connect),
  }));
}

describe('Connector class allow-list', () => {
  describe('with no allowedConnectorClasses configured (not the embedded cluster)', () => {
    const { api, connect } = useTestApi(clustersWithoutAllowList);

    describe('POST .../connectors of a FileStreamSource on /etc/passwd', () => {
      it('is refused with 403 CONNECTOR_CLASS_NOT_ALLOWED, creates nothing, and /etc/passwd cannot be read back', async () => {
        const name = connect.connectorName('passwd');
        const topic = await api.kafka.createTopic('passwd');

        const res = await api.post(`${CONNECT_API}/connectors`, { name, config: connect.sourceConfig('/etc/passwd', topic) });

        expect(res.status).toBe(403);
        expect(res.body.error).toEqual({
          code: 'CONNECTOR_CLASS_NOT_ALLOWED',
          message: jasmine.stringMatching(/FileStreamSourceConnector.*allowedConnectorClasses/),
        });
        expect((await connect.worker('GET', `/connectors/${encodeURIComponent(name)}`)).status).toBe(404);
        // Had it been created, its task would have published the file within a second or two.
        await new Promise((resolve) => setTimeout(resolve, 3000));
        const messages = await api.get<MessagePage>(`/api/clusters/local/topics/${topic}/messages?direction=forward`);
        expect(JSON.stringify(messages.body)).not.toContain('root:x:0:0');
      });

      it('is in the audit log as a failed change', async () => {
        const name = connect.connectorName('passwd-audit');

        await api.post(`${CONNECT_API}/connectors`, { name, config: connect.sourceConfig('/etc/passwd', 'any') });

        const audit = await api.get<AuditPage>(`/api/audit?cluster=local&action=connector.create&limit=1000`);
        const record = audit.body.items.find((item) => item.subject.name === name);
        expect(record).toEqual(
          jasmine.objectContaining({ outcome: 'failed', error: jasmine.objectContaining({ code: 'CONNECTOR_CLASS_NOT_ALLOWED' }) }),
        );
      });
    });

    describe('GET .../plugins', () => {
      it('marks the file connectors not allowed and the others allowed', async () => {
        const res = await api.get<ConnectorPlugin[]>(`${CONNECT_API}/plugins`);

        const allowed = (simple: string) => res.body.find((plugin) => plugin.className.endsWith(`.${simple}`))?.allowed;
        expect(allowed('FileStreamSourceConnector')).toBe(false);
        expect(allowed('FileStreamSinkConnector')).toBe(false);
      });
    });
  });

  describe('with allowedConnectorClasses naming some classes', () => {
    const { api, connect } = useTestApi(() =>
      clustersWithoutAllowList().map((cluster) => ({
        ...cluster,
        connect: cluster.connect.map((connect) => ({
          ...connect,
          allowedConnectorClasses: ['Mirror*', 'org.apache.kafka.connect.file.FileStreamSink*'],
        })),
      })),
    );

    describe('GET .../plugins', () => {
      it('allows those (simple names and wildcards) and nothing else', async () => {
        const res = await api.get<ConnectorPlugin[]>(`${CONNECT_API}/plugins`);

        const allowed = (simple: string) => res.body.find((plugin) => plugin.className.endsWith(`.${simple}`))?.allowed;
        expect(allowed('FileStreamSinkConnector')).toBe(true);
        expect(allowed('FileStreamSourceConnector')).toBe(false);
      });
    });

    describe('PUT .../connectors/:name/config turning an allowed sink into a FileStreamSource', () => {
      it('is refused with 403 and the config is unchanged', async () => {
        const name = connect.connectorName('reclass');
        const topic = await api.kafka.createTopic('reclass');
        const sink = { 'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector', topics: topic, file: connect.file([]) };
        expect((await connect.worker('PUT', `/connectors/${encodeURIComponent(name)}/config`, sink)).status).toBe(201);

        const res = await api.request('PUT', `${CONNECT_API}/connectors/${encodeURIComponent(name)}/config`, {
          config: connect.sourceConfig('/etc/passwd', topic),
        });

        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('CONNECTOR_CLASS_NOT_ALLOWED');
        const stored = await connect.worker<Record<string, string>>('GET', `/connectors/${encodeURIComponent(name)}/config`);
        expect(stored.body['connector.class']).toBe(sink['connector.class']);
      });
    });
  });
});
