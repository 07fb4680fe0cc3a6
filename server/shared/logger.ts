import { pino, type Logger } from 'pino';

/**
 * The console's one logger, level from `LOG_LEVEL`. JSON lines for machines; readable lines
 * when a person watches a terminal (`LOG_FORMAT=json` keeps JSON there too). Specs pass
 * `silent` so their output stays readable.
 */
export function createLogger(level = process.env['LOG_LEVEL'] ?? 'info'): Logger {
  const pretty = process.stdout.isTTY && process.env['LOG_FORMAT'] !== 'json';
  return pino({
    level,
    redact: { paths: ['*.password', '*.*.password', '*.sasl', 'req.headers.authorization'], censor: '***' },
    ...(pretty && {
      transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname', translateTime: 'HH:MM:ss' } },
    }),
  });
}

export type { Logger };
