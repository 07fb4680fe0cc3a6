import type {
  ConfigFieldValidation,
  ConfigValidation,
  ConnectorActions,
  ConnectorDetail,
  ConnectorPlugin,
  ConnectorState,
  ConnectorSummary,
  FieldGroup,
  SourceOffset,
  StateFilter,
  StateTone,
} from './connector.model';

/** The group name the form shows for the plugin's own fields, which Connect leaves ungrouped. */
export const PLUGIN_GROUP = 'Connector';

/** Keys the generated form leaves out: the connector's identity. */
const IDENTITY_KEYS = ['name', 'connector.class'];

/** Connect types that take a number. */
const NUMBER_TYPES = ['INT', 'LONG', 'SHORT', 'DOUBLE'];

/** How a connector or task state reads: FAILED is an outage, PAUSED/STOPPED were chosen. */
export function stateTone(state: ConnectorState): StateTone {
  if (state === 'RUNNING') return 'ok';
  if (state === 'FAILED') return 'error';
  if (state === 'PAUSED' || state === 'STOPPED') return 'warn';
  return 'neutral';
}

/** Whether the connector or one of its tasks failed. */
/** The topics a connector uses now, else those it is configured for. */
export function usedTopics(connector: Pick<ConnectorDetail, 'activeTopics' | 'topics'> | undefined): string[] {
  if (!connector) return [];
  return connector.activeTopics.length ? connector.activeTopics : connector.topics;
}

export function hasFailure(connector: ConnectorSummary): boolean {
  return connector.state === 'FAILED' || connector.failedTaskCount > 0;
}

/** Whether the connector belongs in the list under `filter`. */
export function matchesFilter(connector: ConnectorSummary, filter: StateFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'failed':
      return hasFailure(connector);
    case 'running':
      return connector.state === 'RUNNING' && !hasFailure(connector);
    case 'paused':
      return connector.state === 'PAUSED';
    case 'stopped':
      return connector.state === 'STOPPED';
  }
}

/** The actions Connect accepts in the connector's state (resume also starts a stopped one). */
export function actions(connector: ConnectorSummary): ConnectorActions {
  return {
    canPause: connector.state === 'RUNNING',
    canResume: connector.state === 'PAUSED' || connector.state === 'STOPPED',
    canStop: connector.state !== 'STOPPED',
    canRestartFailed: hasFailure(connector),
  };
}

/**
 * The generated form's groups: the plugin's own fields (Connect leaves them ungrouped)
 * first, then Connect's groups in the worker's order; hidden fields left out.
 */
export function fieldGroups(validation: ConfigValidation): FieldGroup[] {
  // The name and class are chosen above the form and never change once created.
  const names = [PLUGIN_GROUP, ...validation.groups.filter((group) => group !== PLUGIN_GROUP)];
  return names
    .map((name) => {
      const fields = validation.fields
        .filter(
          (field) => field.visible && !IDENTITY_KEYS.includes(field.definition.name) && (field.definition.group ?? PLUGIN_GROUP) === name,
        )
        .sort((a, b) => a.definition.orderInGroup - b.definition.orderInGroup);
      return { name, fields, errorCount: fields.filter((field) => field.errors.length).length };
    })
    .filter((group) => group.fields.length > 0);
}

/** Which control a field gets: a yes/no, a pick from the worker's recommendations, or typing. */
export function fieldKind(field: ConfigFieldValidation): 'boolean' | 'choice' | 'input' {
  if (field.definition.type === 'BOOLEAN') return 'boolean';
  return field.recommendedValues.length > 1 ? 'choice' : 'input';
}

/** Which input a Connect type gets; a password is never shown as typed. */
export function inputType(type: string): 'password' | 'number' | 'text' {
  if (type === 'PASSWORD') return 'password';
  return NUMBER_TYPES.includes(type) ? 'number' : 'text';
}

/** The config without empty values, so a cleared field falls back to its default. */
export function withoutEmptyValues(config: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(config).filter(([, value]) => value !== ''));
}

/** A plugin as the picker lists it: the class's simple name, its type and version. */
export function pluginLabel(plugin: ConnectorPlugin): string {
  return `${plugin.className.split('.').pop()} · ${plugin.type} · ${plugin.version}`;
}

/** Why a plugin cannot be picked here, or undefined when it can. */
export function pluginRefusal(plugin: ConnectorPlugin): string | undefined {
  return plugin.allowed
    ? undefined
    : `Not allowed on this Connect cluster: add it to allowedConnectorClasses in the console's config (file connectors are refused by default)`;
}

/** Reads the operator's JSON as a config: an object of strings, or a plain-words reason. */
export function parseConfigJson(text: string): { config: Record<string, string> } | { problem: string } {
  const parsed = parseJson(text);
  if ('problem' in parsed) return parsed;
  const value = parsed.value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { problem: 'The config is a JSON object of keys and values' };
  const notStrings = Object.entries(value)
    .filter(([, v]) => typeof v !== 'string')
    .map(([key]) => key);
  if (notStrings.length) return { problem: `Connect configs are strings; quote the value of ${notStrings.join(', ')}` };
  return { config: value as Record<string, string> };
}

/** Reads the operator's JSON as offsets to continue from (KIP-875): a list of partition and offset, at least one. */
export function parseOffsets(text: string): { offsets: SourceOffset[] } | { problem: string } {
  const parsed = parseJson(text);
  if ('problem' in parsed) return parsed;
  const value = parsed.value;
  const isList =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((entry) => entry && typeof entry === 'object' && typeof entry.partition === 'object' && 'offset' in entry);
  return isList ? { offsets: value as SourceOffset[] } : { problem: 'A list of { "partition": {…}, "offset": {…} }, at least one' };
}

function parseJson(text: string): { value: unknown } | { problem: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (err) {
    return { problem: `Not valid JSON: ${(err as Error).message}` };
  }
}
