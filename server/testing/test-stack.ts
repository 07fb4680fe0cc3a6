import { resolve } from 'node:path';

/**
 * The local Kafka + Connect that `npm test` starts for the server specs and the browser
 * tests: its own ports and data, so it never touches the stack `npm start` uses.
 */
export const TEST_STACK = {
  dataDir: resolve(__dirname, '..', '..', process.env['KPC_TEST_DATA_DIR'] ?? '.local-stack-test'),
  kafkaPort: Number(process.env['KPC_TEST_KAFKA_PORT'] ?? 19092),
  connectPort: Number(process.env['KPC_TEST_CONNECT_PORT'] ?? 18083),
  /** Where the browser tests reach the console. */
  consolePort: Number(process.env['KPC_TEST_CONSOLE_PORT'] ?? 18080),
} as const;
