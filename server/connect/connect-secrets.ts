import { AppError } from '../shared/app-error';
import { MASKED_VALUE } from './connect.model';

/**
 * Words that make a config key a secret wherever they appear in it: `ssl.key.password`,
 * `aws.secret.access.key`, `sasl.jaas.config` (it embeds the login), `bearer.token`.
 */
const SECRET_WORDS = new Set(['password', 'passwd', 'pwd', 'secret', 'token', 'credential', 'credentials', 'jaas', 'apikey', 'privatekey']);

/**
 * Last words that make a key a description of a secret, not the secret itself:
 * `sasl.oauthbearer.token.endpoint.url`, `password.file`, `token.ttl.ms`, `secret.type`.
 */
const DESCRIBING_WORDS = new Set([
  'url',
  'uri',
  'endpoint',
  'location',
  'path',
  'file',
  'type',
  'class',
  'algorithm',
  'ms',
  'enable',
  'enabled',
  'name',
  'field',
  'fields',
  'id',
  'provider',
  'providers',
  'size',
  'length',
]);

/**
 * Whether a connector config key holds a secret, so its value is never shown. A key is split
 * into words at `.`, `_`, `-` and camelCase humps. It is secret when a word is one of
 * {@link SECRET_WORDS}, or when its last word is `key` (`api.key`, `ssl.keystore.key`),
 * unless its last word only describes a secret (see {@link DESCRIBING_WORDS}). `key` as a
 * first word is about record keys and stays visible: `key.converter`, `key.ignore`.
 */
export function isSecretKey(key: string): boolean {
  const words = key
    .split(/[._-]+|(?<=[a-z0-9])(?=[A-Z])/)
    .map((word) => word.toLowerCase())
    .filter(Boolean);
  const last = words.at(-1);
  if (!last || DESCRIBING_WORDS.has(last)) return false;
  return last === 'key' || words.some((word) => SECRET_WORDS.has(word));
}

/** The config with every secret value replaced by {@link MASKED_VALUE}. */
export function maskConfig(config: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(config).map(([key, value]) => [key, isSecretKey(key) ? MASKED_VALUE : value]));
}

/**
 * The config an operator submitted, with each value still equal to the mask replaced by the
 * stored one: the UI never had the secret, so the mask means "keep it". A mask with nothing
 * stored behind it is refused rather than saved as eight asterisks.
 */
export function unmaskConfig(submitted: Record<string, string>, stored: Record<string, string>): Record<string, string> {
  const missing = Object.keys(submitted).filter((key) => submitted[key] === MASKED_VALUE && stored[key] === undefined);
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', `Type a value for ${missing.join(', ')}: there is no stored value to keep`);
  }
  return Object.fromEntries(Object.entries(submitted).map(([key, value]) => [key, value === MASKED_VALUE ? stored[key]! : value]));
}

/**
 * The text with every secret value of the config replaced by the mask: the worker's
 * validation messages may quote a value ("Invalid value … for configuration …").
 */
export function scrubSecrets(text: string, config: Record<string, string>): string {
  return Object.entries(config)
    .filter(([key, value]) => isSecretKey(key) && value.length >= 4 && value !== MASKED_VALUE)
    .reduce((scrubbed, [, value]) => scrubbed.split(value).join(MASKED_VALUE), text);
}
