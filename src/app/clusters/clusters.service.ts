import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type { ClusterOverview, ClusterSummary, HealthFigure } from './cluster.model';

/** The configured clusters and their overview, and how to read the numbers. */
@Injectable({ providedIn: 'root' })
export class ClustersService {
  private readonly http = inject(HttpClient);

  /** The clusters the console is configured for. */
  list(): Observable<ClusterSummary[]> {
    return this.http.get<ClusterSummary[]>('/api/clusters');
  }

  /** Brokers and partition health of one cluster. */
  overview(cluster: string): Observable<ClusterOverview> {
    return this.http.get<ClusterOverview>(`/api/clusters/${encodeURIComponent(cluster)}/overview`);
  }

  /**
   * The overview's headline figures. Offline partitions are an outage (no leader, nobody
   * reads or writes); under-replicated ones are one more broker failure away from it.
   */
  healthFigures(overview: ClusterOverview): HealthFigure[] {
    return [
      { label: 'Brokers', value: overview.brokers.length, tone: 'neutral', hint: `controller: broker ${overview.controllerId}` },
      { label: 'Topics', value: overview.topicCount, tone: 'neutral', hint: `plus ${overview.internalTopicCount} internal` },
      { label: 'Partitions', value: overview.partitionCount, tone: 'neutral', hint: 'including internal topics' },
      {
        label: 'Under-replicated',
        value: overview.underReplicatedPartitions,
        tone: overview.underReplicatedPartitions > 0 ? 'warn' : 'ok',
        hint: overview.underReplicatedPartitions > 0 ? 'fewer in-sync replicas than replicas' : 'every replica in sync',
      },
      {
        label: 'Offline',
        value: overview.offlinePartitions,
        tone: overview.offlinePartitions > 0 ? 'error' : 'ok',
        hint: overview.offlinePartitions > 0 ? 'no leader: unreadable and unwritable' : 'every partition has a leader',
      },
    ];
  }

  /** Whether every partition has a leader and all its replicas in sync. */
  isHealthy(overview: ClusterOverview): boolean {
    return overview.offlinePartitions === 0 && overview.underReplicatedPartitions === 0;
  }
}
