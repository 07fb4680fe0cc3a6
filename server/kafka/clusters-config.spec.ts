import { ConfigError, loadClustersSource, parseClustersFile } from './clusters-config';

describe('clusters configuration', () => {
  const noFile = () => undefined;

  describe('loadClustersSource', () => {
    describe('with nothing configured', () => {
      it('chooses the embedded local cluster', () => {
        expect(loadClustersSource({}, noFile)).toEqual({ kind: 'embedded' });
      });
    });

    describe('with KAFKA_BOOTSTRAP_SERVERS', () => {
      it('makes one cluster with its Connect URL', () => {
        const source = loadClustersSource(
          { KAFKA_BOOTSTRAP_SERVERS: 'b1:9092, b2:9092', KAFKA_CONNECT_URL: 'http://connect:8083' },
          noFile,
        );

        expect(source).toEqual({
          kind: 'env',
          clusters: [
            { name: 'default', bootstrapServers: ['b1:9092', 'b2:9092'], connect: [{ name: 'connect', url: 'http://connect:8083' }] },
          ],
        });
      });

      it('takes the Connect allow-list from KAFKA_CONNECT_ALLOWED_CLASSES', () => {
        const source = loadClustersSource(
          {
            KAFKA_BOOTSTRAP_SERVERS: 'b1:9092',
            KAFKA_CONNECT_URL: 'http://connect:8083',
            KAFKA_CONNECT_ALLOWED_CLASSES: 'io.debezium.*, JdbcSink',
          },
          noFile,
        );

        const [cluster] = source.kind === 'env' ? source.clusters : [];
        expect(cluster?.connect[0]?.allowedConnectorClasses).toEqual(['io.debezium.*', 'JdbcSink']);
      });

      it('adds SASL and TLS when asked', () => {
        const source = loadClustersSource(
          {
            KAFKA_BOOTSTRAP_SERVERS: 'b1:9093',
            KAFKA_SASL_MECHANISM: 'SCRAM-SHA-256',
            KAFKA_SASL_USERNAME: 'console',
            KAFKA_SASL_PASSWORD: 'pw',
            KAFKA_TLS: 'true',
          },
          noFile,
        );

        const [cluster] = source.kind === 'env' ? source.clusters : [];
        expect(cluster?.sasl).toEqual({ mechanism: 'SCRAM-SHA-256', username: 'console', password: 'pw' });
        expect(cluster?.tls?.enabled).toBeTrue();
      });

      it('refuses an unknown SASL mechanism with a readable message', () => {
        expect(() => loadClustersSource({ KAFKA_BOOTSTRAP_SERVERS: 'b1:9093', KAFKA_SASL_MECHANISM: 'KERBEROS' }, noFile)).toThrowMatching(
          (err) => err instanceof ConfigError && /KAFKA_\* environment variables/.test(err.message),
        );
      });
    });

    describe('with a config file', () => {
      it('prefers the file over the environment', () => {
        const yaml = 'clusters:\n  - name: prod\n    bootstrapServers: [p1:9092]\n';

        const source = loadClustersSource({ KAFKA_BOOTSTRAP_SERVERS: 'b1:9092' }, () => yaml);

        expect(source.kind).toBe('file');
      });

      it('fails clearly when KPC_CONFIG names a file that is not there', () => {
        expect(() => loadClustersSource({ KPC_CONFIG: '/nope.yaml' }, noFile)).toThrowError(ConfigError, /\/nope\.yaml/);
      });
    });
  });

  describe('parseClustersFile', () => {
    it('reads several clusters with their Connect clusters', () => {
      const yaml = `
clusters:
  - name: prod
    bootstrapServers: p1:9092,p2:9092
    connect:
      - { name: cdc, url: "http://connect-cdc:8083" }
      - { name: sinks, url: "http://connect-sinks:8083" }
  - name: staging
    bootstrapServers: [s1:9092]
`;
      const clusters = parseClustersFile(yaml, {});

      expect(clusters.map((c) => [c.name, c.bootstrapServers, c.connect.map((k) => k.name)])).toEqual([
        ['prod', ['p1:9092', 'p2:9092'], ['cdc', 'sinks']],
        ['staging', ['s1:9092'], []],
      ]);
    });

    it('reads the connector classes a Connect cluster allows, leaving it unset when absent', () => {
      const yaml = `
clusters:
  - name: prod
    bootstrapServers: p1:9092
    connect:
      - { name: cdc, url: "http://connect-cdc:8083", allowedConnectorClasses: ["io.debezium.*", FileStreamSink] }
      - { name: sinks, url: "http://connect-sinks:8083" }
`;
      const [prod] = parseClustersFile(yaml, {});

      expect(prod?.connect.map((k) => k.allowedConnectorClasses)).toEqual([['io.debezium.*', 'FileStreamSink'], undefined]);
    });

    describe('with ${VARIABLE} placeholders', () => {
      const yaml = `
clusters:
  - name: prod
    bootstrapServers: [p1:9093]
    sasl: { mechanism: PLAIN, username: console, password: "\${KAFKA_PASSWORD}" }
`;

      it('takes the secret from the environment', () => {
        const [cluster] = parseClustersFile(yaml, { KAFKA_PASSWORD: 'from-env' });
        expect(cluster?.sasl?.password).toBe('from-env');
      });

      it('names the variable that is missing', () => {
        expect(() => parseClustersFile(yaml, {})).toThrowError(ConfigError, /KAFKA_PASSWORD/);
      });
    });

    describe('with mistakes', () => {
      it('names a bootstrap server without a port', () => {
        expect(() => parseClustersFile('clusters:\n  - name: a\n    bootstrapServers: [broker]\n', {})).toThrowError(
          ConfigError,
          /host:port/,
        );
      });

      it('refuses two clusters with one name', () => {
        const yaml = 'clusters:\n  - { name: a, bootstrapServers: [x:1] }\n  - { name: a, bootstrapServers: [y:1] }\n';
        expect(() => parseClustersFile(yaml, {})).toThrowError(ConfigError, /unique/);
      });

      it('refuses a name that cannot appear in a URL', () => {
        expect(() => parseClustersFile('clusters:\n  - { name: "My Cluster", bootstrapServers: [x:1] }\n', {})).toThrowError(
          ConfigError,
          /lower-case/,
        );
      });

      it('says when the YAML itself is broken', () => {
        expect(() => parseClustersFile('clusters: [', {}, 'kpc.config.yaml')).toThrowError(
          ConfigError,
          /kpc\.config\.yaml is not valid YAML/,
        );
      });
    });
  });
});
