import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import { freshParams, type ReadOptions } from '../shared/live-resource';
import type { StreamsAppDetail, StreamsAppListQuery, StreamsAppPage, StreamsTopologyDescriptionChange } from './streams.model';

/** The Kafka Streams applications of a cluster: one method per API call. */
@Injectable({ providedIn: 'root' })
export class StreamsService {
  private readonly http = inject(HttpClient);

  /** One page of Streams apps with state, members and lag, searched and sorted by the server. */
  list(cluster: string, query: StreamsAppListQuery, options: ReadOptions = {}): Observable<StreamsAppPage> {
    let params = new HttpParams().set('sort', query.sort).set('order', query.order).set('page', query.page).set('pageSize', query.pageSize);
    if (query.search) params = params.set('search', query.search);
    if (options.fresh) params = params.set('fresh', true);
    return this.http.get<StreamsAppPage>(`${base(cluster)}/streams-apps`, { params });
  }

  /** Sub-topologies, tasks, members and state stores of one app, with the time of its data. */
  detail(cluster: string, applicationId: string, options: ReadOptions = {}): Observable<StreamsAppDetail> {
    return this.http.get<StreamsAppDetail>(appUrl(cluster, applicationId), { params: freshParams(options) });
  }

  /**
   * Gives the app's own `Topology#describe()` output: the server checks it against the broker's
   * topology and answers the app with its sinks among the outputs. 400 when it is no such output.
   */
  describeTopology(cluster: string, applicationId: string, text: string): Observable<StreamsAppDetail> {
    const body: StreamsTopologyDescriptionChange = { text };
    return this.http.put<StreamsAppDetail>(descriptionUrl(cluster, applicationId), body);
  }

  /** Forgets the app's description: the graphs show again only what the broker knows. */
  forgetTopologyDescription(cluster: string, applicationId: string): Observable<void> {
    return this.http.delete<void>(descriptionUrl(cluster, applicationId));
  }
}

const base = (cluster: string) => `/api/clusters/${encodeURIComponent(cluster)}`;
const appUrl = (cluster: string, applicationId: string) => `${base(cluster)}/streams-apps/${encodeURIComponent(applicationId)}`;
const descriptionUrl = (cluster: string, applicationId: string) => `${appUrl(cluster, applicationId)}/topology-description`;
