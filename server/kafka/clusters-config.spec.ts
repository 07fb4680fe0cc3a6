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

    it('reads the Prometheus endpoints of its brokers and apps, leaving them unset when absent', () => {
      const yaml = `
clusters:
  - name: prod
    bootstrapServers: p1:9092
    prometheus:
      - { name: kafka-1, url: "http://kafka-1:7071/metrics", kind: broker }
      - { name: cdc, url: "https://connect-cdc:7072/metrics", kind: connect }
      - { name: payments, url: "http://payments:7073/metrics", kind: streams }
  - name: staging
    bootstrapServers: s1:9092
`;
      const [prod, staging] = parseClustersFile(yaml, {});

      expect(prod?.prometheus).toEqual([
        { name: 'kafka-1', url: 'http://kafka-1:7071/metrics', kind: 'broker' },
        { name: 'cdc', url: 'https://connect-cdc:7072/metrics', kind: 'connect' },
        { name: 'payments', url: 'http://payments:7073/metrics', kind: 'streams' },
      ]);
      expect(staging?.prometheus).toBeUndefined();
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

      describe('in a Prometheus endpoint', () => {
        const withEndpoint = (endpoint: string) =>
          `clusters:\n  - name: a\n    bootstrapServers: [x:1]\n    prometheus:\n      - ${endpoint}\n`;
        const problem = (endpoint: string) => {
          try {
            parseClustersFile(withEndpoint(endpoint), {});
          } catch (err) {
            return err instanceof ConfigError ? err.message : `not a ConfigError: ${String(err)}`;
          }
          return 'accepted';
        };

        it('names an unknown kind and the kinds there are', () => {
          const message = problem('{ name: k1, url: "http://k1:7071/metrics", kind: zookeeper }');
          expect(message).toContain('clusters[0].prometheus[0].kind');
          expect(message).toContain('kind is broker (a Kafka broker), connect (a Connect worker) or streams (a Kafka Streams app)');
        });

        it('names a URL that is not http(s)', () => {
          for (const url of ['k1:7071', 'ftp://k1/metrics']) {
            const message = problem(`{ name: k1, url: "${url}", kind: broker }`);
            expect(message).withContext(url).toContain('clusters[0].prometheus[0].url');
            expect(message).withContext(url).toContain('give the http:// or https:// address of its metrics');
          }
        });

        it('asks for a name', () => {
          expect(problem('{ url: "http://k1:7071/metrics", kind: broker }')).toContain('clusters[0].prometheus[0].name');
          expect(problem('{ name: " ", url: "http://k1:7071/metrics", kind: broker }')).toContain('name the endpoint');
        });

        it('refuses two endpoints with one name', () => {
          const yaml =
            'clusters:\n  - name: a\n    bootstrapServers: [x:1]\n    prometheus:\n' +
            '      - { name: k, url: "http://k1:7071/metrics", kind: broker }\n' +
            '      - { name: k, url: "http://k2:7071/metrics", kind: broker }\n';
          expect(() => parseClustersFile(yaml, {})).toThrowError(ConfigError, /names of its Prometheus endpoints must be unique/);
        });
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
