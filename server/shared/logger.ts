import { pino, type Logger } from 'pino';

/**
 * The console's one logger: JSON lines on stdout, level from `LOG_LEVEL`.
 * Specs set `LOG_LEVEL=silent` so their output stays readable.
 */
export function createLogger(level = process.env['LOG_LEVEL'] ?? 'info'): Logger {
  return pino({
    level,
    redact: { paths: ['*.password', '*.*.password', '*.sasl', 'req.headers.authorization'], censor: '***' },
  });
}

export type { Logger };
