import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { catchError, debounceTime, of, switchMap, type Observable } from 'rxjs';
import type { ApiError } from '../shared/api-error';
import type {
  ConfigValidation,
  ConnectClusterSummary,
  ConnectorActions,
  ConnectorDetail,
  ConnectorOffsets,
  ConnectorPlugin,
  ConnectorRestart,
  ConnectorState,
  ConnectorSummary,
  FieldGroup,
  NewConnector,
  OffsetsChangeResult,
  OffsetsRewind,
  StateFilter,
  StateTone,
} from './connector.model';

/** How long the config form waits after the last keystroke before the worker validates it. */
export const VALIDATION_DEBOUNCE_MS = 400;

/** The group name the form shows for the plugin's own fields, which Connect leaves ungrouped. */
export const PLUGIN_GROUP = 'Connector';

/** Keys the generated form leaves out: the connector's identity. */
const IDENTITY_KEYS = ['name', 'connector.class'];

/** A config to validate, and where. */
export interface ConfigDraft {
  cluster: string;
  connect: string;
  plugin: string;
  config: Record<string, string>;
}

/** Kafka Connect: the API calls, one per route, and the rules the pages share. */
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
      switchMap((draft) => !draft ? of(undefined) : this.validate(draft.cluster, draft.connect, draft.plugin, draft.config)
        .pipe(catchError((error: ApiError) => of(error)))),
    );
  }

  create(cluster: string, connect: string, connector: NewConnector): Observable<ConnectorDetail> {
    return this.http.post<ConnectorDetail>(`${connectUrl(cluster, connect)}/connectors`, connector);
  }

  /** Saves a config; secrets left as the mask keep their stored value on the server. */
  updateConfig(cluster: string, connect: string, name: string, config: Record<string, string>): Observable<ConnectorDetail> {
    return this.http.put<ConnectorDetail>(`${connectorUrl(cluster, connect, name)}/config`, { config });
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

  /** How a connector or task state reads: FAILED is an outage, PAUSED/STOPPED were chosen. */
  stateTone(state: ConnectorState): StateTone {
    if (state === 'RUNNING') return 'ok';
    if (state === 'FAILED') return 'error';
    if (state === 'PAUSED' || state === 'STOPPED') return 'warn';
    return 'neutral';
  }

  /** Whether the connector or one of its tasks failed. */
  hasFailure(connector: ConnectorSummary): boolean {
    return connector.state === 'FAILED' || connector.failedTaskCount > 0;
  }

  /** Whether the connector belongs in the list under `filter`. */
  matchesFilter(connector: ConnectorSummary, filter: StateFilter): boolean {
    switch (filter) {
      case 'all': return true;
      case 'failed': return this.hasFailure(connector);
      case 'running': return connector.state === 'RUNNING' && !this.hasFailure(connector);
      case 'paused': return connector.state === 'PAUSED';
      case 'stopped': return connector.state === 'STOPPED';
    }
  }

  /** The actions Connect accepts in the connector's state (resume also starts a stopped one). */
  actions(connector: ConnectorSummary): ConnectorActions {
    return {
      canPause: connector.state === 'RUNNING',
      canResume: connector.state === 'PAUSED' || connector.state === 'STOPPED',
      canStop: connector.state !== 'STOPPED',
      canRestartFailed: this.hasFailure(connector),
    };
  }

  /**
   * The generated form's groups: the plugin's own fields (Connect leaves them ungrouped)
   * first, then Connect's groups in the worker's order; hidden fields left out.
   */
  fieldGroups(validation: ConfigValidation): FieldGroup[] {
    // The name and class are chosen above the form and never change once created.
    const names = [PLUGIN_GROUP, ...validation.groups.filter((group) => group !== PLUGIN_GROUP)];
    return names
      .map((name) => {
        const fields = validation.fields
          .filter((field) => field.visible && !IDENTITY_KEYS.includes(field.definition.name) && (field.definition.group ?? PLUGIN_GROUP) === name)
          .sort((a, b) => a.definition.orderInGroup - b.definition.orderInGroup);
        return { name, fields, errorCount: fields.filter((field) => field.errors.length).length };
      })
      .filter((group) => group.fields.length > 0);
  }

  /** The config without empty values, so a cleared field falls back to its default. */
  withoutEmptyValues(config: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(config).filter(([, value]) => value !== ''));
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

/** Reads the operator's JSON as a config: an object of strings, or a plain-words reason. */
export function parseConfigJson(text: string): { config: Record<string, string> } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { problem: `Not valid JSON: ${(err as Error).message}` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { problem: 'The config is a JSON object of keys and values' };
  const notStrings = Object.entries(value).filter(([, v]) => typeof v !== 'string').map(([key]) => key);
  if (notStrings.length) return { problem: `Connect configs are strings; quote the value of ${notStrings.join(', ')}` };
  return { config: value as Record<string, string> };
}


