import { formatBytes, formatCountOf } from './topic-format';
import type { MessagePage, MessageQuery, MessageRow, MessageSearch, RenderedBytes, TopicMessage } from './topic.model';

/** Characters of a value shown in the list before it is expanded. */
const PREVIEW_LENGTH = 160;

/**
 * What the browser's form means as a query: "newest" reads backward from the end, every
 * other start reads forward from the earliest record, an offset, or a point in time.
 */
export function messageQuery(search: MessageSearch, limit: number): MessageQuery {
  const query: MessageQuery = { limit, direction: search.start === 'newest' ? 'backward' : 'forward' };
  if (search.partition !== null) query.partition = search.partition;
  if (search.start === 'offset' && search.offset !== null) query.offset = search.offset;
  if (search.start === 'time' && search.dateTime) query.timestamp = Date.parse(search.dateTime);
  if (search.key) query.key = search.key;
  if (search.contains) query.contains = search.contains;
  return query;
}

/** Whether some text parses as JSON. */
export function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** JSON indented for reading; anything that does not parse stays as it is. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** A message ready to list: key and value as text, the value pretty-printed when JSON. */
export function messageRow(message: TopicMessage): MessageRow {
  const valueText = bytesText(message.value);
  return {
    id: `${message.partition}-${message.offset}`,
    partition: message.partition,
    offset: message.offset,
    timestamp: message.timestamp,
    isoTimestamp: new Date(message.timestamp).toISOString(),
    keyText: bytesText(message.key),
    valuePreview: valueText.length > PREVIEW_LENGTH ? `${valueText.slice(0, PREVIEW_LENGTH)}…` : valueText,
    valueFull: message.value.encoding === 'json' ? prettyJson(valueText) : valueText,
    keyEncoding: message.key.encoding,
    valueEncoding: message.value.encoding,
    keySchemaId: message.key.schemaId,
    valueSchemaId: message.value.schemaId,
    valueSize: message.value.sizeBytes,
    headers: message.headers.map((header) => ({ key: header.key, value: bytesText(header.value) })),
  };
}

/** Why a page of messages ended, and how much the server read to make it. */
export function stopReasonText(page: MessagePage): string {
  const records = formatCountOf(page.scanned.records, 'record', 'records');
  const scanned = `${records}, ${formatBytes(page.scanned.bytes)}`;
  switch (page.stoppedBy) {
    case 'limit':
      return `Page full with ${page.messages.length} messages (scanned ${scanned}) — load more for the next ones`;
    case 'end':
      return `Reached the end of the topic (scanned ${scanned})`;
    case 'scan-budget':
      return `Stopped after scanning ${formatBytes(page.scanned.bytes)} (${records}) — load more to continue`;
    case 'time-budget':
      return `Stopped after a few seconds of scanning (${scanned}) — load more to continue`;
  }
}

function bytesText(bytes: RenderedBytes): string {
  return bytes.encoding === 'null' || bytes.text === null ? 'null' : bytes.text;
}
