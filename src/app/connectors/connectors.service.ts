import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { catchError, debounceTime, of, switchMap, type Observable } from 'rxjs';
import type { ApiError } from '../shared/api-error';
import type {
  ConfigValidation,
  ConnectClusterSummary,
  ConnectorDetail,
  ConnectorOffsets,
  ConnectorPlugin,
  ConnectorRestart,
  ConnectorSummary,
  NewConnector,
  OffsetsChangeResult,
  OffsetsRewind,
  TopicCreation,
} from './connector.model';

/** How long the config form waits after the last keystroke before the worker validates it. */
export const VALIDATION_DEBOUNCE_MS = 400;

/** A config to validate, and where. */
export interface ConfigDraft {
  cluster: string;
  connect: string;
  plugin: string;
  config: Record<string, string>;
}

/** Kafka Connect: the API calls, one per route; how to read their answers is in `connector-rules.ts`. */
@Injectable({ providedIn: 'root' })
export class ConnectorsService {
  private readonly http = inject(HttpClient);

  /** The cluster's Connect clusters with their version and reachability. */
  connectClusters(cluster: string): Observable<ConnectClusterSummary[]> {
    return this.http.get<ConnectClusterSummary[]>(`${clusterUrl(cluster)}/connect`);
  }

  connectors(cluster: string, connect: string): Observable<ConnectorSummary[]> {
    return this.http.get<ConnectorSummary[]>(`${connectUrl(cluster, connect)}/connectors`);
  }

  connector(cluster: string, connect: string, name: string): Observable<ConnectorDetail> {
    return this.http.get<ConnectorDetail>(connectorUrl(cluster, connect, name));
  }

  plugins(cluster: string, connect: string): Observable<ConnectorPlugin[]> {
    return this.http.get<ConnectorPlugin[]>(`${connectUrl(cluster, connect)}/plugins`);
  }

  /** The worker's own validation of a config, per field. */
  validate(cluster: string, connect: string, plugin: string, config: Record<string, string>): Observable<ConfigValidation> {
    return this.http.put<ConfigValidation>(`${connectUrl(cluster, connect)}/plugins/${encodeURIComponent(plugin)}/validate`, { config });
  }

  /**
   * Validates drafts as the operator types: waits for a pause, drops answers to drafts that
   * were replaced meanwhile, and turns a failed call into its {@link ApiError}.
   */
  validateAsTyped(drafts: Observable<ConfigDraft | undefined>): Observable<ConfigValidation | ApiError | undefined> {
    return drafts.pipe(
      debounceTime(VALIDATION_DEBOUNCE_MS),
      switchMap((draft) =>
        !draft
          ? of(undefined)
          : this.validate(draft.cluster, draft.connect, draft.plugin, draft.config).pipe(catchError((error: ApiError) => of(error))),
      ),
    );
  }

  /** Creates a connector; with `createTopics` in it, the server first creates its missing topics. */
  create(cluster: string, connect: string, connector: NewConnector): Observable<ConnectorDetail> {
    return this.http.post<ConnectorDetail>(`${connectUrl(cluster, connect)}/connectors`, connector);
  }

  /**
   * Saves a config; secrets left as the mask keep their stored value on the server. With
   * `createTopics`, the server first creates the topics of the config that do not exist.
   */
  updateConfig(
    cluster: string,
    connect: string,
    name: string,
    config: Record<string, string>,
    createTopics?: TopicCreation,
  ): Observable<ConnectorDetail> {
    return this.http.put<ConnectorDetail>(`${connectorUrl(cluster, connect, name)}/config`, {
      config,
      ...(createTopics && { createTopics }),
    });
  }

  /** Deletes a connector; the server checks the typed name again. */
  delete(cluster: string, connect: string, name: string): Observable<void> {
    return this.http.delete<void>(connectorUrl(cluster, connect, name), { params: { confirm: name } });
  }

  changeState(cluster: string, connect: string, name: string, to: 'pause' | 'resume' | 'stop'): Observable<ConnectorDetail> {
    return this.http.post<ConnectorDetail>(`${connectorUrl(cluster, connect, name)}/${to}`, {});
  }

  restart(cluster: string, connect: string, name: string, restart: ConnectorRestart): Observable<ConnectorDetail> {
    return this.http.post<ConnectorDetail>(`${connectorUrl(cluster, connect, name)}/restart`, restart);
  }

  restartTask(cluster: string, connect: string, name: string, task: number): Observable<ConnectorDetail> {
    return this.http.post<ConnectorDetail>(`${connectorUrl(cluster, connect, name)}/tasks/${task}/restart`, {});
  }

  offsets(cluster: string, connect: string, name: string): Observable<ConnectorOffsets> {
    return this.http.get<ConnectorOffsets>(`${connectorUrl(cluster, connect, name)}/offsets`);
  }

  /** Stop, then alter (with offsets) or reset (without), then resume: one audited call. */
  rewind(cluster: string, connect: string, name: string, rewind: OffsetsRewind): Observable<OffsetsChangeResult> {
    return this.http.post<OffsetsChangeResult>(`${connectorUrl(cluster, connect, name)}/offsets/rewind`, rewind);
  }
}

function clusterUrl(cluster: string): string {
  return `/api/clusters/${encodeURIComponent(cluster)}`;
}

function connectUrl(cluster: string, connect: string): string {
  return `${clusterUrl(cluster)}/connect/${encodeURIComponent(connect)}`;
}

function connectorUrl(cluster: string, connect: string, name: string): string {
  return `${connectUrl(cluster, connect)}/connectors/${encodeURIComponent(name)}`;
}
