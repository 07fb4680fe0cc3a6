import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import { freshParams, type ReadOptions } from '../shared/live-resource';
import type {
  ConfigChange,
  MessagePage,
  MessageQuery,
  NewTopic,
  PartitionsIncreased,
  ProducedMessage,
  ProduceRequest,
  PurgeRequest,
  PurgeResult,
  TopicConfigEntry,
  TopicDetail,
  TopicListQuery,
  TopicPage,
} from './topic.model';

/**
 * The topics API of one cluster, one method per call. How to read what it answers lives in
 * `topic-format.ts`, `topic-rules.ts` and `message-format.ts`.
 */
@Injectable({ providedIn: 'root' })
export class TopicsService {
  private readonly http = inject(HttpClient);

  /** One page of topics, filtered and sorted by the server, with the time of its data. */
  list(cluster: string, query: TopicListQuery, options: ReadOptions = {}): Observable<TopicPage> {
    let params = new HttpParams()
      .set('internal', String(query.internal))
      .set('sort', query.sort)
      .set('order', query.order)
      .set('page', query.page)
      .set('pageSize', query.pageSize);
    if (query.search) params = params.set('search', query.search);
    if (options.fresh) params = params.set('fresh', true);
    return this.http.get<TopicPage>(topicsUrl(cluster), { params });
  }

  /** Creates a topic; the server answers 409 TOPIC_EXISTS or 400 with what is wrong. */
  create(cluster: string, topic: NewTopic): Observable<{ name: string }> {
    return this.http.post<{ name: string }>(topicsUrl(cluster), topic);
  }

  /** Partitions, configs and consumer groups of one topic, with the time of its data. */
  detail(cluster: string, topic: string, options: ReadOptions = {}): Observable<TopicDetail> {
    return this.http.get<TopicDetail>(topicUrl(cluster, topic), { params: freshParams(options) });
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
}

function topicsUrl(cluster: string): string {
  return `/api/clusters/${encodeURIComponent(cluster)}/topics`;
}

function topicUrl(cluster: string, topic: string): string {
  return `${topicsUrl(cluster)}/${encodeURIComponent(topic)}`;
}
