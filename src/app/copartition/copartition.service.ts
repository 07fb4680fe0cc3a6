import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, takeWhile, timer, switchMap, type Observable } from 'rxjs';
import type { CheckJob, CopartitionGroup, GroupHealth } from './copartition.model';

/** How often a running check is asked for its progress. */
export const POLL_MS = 500;

/** Co-partition groups and their checks: one method per API call; how to read a report is in `copartition-rules.ts`. */
@Injectable({ providedIn: 'root' })
export class CopartitionService {
  private readonly http = inject(HttpClient);

  /** Every group of the cluster with a quick check's report. */
  health(cluster: string): Observable<GroupHealth[]> {
    return this.http.get<{ groups: GroupHealth[] }>(this.#base(cluster)).pipe(map((body) => body.groups));
  }

  /** Starts a full check of the topics. */
  startCheck(cluster: string, topics: string[], samplePerPartition?: number): Observable<CheckJob> {
    return this.http.post<CheckJob>(`${this.#base(cluster)}/check`, { topics, ...(samplePerPartition && { samplePerPartition }) });
  }

  /** One look at a check. */
  job(cluster: string, id: string): Observable<CheckJob> {
    return this.http.get<CheckJob>(`${this.#base(cluster)}/checks/${encodeURIComponent(id)}`);
  }

  /** Starts a check and emits its progress until it is done or failed (the last emission). */
  runCheck(cluster: string, topics: string[], samplePerPartition?: number): Observable<CheckJob> {
    return this.startCheck(cluster, topics, samplePerPartition).pipe(
      switchMap((started) => timer(0, POLL_MS).pipe(switchMap(() => this.job(cluster, started.id)))),
      takeWhile((job) => job.status === 'running', true),
    );
  }

  /** Saves a declared group, or replaces the one of that name. */
  declare(cluster: string, name: string, topics: string[]): Observable<CopartitionGroup> {
    return this.http.post<CopartitionGroup>(`${this.#base(cluster)}/groups`, { name, topics });
  }

  /** Removes a declared group. */
  undeclare(cluster: string, name: string): Observable<void> {
    return this.http.delete<void>(`${this.#base(cluster)}/groups/${encodeURIComponent(name)}`);
  }

  /** Topic names to pick from when declaring a group: read fresh, so a topic made a moment ago is there. */
  topicNames(cluster: string): Observable<string[]> {
    return this.http
      .get<{ items: { name: string }[] }>(`/api/clusters/${encodeURIComponent(cluster)}/topics`, {
        params: { pageSize: 10_000, fresh: true },
      })
      .pipe(map((page) => page.items.map((topic) => topic.name)));
  }

  #base(cluster: string): string {
    return `/api/clusters/${encodeURIComponent(cluster)}/copartition`;
  }
}
