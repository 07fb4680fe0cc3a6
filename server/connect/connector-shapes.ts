import { isSecretKey, maskValue, scrubSecrets } from './connect-secrets';
import type { RawInfo, RawStatus, RawValidation } from './connect.gateway';
import { MASKED_VALUE, type ConfigValidation, type ConnectorState, type ConnectorSummary, type ConnectorType } from './connect.model';
import type { ConnectClusterConfig } from '../kafka/clusters-config';

// How Connect's own answers read as the API's shapes: pure functions, no I/O.

export function summarize(connect: ConnectClusterConfig, info: RawInfo, status: RawStatus): ConnectorSummary {
  const tasks = status.tasks
    .map((task) => ({
      id: task.id,
      state: task.state as ConnectorState,
      workerId: task.worker_id,
      ...(task.trace && { trace: task.trace }),
    }))
    .sort((a, b) => a.id - b.id);
  return {
    connectCluster: connect.name,
    name: info.name,
    type: connectorType(info.type),
    className: info.config['connector.class'] ?? '',
    state: status.connector.state as ConnectorState,
    workerId: status.connector.worker_id,
    tasks,
    failedTaskCount: tasks.filter((task) => task.state === 'FAILED').length,
    topics: configuredTopics(info.config),
  };
}

/** The topics a config names: `topic` (most sources), `topics` (sinks), `topics.regex`. */
function configuredTopics(config: Record<string, string>): string[] {
  const names = (config['topics'] ?? config['topic'] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return config['topics.regex'] ? [...names, `/${config['topics.regex']}/`] : names;
}

export function connectorType(type: string | undefined): ConnectorType {
  return type === 'source' || type === 'sink' ? type : 'unknown';
}

export function toValidation(validation: RawValidation, config: Record<string, string>): Omit<ConfigValidation, 'topicCheck'> {
  return {
    plugin: validation.name,
    errorCount: validation.error_count,
    groups: validation.groups,
    fields: validation.configs.map(({ definition, value }) => {
      const isSecret = definition.type === 'PASSWORD' || isSecretKey(definition.name);
      const shown = (text: string | null) => (text === null ? null : isSecret ? MASKED_VALUE : maskValue(definition.name, text));
      return {
        definition: {
          name: definition.name,
          type: definition.type,
          required: definition.required,
          defaultValue: definition.default_value ? shown(definition.default_value) : definition.default_value,
          importance: definition.importance as ConfigValidation['fields'][number]['definition']['importance'],
          documentation: definition.documentation ?? '',
          group: definition.group,
          orderInGroup: definition.order_in_group,
          displayName: definition.display_name,
          dependents: definition.dependents,
        },
        value: value.value ? shown(value.value) : value.value,
        recommendedValues: value.recommended_values,
        errors: value.errors.map((error) => scrubSecrets(error, config)),
        visible: value.visible,
      };
    }),
  };
}
