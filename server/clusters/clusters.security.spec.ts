import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack, type LocalStack, type LocalStackSecurity } from '../local-stack/local-stack';
import type { ApiErrorBody } from '../shared/app-error';
import { startTestApi, type TestApi } from '../testing/test-api';
import { TEST_STACK } from '../testing/test-stack';
import type { ClusterOverview, ClusterSummary } from './cluster.model';
import { parseClustersFile, type ClusterConfig } from '../kafka/clusters-config';

describe('clusters behind SASL and TLS', () => {
  // A broker of its own: the shared test broker listens on PLAINTEXT only, and SCRAM users
  // exist only in a data dir formatted with them.
  let dataDir: string;
  let stack: LocalStack;
  let security: LocalStackSecurity;
  let api: TestApi;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kpc-secured-'));
    stack = await startLocalStack({
      dataDir,
      kafkaPort: TEST_STACK.kafkaPort + 400,
      secured: true,
      withConnect: false,
      log: () => undefined,
    });
    security = stack.security!;
    api = await startTestApi(securedClusters(security));
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await stack?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  describe('GET /api/clusters/:cluster/overview', () => {
    const overview = (cluster: string) => api.get<ClusterOverview>(`/api/clusters/${cluster}/overview`);
    const failedOverview = (cluster: string) => api.get<ApiErrorBody>(`/api/clusters/${cluster}/overview`);
    const theBrokerAt = (address: string) => {
      const [host, port] = address.split(':');
      return [jasmine.objectContaining({ id: 1, host, port: Number(port) })];
    };

    describe('with SASL PLAIN', () => {
      it('lists the broker at its SASL listener', async () => {
        const res = await overview('plain');

        expect(res.status).toBe(200);
        expect(res.body.brokers).toEqual(theBrokerAt(security.saslBootstrapServers));
      });
    });

    describe('with SASL SCRAM-SHA-512', () => {
      it('lists the broker at its SASL listener', async () => {
        const res = await overview('scram');

        expect(res.status).toBe(200);
        expect(res.body.brokers).toEqual(theBrokerAt(security.saslBootstrapServers));
      });
    });

    describe('with TLS trusting the broker certificate as CA', () => {
      it('lists the broker at its TLS listener', async () => {
        const res = await overview('tls');

        expect(res.status).toBe(200);
        expect(res.body.brokers).toEqual(theBrokerAt(security.tlsBootstrapServers));
      });
    });

    describe('with a wrong password', () => {
      it('answers 503 CLUSTER_AUTHENTICATION_FAILED without naming the password', async () => {
        const res = await failedOverview('wrong-password');

        expect(res.status).toBe(503);
        expect(res.body.error.code).toBe('CLUSTER_AUTHENTICATION_FAILED');
        expect(res.body.error.message).toContain("refused the console's credentials");
        expect(JSON.stringify(res.body)).not.toMatch(/secret|not-the-password/);
      });
    });

    describe('with TLS but no CA for the self-signed certificate', () => {
      it('answers 503 CLUSTER_TLS_FAILED within seconds, saying what to set', async () => {
        const startedAt = Date.now();
        const res = await failedOverview('tls-untrusted');

        expect(Date.now() - startedAt).toBeLessThan(10_000);
        expect(res.status).toBe(503);
        expect(res.body.error).toEqual({
          code: 'CLUSTER_TLS_FAILED',
          message:
            `Kafka cluster tls-untrusted (${security.tlsBootstrapServers}) presented a TLS certificate ` +
            'the console does not trust (self-signed certificate): set tls.ca to the PEM file of the CA that signed it',
        });
      });
    });

    describe('without TLS towards the TLS listener', () => {
      it('answers 503 CLUSTER_TLS_FAILED telling to enable TLS', async () => {
        const res = await failedOverview('tls-missing');

        expect(res.status).toBe(503);
        expect(res.body.error.code).toBe('CLUSTER_TLS_FAILED');
        expect(res.body.error.message).toContain('answers only over TLS');
      });
    });
  });

  describe('GET /api/clusters', () => {
    it('names the mechanism and TLS but never a password', async () => {
      const res = await api.get<ClusterSummary[]>('/api/clusters');

      expect(res.status).toBe(200);
      expect(res.body.map(({ name, authentication, tls }) => ({ name, authentication, tls }))).toEqual([
        { name: 'plain', authentication: 'SASL PLAIN', tls: false },
        { name: 'scram', authentication: 'SASL SCRAM-SHA-512', tls: false },
        { name: 'tls', authentication: 'none', tls: true },
        { name: 'wrong-password', authentication: 'SASL PLAIN', tls: false },
        { name: 'tls-untrusted', authentication: 'none', tls: true },
        { name: 'tls-missing', authentication: 'none', tls: false },
      ]);
      expect(JSON.stringify(res.body)).not.toMatch(/console-secret|not-the-password|\.pem/);
    });
  });
});

/**
 * One cluster per way of reaching the secured broker, right or wrong, written as an operator
 * would in kpc.config.yaml: the password comes from the environment.
 */
function securedClusters(security: LocalStackSecurity): ClusterConfig[] {
  const { saslBootstrapServers: sasl, tlsBootstrapServers: tls, username } = security;
  const yaml = `
clusters:
  - name: plain
    bootstrapServers: ${sasl}
    sasl: { mechanism: PLAIN, username: ${username}, password: \${KPC_SASL_PASSWORD} }
  - name: scram
    bootstrapServers: ${sasl}
    sasl: { mechanism: SCRAM-SHA-512, username: ${username}, password: \${KPC_SASL_PASSWORD} }
  - name: tls
    bootstrapServers: ${tls}
    tls: { enabled: true, ca: ${security.caFile} }
  - name: wrong-password
    bootstrapServers: ${sasl}
    sasl: { mechanism: PLAIN, username: ${username}, password: not-the-password }
  - name: tls-untrusted
    bootstrapServers: ${tls}
    tls: { enabled: true, rejectUnauthorized: true }
  - name: tls-missing
    bootstrapServers: ${tls}
`;
  return parseClustersFile(yaml, { KPC_SASL_PASSWORD: security.password });
}
