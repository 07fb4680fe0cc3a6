/**
 * A field of a JSON record value named by a dotted path (`sequence`, `meta.seq`, `items.0.id`):
 * names of letters, digits, `_`, `$` and `-`, separated by dots; a number steps into an array.
 */
export const FIELD_PATH = /^[\w$-]+(\.[\w$-]+)*$/;
export const FIELD_PATH_RULE = 'a JSON path of names joined by dots, e.g. sequence or meta.seq (letters, digits, "_", "$", "-")';
export const MAX_FIELD_PATH = 200;

/** The value at `path` of a parsed JSON value; undefined when any step is missing. */
export function valueAt(json: unknown, path: string): unknown {
  let current: unknown = json;
  for (const step of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/** A JSON value parsed from a record's bytes; undefined when they are not JSON. */
export function parseJson(bytes: Buffer | null): unknown {
  if (!bytes?.length) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The sequence a value holds at `path`: an integer, or a string of digits (some exports write
 * big numbers as strings), within the numbers JSON carries exactly; null otherwise.
 */
export function sequenceOf(json: unknown, path: string): number | null {
  const value = valueAt(json, path);
  const number = typeof value === 'string' && /^-?\d{1,16}$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) ? number : null;
}

/** The aggregate key a value holds at `path` as text; null when it holds none (or an object). */
export function keyOf(json: unknown, path: string): string | null {
  const value = valueAt(json, path);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
}
