import { pino, type DestinationStream, type Logger } from 'pino';

/** What a redacted value is logged as. */
const CENSORED = '***';

/**
 * Headers that carry a credential: sessions (`Cookie`, `Set-Cookie`), `Authorization` and
 * `Proxy-Authorization`, and the custom token headers services invent (`X-Api-Key`,
 * `X-Auth-Token`, `X-Vault-Token`, `X-CSRF-Token`, `X-Amz-Security-Token`…).
 */
const SECRET_HEADER =
  /^(authorization|proxy-authorization|cookie|set-cookie)$|api-?key|token|secret|password|session|credential|signature/i;

/**
 * The request log (pino-http) writes every request and response header: those are redacted
 * by name, the others kept for debugging. Besides, any `password` or `sasl` in a logged
 * object (a cluster config) never reaches the log.
 */
const REDACT_PATHS = ['req.headers.*', 'res.headers.*', '*.password', '*.*.password', '*.sasl'];

/**
 * The console's one logger, level from `LOG_LEVEL`. JSON lines for machines; readable lines
 * when a person watches a terminal (`LOG_FORMAT=json` keeps JSON there too). Specs pass
 * `silent` so their output stays readable, or a stream to read what was logged.
 */
export function createLogger(level = process.env['LOG_LEVEL'] ?? 'info', destination?: DestinationStream): Logger {
  const pretty = !destination && process.stdout.isTTY && process.env['LOG_FORMAT'] !== 'json';
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: redact },
      ...(pretty && {
        transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname', translateTime: 'HH:MM:ss' } },
      }),
    },
    destination,
  );
}

/** Called for each value at a redacted path: a header is kept unless its name says credential. */
function redact(value: unknown, path: string[]): unknown {
  const isHeader = path.length === 3 && path[1] === 'headers';
  return isHeader && !SECRET_HEADER.test(path[2]!) ? value : CENSORED;
}

export type { Logger };
