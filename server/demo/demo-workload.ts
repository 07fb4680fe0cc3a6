import { parseArgs } from 'node:util';
import { createLogger } from '../shared/logger';
import { DemoMonolith } from './demo-monolith';
import { ORDERS_TOPIC, PAYMENTS_TOPIC, SLOW_CONSUMER_GROUP } from './demo-pipeline';
import { WORKLOAD_READY } from './demo-runtime';
import { SlowConsumer } from './slow-consumer';

/**
 * The demo's Node side, one detached process (started by demo-runtime.ts, stopped with the
 * stack): the monolith appending domain events to its export, and the slow consumer. Logs JSON
 * lines to stdout, which the starter sends to `logs/demo-workload.log` in the data dir.
 *
 *   node demo-workload.js --bootstrap 127.0.0.1:9092 --export-file <dataDir>/demo/domain_events.jsonl
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      bootstrap: { type: 'string' },
      'export-file': { type: 'string' },
      'events-per-second': { type: 'string', default: '3' },
    },
  });
  const bootstrap = values.bootstrap;
  const exportFile = values['export-file'];
  if (!bootstrap || !exportFile) throw new Error('usage: demo-workload --bootstrap HOST:PORT --export-file FILE');
  // Its own log file: the lines the starter waits for are at info, whatever the console's level.
  const logger = createLogger('info');

  const monolith = await DemoMonolith.open(exportFile, { eventsPerSecond: Number(values['events-per-second']) });
  const slowConsumer = new SlowConsumer({
    bootstrapServers: bootstrap.split(','),
    groupId: SLOW_CONSUMER_GROUP,
    topics: [ORDERS_TOPIC, PAYMENTS_TOPIC],
    onError: (err) => {
      logger.error({ err }, 'the slow consumer stopped reading');
      process.exitCode = 1;
      void shutdown('slow consumer failed');
    },
  });
  let stopping = false;
  const shutdown = async (why: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${why}: stopping the demo workload`);
    setTimeout(() => process.exit(), 10_000).unref();
    await Promise.allSettled([monolith.stop(), slowConsumer.stop()]);
    logger.info({ nextSequence: monolith.nextSequence, recordsRead: slowConsumer.recordsRead }, 'demo workload stopped');
    process.exit();
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  logger.info({ exportFile, nextSequence: monolith.nextSequence }, 'monolith appending domain events');
  monolith.start();
  await slowConsumer.start();
  logger.info({ groupId: SLOW_CONSUMER_GROUP }, WORKLOAD_READY);
}

main().catch((err: unknown) => {
  console.error(`demo workload failed: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
