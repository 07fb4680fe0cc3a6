import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, type Observable } from 'rxjs';
import type { AlertDelivery, AlertEvent, AlertEventList, AlertRuleChange, AlertRuleList, AlertRuleView } from './alerts.model';

/** Alert rules and the history of alerts: one method per API call. */
@Injectable({ providedIn: 'root' })
export class AlertsService {
  private readonly http = inject(HttpClient);

  /** Every rule of the cluster, with what it fires for now. */
  rules(cluster: string): Observable<AlertRuleView[]> {
    return this.http.get<AlertRuleList>(`${this.#base(cluster)}/rules`).pipe(map((body) => body.rules));
  }

  create(cluster: string, rule: AlertRuleChange): Observable<AlertRuleView> {
    return this.http.post<AlertRuleView>(`${this.#base(cluster)}/rules`, rule);
  }

  /** Saves a rule's settings; its webhook URL sent back masked keeps the one kept. */
  update(cluster: string, id: string, rule: AlertRuleChange): Observable<AlertRuleView> {
    return this.http.put<AlertRuleView>(`${this.#rule(cluster, id)}`, rule);
  }

  /** Removes a rule; the server checks the typed name again. */
  remove(cluster: string, id: string, confirm: string): Observable<void> {
    return this.http.delete<void>(this.#rule(cluster, id), { params: { confirm } });
  }

  /** Posts a test message to the rule's webhook now; answers how it went. */
  test(cluster: string, id: string): Observable<AlertDelivery> {
    return this.http.post<AlertDelivery>(`${this.#rule(cluster, id)}/test`, {});
  }

  /** What fired and when it cleared, newest first. */
  events(cluster: string, limit = 200): Observable<AlertEvent[]> {
    return this.http.get<AlertEventList>(`${this.#base(cluster)}/events`, { params: { limit } }).pipe(map((body) => body.events));
  }

  #base(cluster: string): string {
    return `/api/clusters/${encodeURIComponent(cluster)}/alerts`;
  }

  #rule(cluster: string, id: string): string {
    return `${this.#base(cluster)}/rules/${encodeURIComponent(id)}`;
  }
}
