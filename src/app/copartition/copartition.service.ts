import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, takeWhile, timer, switchMap, type Observable } from 'rxjs';
import type {
  Cause, CheckJob, CopartitionGroup, EvidenceRow, Finding, GroupHealth, GroupOrigin, Verdict, VerdictBadge,
} from './copartition.model';

/** How often a running check is asked for its progress. */
export const POLL_MS = 500;

/** Co-partition groups, their checks, and how to read a report. */
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

  /** Topic names to pick from when declaring a group. */
  topicNames(cluster: string): Observable<string[]> {
    return this.http
      .get<{ items: { name: string }[] }>(`/api/clusters/${encodeURIComponent(cluster)}/topics`, { params: { pageSize: 10_000 } })
      .pipe(map((page) => page.items.map((topic) => topic.name)));
  }

  /** How a verdict reads; null (not checked in time) reads as such. */
  badge(verdict: Verdict | null): VerdictBadge {
    switch (verdict) {
      case 'healthy': return { label: 'Healthy', tone: 'ok', icon: 'check_circle' };
      case 'at-risk': return { label: 'At risk', tone: 'warn', icon: 'warning' };
      case 'broken': return { label: 'Broken', tone: 'error', icon: 'error' };
      case 'unknown': return { label: 'No data yet', tone: 'neutral', icon: 'help' };
      default: return { label: 'Not checked', tone: 'neutral', icon: 'schedule' };
    }
  }

  /** A finding's cause in a few words, for its heading. */
  causeTitle(cause: Cause): string {
    return {
      'partition-count': 'Partition counts differ',
      'schema-id': 'Schema ids in the key bytes',
      encoding: 'Keys serialized differently',
      'custom-partitioner': 'Not placed by the default partitioner',
      'partitions-added': 'Partitions added after the data was written',
    }[cause];
  }

  originLabel(origin: GroupOrigin): string {
    return { declared: 'Declared', 'consumer-group': 'Consumer group', 'streams-app': 'Kafka Streams app' }[origin];
  }

  /** Whether operators may edit or remove the group (found ones come back on their own). */
  isDeclared(group: CopartitionGroup): boolean {
    return group.origin === 'declared';
  }

  /** The evidence of a finding as rows: each key with its partition in every topic of the group. */
  evidenceRows(finding: Finding, topics: string[]): EvidenceRow[] {
    return finding.keys.map((evidence) => ({
      key: evidence.key,
      cells: topics.map((topic) => {
        const placement = evidence.placements.find((p) => p.topic === topic);
        return placement
          ? { partition: placement.partition, expectedPartition: placement.expectedPartition, schemaId: placement.schemaId,
            isOffMurmur2: placement.partition !== placement.expectedPartition }
          : null;
      }),
    }));
  }

  /** Progress of a running check as a percentage of partitions read. */
  percentDone(job: CheckJob): number {
    const { partitionsRead, partitionsTotal } = job.progress;
    return partitionsTotal ? Math.round((100 * partitionsRead) / partitionsTotal) : 0;
  }

  #base(cluster: string): string {
    return `/api/clusters/${encodeURIComponent(cluster)}/copartition`;
  }
}
