import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type { AppMetrics, GroupHistory, MetricsOverview, MetricsRange, TopicHistory } from './metrics.model';

/** What the console measured of a cluster over time: one method per API call, each a cold read. */
@Injectable({ providedIn: 'root' })
export class MetricsService {
  private readonly http = inject(HttpClient);

  /** Every topic's and group's current figures, with a sparkline over the range. */
  overview(cluster: string, range: MetricsRange): Observable<MetricsOverview> {
    return this.http.get<MetricsOverview>(`${base(cluster)}/overview`, { params: rangeParams(range) });
  }

  /** One topic's rate and size over the range. */
  topicHistory(cluster: string, topic: string, range: MetricsRange): Observable<TopicHistory> {
    return this.http.get<TopicHistory>(`${base(cluster)}/topics/${encodeURIComponent(topic)}`, { params: rangeParams(range) });
  }

  /** One group's lag, consume rate and status over the range. */
  groupHistory(cluster: string, groupId: string, range: MetricsRange): Observable<GroupHistory> {
    return this.http.get<GroupHistory>(`${base(cluster)}/consumer-groups/${encodeURIComponent(groupId)}`, {
      params: rangeParams(range),
    });
  }

  /** What the brokers' and apps' Prometheus endpoints reported over the range, and how their scrapes go. */
  apps(cluster: string, range: MetricsRange): Observable<AppMetrics> {
    return this.http.get<AppMetrics>(`${base(cluster)}/apps`, { params: rangeParams(range) });
  }
}

const base = (cluster: string) => `/api/clusters/${encodeURIComponent(cluster)}/metrics`;
const rangeParams = (range: MetricsRange) => new HttpParams().set('range', range);
