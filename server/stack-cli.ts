import { parseArgs } from 'node:util';
import { startDemoPipeline } from './demo/demo-runtime';
import { seedDemo } from './demo/seed-demo';
import type { ClusterConfig } from './kafka/clusters-config';
import { createLogger } from './shared/logger';
import { resolveDataDir } from './local-stack/layout';
import { startLocalStack, stopLocalStack, type LocalStack } from './local-stack/local-stack';

const USAGE = `Usage:
  npm run kafka:up -- [--brokers 2|3 | --secured] [--kafka-port N] [--connect-port N] [--no-connect] [--demo] [--data-dir D]
  npm run kafka:down -- [--data-dir D]
--secured adds SASL (PLAIN, SCRAM-SHA-512) on kafka-port + 10 and TLS on kafka-port + 11.
--demo also seeds and runs the demo pipeline npm start runs: the monolith, the Kafka Streams
  app (payment-matcher, order-enricher) and the slow consumer; kafka:down stops them too.
Environment fallbacks: KPC_KAFKA_PORT, KPC_CONNECT_PORT, KPC_DATA_DIR.`;

/** Runs `up` or `down`; exits non-zero with a one-line reason on failure. */
async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      brokers: { type: 'string' },
      'kafka-port': { type: 'string' },
      'connect-port': { type: 'string' },
      'no-connect': { type: 'boolean' },
      secured: { type: 'boolean' },
      demo: { type: 'boolean' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || positionals.length !== 1 || (command !== 'up' && command !== 'down')) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const dataDir = values['data-dir'] ?? process.env['KPC_DATA_DIR'];
  if (command === 'down') {
    await stopLocalStack({ dataDir });
    return;
  }

  if (values.demo && values['no-connect']) {
    throw new Error("--demo needs Kafka Connect (its source connector publishes the monolith's events): drop --no-connect");
  }
  const brokers = Number(values.brokers ?? 1);
  if (brokers !== 1 && brokers !== 2 && brokers !== 3) {
    throw new Error(`--brokers must be 1, 2 or 3, not ${values.brokers}`);
  }
  const stack = await startLocalStack({
    dataDir,
    brokers,
    kafkaPort: number('--kafka-port', values['kafka-port'] ?? process.env['KPC_KAFKA_PORT']),
    connectPort: number('--connect-port', values['connect-port'] ?? process.env['KPC_CONNECT_PORT']),
    withConnect: !values['no-connect'],
    secured: values.secured,
  });
  console.log(`bootstrap servers: ${stack.bootstrapServers}`);
  if (stack.security) {
    const { saslBootstrapServers, tlsBootstrapServers, caFile, username, password } = stack.security;
    console.log(`SASL bootstrap:    ${saslBootstrapServers} (PLAIN or SCRAM-SHA-512, ${username} / ${password})`);
    console.log(`TLS bootstrap:     ${tlsBootstrapServers} (CA: ${caFile})`);
  }
  if (stack.connectUrl) {
    console.log(`Kafka Connect:     ${stack.connectUrl}`);
  }
  console.log(`Prometheus:        ${stack.prometheus.map((endpoint) => `${endpoint.name} ${endpoint.url}`).join(', ')}`);
  if (values.demo) {
    await runDemo(stack, resolveDataDir(dataDir));
  }
  console.log(`Stop with: npm run kafka:down${dataDir ? ` -- --data-dir ${dataDir}` : ''}`);
}

/** `--demo`: what `npm start` does on the embedded cluster before serving the console. */
async function runDemo(stack: LocalStack, dataDir: string): Promise<void> {
  const cluster: ClusterConfig = {
    name: 'local',
    bootstrapServers: stack.bootstrapServers.split(','),
    connect: stack.connectUrl ? [{ name: 'local-connect', url: stack.connectUrl }] : [],
    embedded: true,
  };
  await seedDemo(cluster, createLogger(), dataDir);
  const demo = await startDemoPipeline({ bootstrapServers: stack.bootstrapServers, dataDir, log: (line) => console.log(line) });
  const topologies = Object.values(demo.streamsApp.topologyFiles).join(', ');
  console.log(`Demo pipeline:     running (Streams app log ${demo.streamsApp.logFile}; topologies ${topologies})`);
  console.log(`Prometheus:        ${demo.streamsApp.prometheus.name} ${demo.streamsApp.prometheus.url}`);
}

function number(name: string, text: string | undefined): number | undefined {
  if (text === undefined || text === '') {
    return undefined;
  }
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) {
    throw new Error(`${name} must be a port number, not "${text}"`);
  }
  return value;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
