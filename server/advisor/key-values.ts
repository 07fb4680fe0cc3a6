import type { SampledRecord } from './log-sample.gateway';

/** How sampled keys compare with the aggregate id the values carry. */
export interface AggregateMatch {
  /** The value's field taken for the aggregate id, as the values spell it. */
  field: string;
  /** Keyed records whose value has the field. */
  compared: number;
  /** Of those, records whose key is the field's value. */
  matching: number;
  /** Another field of the value that the keys are, when most keys that differ are that one. */
  keyedBy?: string;
  /** A few records whose key differs: key and aggregate id. */
  examples: { key: string; id: string }[];
}

/** A value's share of parsed values that must hold a field for it to be taken as the aggregate id. */
const FIELD_SHARE = 0.8;
/** The share of compared keys that may differ before the keys are said not to be the aggregate id. */
const MATCH_SHARE = 0.9;

type Json = Record<string, unknown>;

/**
 * The event a JSON value holds: the object itself, the `payload` of Kafka Connect's JSON with
 * schemas, or the `after` image of a Debezium change event. Undefined when the value is not a
 * JSON object.
 */
export function eventOf(value: Buffer | null): Json | undefined {
  const text = value?.toString('utf8').trimStart();
  if (!text?.startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  let event = asObject(parsed);
  if (event && 'schema' in event && 'payload' in event) event = asObject(event['payload']);
  if (event && 'op' in event && 'after' in event) event = asObject(event['after']) ?? asObject(event['before']);
  return event;
}

/** A key as text: a JSON string or number unquoted, the `payload` of Connect's JSON with schemas, a one-field struct's value. */
export function keyText(key: Buffer, field?: string): string {
  const text = key.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  const object = asObject(parsed);
  if (object && 'schema' in object && 'payload' in object) parsed = object['payload'];
  const struct = asObject(parsed);
  if (struct) {
    const name = field !== undefined && field in struct ? field : Object.keys(struct).length === 1 ? Object.keys(struct)[0]! : undefined;
    return name === undefined ? text : (scalarText(struct[name]) ?? text);
  }
  return scalarText(parsed) ?? text;
}

/**
 * The field of the events that names their aggregate: `aggregateId`, else `<noun>Id` for a
 * noun of the topic's name (`orderId` in `shop.orders`), else `id`; any spelling
 * (`order_id`, `OrderID`). It must be in most of the values.
 */
export function aggregateField(topic: string, events: readonly Json[]): string | undefined {
  if (events.length === 0) return undefined;
  const nouns = topic
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => /^[a-z]{3,}$/.test(word))
    .map(singular);
  const wanted = ['aggregateid', ...nouns.map((noun) => `${noun}id`), 'id'];
  const counts = new Map<string, number>();
  for (const event of events) for (const name of Object.keys(event)) counts.set(name, (counts.get(name) ?? 0) + 1);
  const common = [...counts].filter(([, count]) => count >= FIELD_SHARE * events.length).map(([name]) => name);
  for (const normalized of wanted) {
    const field = common.find((name) => name.toLowerCase().replace(/[_-]/g, '') === normalized);
    if (field !== undefined) return field;
  }
  return undefined;
}

/**
 * Whether the keys of the sample are the aggregate id of the values; undefined when the values
 * carry no aggregate id or no keyed record does. This is a heuristic: a key may rightly be a
 * coarser id (a customer's, to keep a customer's events in order), so when the keys are another
 * field of the value, that field is named.
 */
export function compareKeys(topic: string, records: readonly SampledRecord[]): AggregateMatch | undefined {
  const events = records.map((record) => ({ record, event: eventOf(record.value) }));
  const field = aggregateField(
    topic,
    events.flatMap(({ event }) => (event ? [event] : [])),
  );
  if (field === undefined) return undefined;
  const differing: { key: string; event: Json; id: string }[] = [];
  let compared = 0;
  for (const { record, event } of events) {
    const id = event && scalarText(event[field]);
    if (record.key === null || id === undefined) continue;
    compared++;
    const key = keyText(record.key, field);
    if (key !== id) differing.push({ key, event: event!, id });
  }
  if (compared === 0) return undefined;
  const match: AggregateMatch = {
    field,
    compared,
    matching: compared - differing.length,
    examples: differing.slice(0, 3).map(({ key, id }) => ({ key, id })),
  };
  if (differing.length === 0 || match.matching >= MATCH_SHARE * compared) return match;
  const keyedBy = Object.keys(differing[0]!.event).find(
    (name) =>
      name !== field && differing.filter(({ key, event }) => scalarText(event[name]) === key).length >= MATCH_SHARE * differing.length,
  );
  return keyedBy === undefined ? match : { ...match, keyedBy };
}

/** Whether the keys of a comparison are not the aggregate id. */
export function keysDiffer(match: AggregateMatch): boolean {
  return match.matching < MATCH_SHARE * match.compared;
}

function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function scalarText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' ? String(value) : undefined;
}

function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  return word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}
