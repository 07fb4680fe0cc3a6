import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { switchMap, takeWhile, timer, type Observable } from 'rxjs';
import { freshParams, type ReadOptions } from '../shared/live-resource';
import type {
  BridgeHealth,
  BridgeSettings,
  BridgeSettingsChange,
  BridgeSources,
  SequenceCheckJob,
  SequenceCheckRequest,
} from './bridge.model';

/** How often a running check is asked for its progress. */
export const POLL_MS = 500;

/** The bridge's health of a topic: one method per API call; how to read the answers is in `bridge-rules.ts`. */
@Injectable({ providedIn: 'root' })
export class BridgeService {
  private readonly http = inject(HttpClient);

  /** The highest sequence published and where each source connector resumes. */
  health(cluster: string, topic: string, options: ReadOptions = {}): Observable<BridgeHealth> {
    return this.http.get<BridgeHealth>(this.#base(cluster, topic), { params: freshParams(options) });
  }

  /** The source connectors publishing to the topic. */
  sources(cluster: string, topic: string): Observable<BridgeSources> {
    return this.http.get<BridgeSources>(`${this.#base(cluster, topic)}/sources`);
  }

  /** Sets where the topic's events keep their sequence (and key). */
  saveSettings(cluster: string, topic: string, change: BridgeSettingsChange): Observable<BridgeSettings> {
    return this.http.put<BridgeSettings>(`${this.#base(cluster, topic)}/settings`, change);
  }

  /** Starts a bounded check of the sequence. */
  startCheck(cluster: string, topic: string, request: SequenceCheckRequest): Observable<SequenceCheckJob> {
    return this.http.post<SequenceCheckJob>(`${this.#base(cluster, topic)}/checks`, request);
  }

  /** One look at a check. */
  job(cluster: string, topic: string, id: string): Observable<SequenceCheckJob> {
    return this.http.get<SequenceCheckJob>(`${this.#base(cluster, topic)}/checks/${encodeURIComponent(id)}`);
  }

  /** Starts a check and emits its progress until it is done or failed (the last emission). */
  runCheck(cluster: string, topic: string, request: SequenceCheckRequest): Observable<SequenceCheckJob> {
    return this.startCheck(cluster, topic, request).pipe(
      switchMap((started) => timer(0, POLL_MS).pipe(switchMap(() => this.job(cluster, topic, started.id)))),
      takeWhile((job) => job.status === 'running', true),
    );
  }

  #base(cluster: string, topic: string): string {
    return `/api/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}/bridge`;
  }
}
