import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type { ClusterOverview, ClusterSummary } from './cluster.model';

/** The configured clusters and their overview; how to read the numbers is in `cluster-health.ts`. */
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
}
