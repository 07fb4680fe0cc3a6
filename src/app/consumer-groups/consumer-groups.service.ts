import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import { freshParams, type ReadOptions } from '../shared/live-resource';
import type {
  ConsumerGroupDetail,
  ConsumerGroupListPage,
  ConsumerGroupListQuery,
  OffsetChangeResult,
  OffsetResetCommand,
  OffsetResetRequest,
  ResetPreview,
} from './consumer-group.model';

/** Consumer groups, their lag, and replay (preview, reset, undo): one method per API call. */
@Injectable({ providedIn: 'root' })
export class ConsumerGroupsService {
  private readonly http = inject(HttpClient);

  /** One page of consumer groups with state and total lag, searched and sorted by the server. */
  list(cluster: string, query: ConsumerGroupListQuery, options: ReadOptions = {}): Observable<ConsumerGroupListPage> {
    let params = new HttpParams().set('sort', query.sort).set('order', query.order).set('page', query.page).set('pageSize', query.pageSize);
    if (query.search) params = params.set('search', query.search);
    if (options.fresh) params = params.set('fresh', true);
    return this.http.get<ConsumerGroupListPage>(`${base(cluster)}/consumer-groups`, { params });
  }

  /** Members and per-partition lag of one group, with the time of its data. */
  detail(cluster: string, groupId: string, options: ReadOptions = {}): Observable<ConsumerGroupDetail> {
    return this.http.get<ConsumerGroupDetail>(groupUrl(cluster, groupId), { params: freshParams(options) });
  }

  /** Where a reset would move the offsets; changes nothing. */
  previewReset(cluster: string, groupId: string, request: OffsetResetRequest): Observable<ResetPreview> {
    return this.http.post<ResetPreview>(`${groupUrl(cluster, groupId)}/offsets/preview`, request);
  }

  /**
   * Applies exactly the previewed targets; the server records it in the audit log, and refuses
   * (409 PREVIEW_OUTDATED) when the offsets the preview showed have moved since.
   */
  reset(cluster: string, groupId: string, request: OffsetResetRequest, preview: ResetPreview): Observable<OffsetChangeResult> {
    const command: OffsetResetCommand = {
      ...request,
      confirm: true,
      targets: preview.partitions.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.targetOffset })),
      expected: preview.partitions.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.currentOffset })),
    };
    return this.http.post<OffsetChangeResult>(`${groupUrl(cluster, groupId)}/offsets/reset`, command);
  }

  /** Puts back the offsets a reset found, from its audit record. */
  undo(cluster: string, groupId: string, auditId: string): Observable<OffsetChangeResult> {
    return this.http.post<OffsetChangeResult>(`${groupUrl(cluster, groupId)}/offsets/undo`, { auditId });
  }

  /** Deletes an empty group with its offsets; `confirm` must be its id, which the server checks again. */
  delete(cluster: string, groupId: string, confirm: string): Observable<void> {
    return this.http.delete<void>(groupUrl(cluster, groupId), { params: { confirm } });
  }
}

const base = (cluster: string) => `/api/clusters/${encodeURIComponent(cluster)}`;
const groupUrl = (cluster: string, groupId: string) => `${base(cluster)}/consumer-groups/${encodeURIComponent(groupId)}`;
