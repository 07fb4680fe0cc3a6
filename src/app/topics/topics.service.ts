import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  ConfigChange, MessagePage, MessageRow, RenderedBytes, TopicMessage, MessageQuery, MessageSearch, NewTopic, PartitionDetail, PartitionsIncreased, ProducedMessage,
  ProduceRequest, PurgeRequest, PurgeResult, TopicConfigEntry, TopicDetail, TopicListQuery, TopicPage,
} from './topic.model';

/** Legal topic names, as the broker checks them (Kafka's `Topic.validate`). */
const TOPIC_NAME = /^[a-zA-Z0-9._-]+$/;
const MAX_TOPIC_NAME = 249;
/** Characters of a value shown in the list before it is expanded. */
const PREVIEW_LENGTH = 160;
const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** Topics and their messages on one cluster, and how to read them. */
@Injectable({ providedIn: 'root' })
export class TopicsService {
  private readonly http = inject(HttpClient);

  /** One page of topics, filtered and sorted by the server. */
  list(cluster: string, query: TopicListQuery): Observable<TopicPage> {
    let params = new HttpParams()
      .set('internal', String(query.internal))
      .set('sort', query.sort)
      .set('order', query.order)
      .set('page', query.page)
      .set('pageSize', query.pageSize);
    if (query.search) params = params.set('search', query.search);
    return this.http.get<TopicPage>(topicsUrl(cluster), { params });
  }

  /** Creates a topic; the server answers 409 TOPIC_EXISTS or 400 with what is wrong. */
  create(cluster: string, topic: NewTopic): Observable<{ name: string }> {
    return this.http.post<{ name: string }>(topicsUrl(cluster), topic);
  }

  /** Partitions, configs and consumer groups of one topic. */
  detail(cluster: string, topic: string): Observable<TopicDetail> {
    return this.http.get<TopicDetail>(topicUrl(cluster, topic));
  }

  /** Sets and removes config overrides in one change; answers every config afterwards. */
  alterConfigs(cluster: string, topic: string, change: ConfigChange): Observable<TopicConfigEntry[]> {
    return this.http.patch<TopicConfigEntry[]>(`${topicUrl(cluster, topic)}/configs`, change);
  }

  /** Raises the partition count; the answer carries the warning about keys and joins. */
  increasePartitions(cluster: string, topic: string, count: number): Observable<PartitionsIncreased> {
    return this.http.post<PartitionsIncreased>(`${topicUrl(cluster, topic)}/partitions`, { count });
  }

  /** Deletes records; `confirm` must be the topic name, which the server checks again. */
  purge(cluster: string, topic: string, request: PurgeRequest): Observable<PurgeResult> {
    return this.http.post<PurgeResult>(`${topicUrl(cluster, topic)}/purge`, request);
  }

  /** Deletes the topic; `confirm` must be its name, which the server checks again. */
  delete(cluster: string, topic: string, confirm: string): Observable<void> {
    return this.http.delete<void>(topicUrl(cluster, topic), { params: { confirm } });
  }

  /** One bounded page of messages; pass the previous page's `nextCursor` to go on. */
  browse(cluster: string, topic: string, query: MessageQuery): Observable<MessagePage> {
    let params = new HttpParams().set('limit', query.limit).set('direction', query.direction);
    for (const name of ['partition', 'offset', 'timestamp', 'key', 'contains', 'cursor'] as const) {
      const value = query[name];
      if (value !== undefined && value !== '') params = params.set(name, value);
    }
    return this.http.get<MessagePage>(`${topicUrl(cluster, topic)}/messages`, { params });
  }

  /** Writes one record; without a partition the key picks it as the Java client would. */
  produce(cluster: string, topic: string, request: ProduceRequest): Observable<ProducedMessage> {
    return this.http.post<ProducedMessage>(`${topicUrl(cluster, topic)}/messages`, request);
  }

  /**
   * What the browser's form means as a query: "newest" reads backward from the end, every
   * other start reads forward from the earliest record, an offset, or a point in time.
   */
  messageQuery(search: MessageSearch, limit: number): MessageQuery {
    const query: MessageQuery = { limit, direction: search.start === 'newest' ? 'backward' : 'forward' };
    if (search.partition !== null) query.partition = search.partition;
    if (search.start === 'offset' && search.offset !== null) query.offset = search.offset;
    if (search.start === 'time' && search.dateTime) query.timestamp = Date.parse(search.dateTime);
    if (search.key) query.key = search.key;
    if (search.contains) query.contains = search.contains;
    return query;
  }

  /** Why a name would be refused, in plain words; null for a legal topic name. */
  topicNameProblem(name: string): string | null {
    if (!name) return 'A name is required';
    if (name.length > MAX_TOPIC_NAME) return `At most ${MAX_TOPIC_NAME} characters (this is ${name.length})`;
    if (name === '.' || name === '..') return 'Cannot be "." or ".." alone';
    if (!TOPIC_NAME.test(name)) return 'Use only ASCII letters, digits, ".", "_" and "-"';
    return null;
  }

  /** Bytes in binary units, the way Kafka's own sizes are set (`segment.bytes`). */
  formatBytes(bytes: number | null): string {
    if (bytes === null) return '—';
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    const digits = unit === 0 || value >= 10 ? 0 : 1;
    return `${value.toFixed(digits)} ${BYTE_UNITS[unit]}`;
  }

  /** A count with thousands separators; a dash when unknown. */
  formatCount(count: number | null): string {
    return count === null ? '—' : count.toLocaleString('en-US');
  }

  /** Records between the earliest and latest offsets of a partition. */
  partitionMessageCount(partition: PartitionDetail): number {
    if (!partition.latestOffset || !partition.earliestOffset) return 0;
    return Number(BigInt(partition.latestOffset) - BigInt(partition.earliestOffset));
  }

  /** The replicas that have fallen out of sync: one more failure away from data loss. */
  outOfSyncReplicas(partition: PartitionDetail): number[] {
    return partition.replicas.filter((replica) => !partition.isr.includes(replica));
  }

  /** Whether some text parses as JSON. */
  isJson(text: string): boolean {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  }

  /** JSON indented for reading; anything that does not parse stays as it is. */
  prettyJson(text: string): string {
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      return text;
    }
  }

  /** A message ready to list: key and value as text, the value pretty-printed when JSON. */
  messageRow(message: TopicMessage): MessageRow {
    const valueText = bytesText(message.value);
    return {
      id: `${message.partition}-${message.offset}`,
      partition: message.partition,
      offset: message.offset,
      timestamp: message.timestamp,
      isoTimestamp: new Date(message.timestamp).toISOString(),
      keyText: bytesText(message.key),
      valuePreview: valueText.length > PREVIEW_LENGTH ? `${valueText.slice(0, PREVIEW_LENGTH)}…` : valueText,
      valueFull: message.value.encoding === 'json' ? this.prettyJson(valueText) : valueText,
      keyEncoding: message.key.encoding,
      valueEncoding: message.value.encoding,
      keySchemaId: message.key.schemaId,
      valueSchemaId: message.value.schemaId,
      valueSize: message.value.sizeBytes,
      headers: message.headers.map((header) => ({ key: header.key, value: bytesText(header.value) })),
    };
  }

  /** Why a page of messages ended, and how much the server read to make it. */
  stopReasonText(page: MessagePage): string {
    const records = `${this.formatCount(page.scanned.records)} ${page.scanned.records === 1 ? 'record' : 'records'}`;
    const scanned = `${records}, ${this.formatBytes(page.scanned.bytes)}`;
    switch (page.stoppedBy) {
      case 'limit':
        return `Page full with ${page.messages.length} messages (scanned ${scanned}) — load more for the next ones`;
      case 'end':
        return `Reached the end of the topic (scanned ${scanned})`;
      case 'scan-budget':
        return `Stopped after scanning ${this.formatBytes(page.scanned.bytes)} (${records}) — load more to continue`;
      case 'time-budget':
        return `Stopped after a few seconds of scanning (${scanned}) — load more to continue`;
    }
  }
}

function bytesText(bytes: RenderedBytes): string {
  return bytes.encoding === 'null' || bytes.text === null ? 'null' : bytes.text;
}

function topicsUrl(cluster: string): string {
  return `/api/clusters/${encodeURIComponent(cluster)}/topics`;
}

function topicUrl(cluster: string, topic: string): string {
  return `${topicsUrl(cluster)}/${encodeURIComponent(topic)}`;
}
