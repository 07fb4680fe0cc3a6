import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type { AuditPage } from './audit.model';

/** What the audit log is narrowed to; empty criteria are left out of the request. */
export interface AuditFilter {
  /** An action, or a family of actions such as `connector`. */
  action?: string;
  /** Part of the actor's name, in any case. */
  actor?: string;
  /** Part of the subject's name, in any case. */
  subject?: string;
  /** ISO instants bounding when the change was asked for. */
  from?: string;
  to?: string;
}

/** The audit log: what the console changed, by whom, before and after; how to read it is in `audit-format.ts`. */
@Injectable({ providedIn: 'root' })
export class AuditService {
  private readonly http = inject(HttpClient);

  /** The newest records of one cluster first, narrowed by `filter`. */
  list(cluster: string, { limit = 200, ...filter }: AuditFilter & { limit?: number } = {}): Observable<AuditPage> {
    const params = withFilter(new HttpParams().set('cluster', cluster).set('limit', limit), filter);
    return this.http.get<AuditPage>('/api/audit', { params });
  }

  /** Where the browser downloads the filtered records of one cluster as a file. */
  exportUrl(cluster: string, filter: AuditFilter, format: 'csv' | 'json'): string {
    return `/api/audit/export?${withFilter(new HttpParams().set('cluster', cluster).set('format', format), filter).toString()}`;
  }
}

function withFilter(params: HttpParams, filter: AuditFilter): HttpParams {
  for (const key of ['action', 'actor', 'subject', 'from', 'to'] as const) {
    const value = filter[key];
    if (value) params = params.set(key, value);
  }
  return params;
}
