import type {
  ConfigDefinition,
  ConfigFieldValidation,
  ConfigValidation,
  ConnectClusterSummary,
  ConnectorDetail,
  ConnectorOffsets,
  ConnectorSummary,
  ConnectorTask,
  ConnectorTopicCheck,
} from './connector.model';

/** Test data: everything defaulted, a spec states only the field that decides. */
export function aConnectCluster(overrides: Partial<ConnectClusterSummary> = {}): ConnectClusterSummary {
  return { name: 'local-connect', url: 'http://127.0.0.1:8083', reachable: true, version: '4.3.1', ...overrides };
}

export function aTask(overrides: Partial<ConnectorTask> = {}): ConnectorTask {
  return { id: 0, state: 'RUNNING', workerId: '127.0.0.1:8083', ...overrides };
}

export function aConnectorSummary(overrides: Partial<ConnectorSummary> = {}): ConnectorSummary {
  return {
    connectCluster: 'local-connect',
    name: 'domain-events-source',
    type: 'source',
    className: 'FileStreamSource',
    state: 'RUNNING',
    workerId: '127.0.0.1:8083',
    tasks: [aTask()],
    failedTaskCount: 0,
    topics: ['shop.domain-events'],
    ...overrides,
  };
}

export function aConnectorDetail(overrides: Partial<ConnectorDetail> = {}): ConnectorDetail {
  return {
    ...aConnectorSummary(),
    config: {
      'connector.class': 'FileStreamSource',
      file: '/data/domain_events.jsonl',
      topic: 'shop.domain-events',
      name: 'domain-events-source',
    },
    activeTopics: ['shop.domain-events'],
    topicCheck: aTopicCheck(),
    ...overrides,
  };
}

/** A connector's topics checked against the cluster: by default all exist. */
export function aTopicCheck(overrides: Partial<ConnectorTopicCheck> = {}): ConnectorTopicCheck {
  return { topics: ['shop.domain-events'], missing: [], createdByConnect: false, ...overrides };
}

export function aDefinition(overrides: Partial<ConfigDefinition> = {}): ConfigDefinition {
  return {
    name: 'topic',
    type: 'STRING',
    required: true,
    defaultValue: null,
    importance: 'HIGH',
    documentation: 'The topic to publish data to',
    group: null,
    orderInGroup: -1,
    displayName: 'topic',
    dependents: [],
    ...overrides,
  };
}

export function aField(overrides: Partial<ConfigFieldValidation> = {}): ConfigFieldValidation {
  return { definition: aDefinition(), value: null, recommendedValues: [], errors: [], visible: true, ...overrides };
}

export function aValidation(overrides: Partial<ConfigValidation> = {}): ConfigValidation {
  return { plugin: 'FileStreamSource', errorCount: 0, groups: ['Common'], fields: [aField()], topicCheck: aTopicCheck(), ...overrides };
}

export function someOffsets(overrides: Partial<ConnectorOffsets> = {}): ConnectorOffsets {
  return {
    connector: 'domain-events-source',
    type: 'source',
    offsets: [{ partition: { filename: '/data/domain_events.jsonl' }, offset: { position: 4120 } }],
    ...overrides,
  };
}
