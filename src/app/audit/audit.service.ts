import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type { AuditPage } from './audit.model';

/** The audit log: what the console changed, by whom, before and after; how to read it is in `audit-format.ts`. */
@Injectable({ providedIn: 'root' })
export class AuditService {
  private readonly http = inject(HttpClient);

  /** The newest records of one cluster first, optionally of one action (and its sub-actions). */
  list(cluster: string, { action, limit = 200 }: { action?: string; limit?: number } = {}): Observable<AuditPage> {
    let params = new HttpParams().set('cluster', cluster).set('limit', limit);
    if (action) params = params.set('action', action);
    return this.http.get<AuditPage>('/api/audit', { params });
  }
}
