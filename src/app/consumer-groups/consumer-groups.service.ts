import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  ConsumerGroupDetail,
  ConsumerGroupSummary,
  OffsetChangeResult,
  OffsetResetCommand,
  OffsetResetRequest,
  PartitionLag,
  ResetPreview,
  StateTone,
} from './consumer-group.model';

/** States in which a group has (or is gathering) members; the server refuses resets then. */
const ACTIVE_STATES = new Set(['Stable', 'PreparingRebalance', 'CompletingRebalance', 'Reconciling', 'Assigning']);

/** Consumer groups, their lag, and replay (preview, reset, undo), plus how to read them. */
@Injectable({ providedIn: 'root' })
export class ConsumerGroupsService {
  private readonly http = inject(HttpClient);

  /** Every consumer group of the cluster with state and total lag. */
  list(cluster: string): Observable<ConsumerGroupSummary[]> {
    return this.http.get<ConsumerGroupSummary[]>(`${base(cluster)}/consumer-groups`);
  }

  /** Members and per-partition lag of one group. */
  detail(cluster: string, groupId: string): Observable<ConsumerGroupDetail> {
    return this.http.get<ConsumerGroupDetail>(groupUrl(cluster, groupId));
  }

  /** Where a reset would move the offsets; changes nothing. */
  previewReset(cluster: string, groupId: string, request: OffsetResetRequest): Observable<ResetPreview> {
    return this.http.post<ResetPreview>(`${groupUrl(cluster, groupId)}/offsets/preview`, request);
  }

  /** Applies exactly the previewed targets; the server records it in the audit log. */
  reset(cluster: string, groupId: string, request: OffsetResetRequest, preview: ResetPreview): Observable<OffsetChangeResult> {
    const command: OffsetResetCommand = {
      ...request,
      confirm: true,
      targets: preview.partitions.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.targetOffset })),
    };
    return this.http.post<OffsetChangeResult>(`${groupUrl(cluster, groupId)}/offsets/reset`, command);
  }

  /** Puts back the offsets a reset found, from its audit record. */
  undo(cluster: string, groupId: string, auditId: string): Observable<OffsetChangeResult> {
    return this.http.post<OffsetChangeResult>(`${groupUrl(cluster, groupId)}/offsets/undo`, { auditId });
  }

  /** Deletes an empty group with its offsets. */
  delete(cluster: string, groupId: string): Observable<void> {
    return this.http.delete<void>(groupUrl(cluster, groupId));
  }

  /** Whether no member consumes, so its offsets can be reset or the group deleted. */
  isIdle(group: Pick<ConsumerGroupSummary, 'state' | 'memberCount'>): boolean {
    return group.memberCount === 0 && !ACTIVE_STATES.has(group.state);
  }

  /** How a state reads: consuming is fine, rebalancing needs a look, empty is idle. */
  stateTone(state: string): StateTone {
    if (state === 'Stable') return 'ok';
    if (ACTIVE_STATES.has(state)) return 'warn';
    if (state === 'Empty') return 'idle';
    return 'neutral';
  }

  /** The share of the partition's retained log the group has read, 0 to 1, for a lag bar. */
  readShare(partition: Pick<PartitionLag, 'committedOffset' | 'logStartOffset' | 'logEndOffset'>): number {
    const retained = partition.logEndOffset - partition.logStartOffset;
    if (partition.committedOffset === null) return 0;
    if (retained <= 0) return 1;
    return Math.min(1, Math.max(0, (partition.committedOffset - partition.logStartOffset) / retained));
  }
}

const base = (cluster: string) => `/api/clusters/${encodeURIComponent(cluster)}`;
const groupUrl = (cluster: string, groupId: string) => `${base(cluster)}/consumer-groups/${encodeURIComponent(groupId)}`;
