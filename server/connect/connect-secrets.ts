import { AppError } from '../shared/app-error';
import { MASKED_VALUE } from './connect.model';

/**
 * Words that make a config key a secret wherever they appear in it: `ssl.key.password`,
 * `aws.secret.access.key`, `sasl.jaas.config` (it embeds the login), `bearer.token`,
 * `private.key.passphrase`, `http.headers.authorization`, `http.headers.cookie`.
 */
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'secret',
  'token',
  'credential',
  'credentials',
  'jaas',
  'apikey',
  'privatekey',
  'authorization',
  'cookie',
  'userinfo',
]);

/**
 * Words that make a key a secret only as its last word, since elsewhere they name a kind of
 * setting: `api.key` but `key.converter`, `auth` and `proxy.auth` but `auth.type`, `azure.sas`.
 */
const LAST_SECRET_WORDS = new Set(['key', 'auth', 'sas']);

/**
 * Last words that make a key a description of a secret, not the secret itself:
 * `sasl.oauthbearer.token.endpoint.url`, `password.file`, `token.ttl.ms`, `secret.type`,
 * `basic.auth.credentials.source` (where the registry login comes from), `auth.method`.
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
  'source',
  'method',
  'mode',
]);

/** Query or connection-string parameters that hold a secret though their name alone is no secret key. */
const SECRET_PARAMETERS = new Set(['sig', 'signature', 'pass', 'x-amz-signature', 'x-amz-security-token', 'x-amz-credential']);

/** HTTP headers whose value is a credential, in a header list such as `http.headers`. */
const SECRET_HEADERS = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|x-auth-token|api-key|apikey)$/i;

/**
 * Whether a connector config key holds a secret, so its value is never shown. A key is split
 * into words at `.`, `_`, `-` and camelCase humps. Unless its last word only describes a
 * secret (see {@link DESCRIBING_WORDS}), it is secret when a word is one of
 * {@link SECRET_WORDS}, when its last word is one of {@link LAST_SECRET_WORDS}, or when it
 * ends in `user.info` (`basic.auth.user.info` holds `user:password` for a schema registry).
 */
export function isSecretKey(key: string): boolean {
  const words = key
    .split(/[._-]+|(?<=[a-z0-9])(?=[A-Z])/)
    .map((word) => word.toLowerCase())
    .filter(Boolean);
  const last = words.at(-1);
  if (!last || DESCRIBING_WORDS.has(last)) return false;
  if (LAST_SECRET_WORDS.has(last) || (last === 'info' && words.at(-2) === 'user')) return true;
  return words.some((word) => SECRET_WORDS.has(word));
}

/**
 * How a value is shown: the mask for a secret key; otherwise the value with the credentials
 * inside it masked and the rest left readable (see {@link secretSpans}).
 */
export function maskValue(key: string, value: string): string {
  return hide(key, value).shown;
}

/** The config with every secret value, and every credential inside a value, masked. */
export function maskConfig(config: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(config).map(([key, value]) => [key, maskValue(key, value)]));
}

/**
 * The config an operator submitted, with each mask replaced by what it stands for: the UI
 * never had the secret, so the mask means "keep it". A whole value equal to the mask keeps
 * the stored value; masks inside a value (a URL's password) take the stored value's secrets
 * in order, so a URL edited around its masked password keeps the password. A mask with
 * nothing stored behind it is refused rather than saved as eight asterisks.
 */
export function unmaskConfig(submitted: Record<string, string>, stored: Record<string, string>): Record<string, string> {
  const missing = Object.keys(submitted).filter((key) => submitted[key]!.includes(MASKED_VALUE) && stored[key] === undefined);
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', `Type a value for ${missing.join(', ')}: there is no stored value to keep`);
  }
  return Object.fromEntries(Object.entries(submitted).map(([key, value]) => [key, unmaskValue(key, value, stored[key])]));
}

/**
 * The text with every secret of the config replaced by the mask: the worker's validation
 * messages may quote a value ("Invalid value … for configuration …").
 */
export function scrubSecrets(text: string, config: Record<string, string>): string {
  return Object.entries(config)
    .flatMap(([key, value]) => hide(key, value).secrets)
    .filter((secret) => secret.length >= 4 && secret !== MASKED_VALUE)
    .reduce((scrubbed, secret) => scrubbed.split(secret).join(MASKED_VALUE), text);
}

function unmaskValue(key: string, value: string, stored: string | undefined): string {
  if (stored === undefined || !value.includes(MASKED_VALUE) || value === stored) return value;
  if (value === MASKED_VALUE) return stored;
  // A secret key typed anew: asterisks in it are the operator's.
  if (isSecretKey(key)) return value;
  const { secrets } = hide(key, stored);
  const parts = value.split(MASKED_VALUE);
  if (parts.length - 1 !== secrets.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Type the masked parts of ${key} again: it holds ${parts.length - 1} mask(s) where the stored value has ${secrets.length} secret(s)`,
    );
  }
  return parts.reduce((whole, part, index) => whole + secrets[index - 1]! + part);
}

/** The value as shown, and the secrets taken out of it, in order. */
function hide(key: string, value: string): { shown: string; secrets: string[] } {
  if (isSecretKey(key)) return { shown: MASKED_VALUE, secrets: [value] };
  const spans = secretSpans(key, value);
  let shown = '';
  let from = 0;
  for (const [start, end] of spans) {
    shown += value.slice(from, start) + MASKED_VALUE;
    from = end;
  }
  return { shown: shown + value.slice(from), secrets: spans.map(([start, end]) => value.slice(start, end)) };
}

/**
 * Where credentials sit inside a value that is not a secret as a whole, as [start, end)
 * spans in order, without overlaps:
 * - the password of a URL's user info: `mongodb://app:pw@host`, `jdbc:mysql://app:pw@db`;
 * - Oracle's `jdbc:oracle:thin:user/pw@host`;
 * - a parameter whose name is a secret key: `?password=`, `&access_token=`, `;password=`
 *   (JDBC), `password=` in a libpq string, `sig=` of an Azure SAS URL;
 * - a credential header in a list: `Authorization: …`, `Cookie: …`; a `Bearer`/`Basic` token;
 * - the path of a webhook URL (Slack, Teams): the URL itself is the credential.
 */
function secretSpans(key: string, value: string): [number, number][] {
  const spans: [number, number][] = [];
  const capture = (pattern: RegExp, group: number, isSecret: (match: RegExpExecArray) => boolean = () => true) => {
    for (const match of value.matchAll(pattern)) {
      const secret = match[group];
      if (!secret || !isSecret(match)) continue;
      const start = match.index + match[0].lastIndexOf(secret);
      spans.push([start, start + secret.length]);
    }
  };
  capture(/\/\/[^/@:\s?#]*:([^/@\s?#]+)@/g, 1);
  capture(/jdbc:oracle:(?:thin|oci\d*):[^/:@\s]+\/([^@\s]+)@/g, 1);
  capture(/(?:^|[?&;\s,|])([A-Za-z0-9_.-]+)=([^&;#\s,|]+)/g, 2, (match) => isSecretParameter(match[1]!));
  capture(/(?:^|[,|;\n]\s*)([A-Za-z0-9-]+)\s*:\s*([^,|\n]+)/g, 2, (match) => SECRET_HEADERS.test(match[1]!));
  capture(/\b(?:Bearer|Basic)\s+([A-Za-z0-9._~+/=-]{8,})/g, 1);
  if (/webhook/i.test(key)) capture(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]+\/(\S+)$/gi, 1);
  return withoutOverlaps(spans);
}

function isSecretParameter(name: string): boolean {
  return isSecretKey(name) || SECRET_PARAMETERS.has(name.toLowerCase());
}

/** The spans in order; of two that overlap, the one starting first (or the longer) wins. */
function withoutOverlaps(spans: [number, number][]): [number, number][] {
  const sorted = [...spans].sort(([a, aEnd], [b, bEnd]) => a - b || bEnd - aEnd);
  const kept: [number, number][] = [];
  for (const span of sorted) if (!kept.length || span[0] >= kept.at(-1)![1]) kept.push(span);
  return kept;
}
