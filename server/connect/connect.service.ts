import type { ClusterConfig, ConnectClusterConfig } from '../kafka/clusters-config';
import { AppError } from '../shared/app-error';
import { isSecretKey, maskConfig, maskValue, scrubSecrets, unmaskConfig } from './connect-secrets';
import { publicUrl, type ConnectGateway, type RawInfo, type RawStatus, type RawValidation } from './connect.gateway';
import {
  MASKED_VALUE,
  type ConfigValidation,
  type ConnectClusterSummary,
  type ConnectorDetail,
  type ConnectorPlugin,
  type ConnectorState,
  type ConnectorSummary,
  type ConnectorType,
  type NewConnector,
  type TopicCreation,
} from './connect.model';
import { cannotPublishWarning } from './connector-topics';
import type { ConnectorTopicsService } from './connector-topics.service';

/**
 * Connectors of the Connect clusters configured for a Kafka cluster: the rules around
 * Connect's REST API. Secrets never leave it unmasked, and a config is validated by the
 * worker itself before it is saved, so the operator sees every wrong field at once. The
 * topics a connector needs are checked against the Kafka cluster, and created on request.
 */
export class ConnectService {
  constructor(
    private readonly gateway: ConnectGateway,
    private readonly topics: ConnectorTopicsService,
  ) {}

  /** The cluster's Connect clusters with their version, or why they cannot be reached. */
  async connectClusters(cluster: ClusterConfig): Promise<ConnectClusterSummary[]> {
    return Promise.all(
      cluster.connect.map(async (connect) => {
        const url = publicUrl(connect);
        try {
          const info = await this.gateway.info(connect);
          return { name: connect.name, url, reachable: true, version: info.version };
        } catch (err) {
          return { name: connect.name, url, reachable: false, version: null, problem: (err as Error).message };
        }
      }),
    );
  }

  /** The named Connect cluster of a Kafka cluster, or 404 CONNECT_CLUSTER_NOT_FOUND. */
  connectCluster(cluster: ClusterConfig, name: string): ConnectClusterConfig {
    const connect = cluster.connect.find((candidate) => candidate.name === name);
    if (!connect) {
      const known = cluster.connect.map((candidate) => candidate.name).join(', ') || 'none';
      throw new AppError(
        'CONNECT_CLUSTER_NOT_FOUND',
        `Cluster ${cluster.name} has no Kafka Connect cluster named ${name}; configured: ${known}`,
      );
    }
    return connect;
  }

  /** Every connector with its state and tasks, from one request to the worker. */
  async list(connect: ConnectClusterConfig): Promise<ConnectorSummary[]> {
    const connectors = await this.gateway.connectors(connect);
    return Object.values(connectors)
      .map(({ info, status }) => summarize(connect, info, status))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * One connector with its masked config, failure traces, active topics, and its configured
   * topics checked against the cluster: a running source whose topic is missing is flagged.
   */
  async detail(cluster: ClusterConfig, connect: ConnectClusterConfig, name: string): Promise<ConnectorDetail> {
    const info = await this.gateway.connector(connect, name);
    const type = connectorType(info.type);
    // A connector just created has no status for a moment: show it as not yet assigned.
    const [status, activeTopics, topicCheck] = await Promise.all([
      this.gateway
        .status(connect, name)
        .catch(ifNotFound<RawStatus>({ name, connector: { state: 'UNASSIGNED', worker_id: '' }, tasks: [] })),
      this.gateway.activeTopics(connect, name).catch(ifNotFound<string[]>([])),
      this.topics.checkIfPossible(cluster, type, info.config),
    ]);
    const warning = cannotPublishWarning(type, status.connector.state, topicCheck);
    return {
      ...summarize(connect, info, status),
      config: maskConfig(info.config),
      ...(status.connector.trace && { trace: status.connector.trace }),
      activeTopics,
      topicCheck,
      ...(warning && { warning }),
    };
  }

  /** The connector plugins installed on the worker. */
  async plugins(connect: ConnectClusterConfig): Promise<ConnectorPlugin[]> {
    const plugins = await this.gateway.plugins(connect);
    return plugins.map((plugin) => ({ className: plugin.class, type: connectorType(plugin.type), version: plugin.version }));
  }

  /**
   * The worker's validation of a config for a plugin, field by field, secrets masked, with
   * the config's topics checked against the cluster, so the UI can warn before saving.
   */
  async validate(
    cluster: ClusterConfig,
    connect: ConnectClusterConfig,
    plugin: string,
    config: Record<string, string>,
  ): Promise<ConfigValidation> {
    const { type } = await this.requirePlugin(connect, plugin);
    const full = { 'connector.class': plugin, ...config };
    const [validation, topicCheck] = await Promise.all([
      this.gateway.validate(connect, plugin, full),
      this.topics.checkIfPossible(cluster, type, full),
    ]);
    return { ...toValidation(validation, config), topicCheck };
  }

  /**
   * Creates a connector once the worker found its config valid; with `createTopics`, its
   * missing topics first (deleted again if the connector cannot be created).
   */
  async create(cluster: ClusterConfig, connect: ConnectClusterConfig, connector: NewConnector): Promise<ConnectorDetail> {
    // A new connector has no stored secret for a mask to stand for.
    const masked = Object.keys(connector.config).filter((key) => connector.config[key]!.includes(MASKED_VALUE));
    if (masked.length) throw new AppError('VALIDATION_FAILED', `Type a value for ${masked.join(', ')}`);
    const config = { ...connector.config, name: connector.name };
    const type = await this.requireValid(connect, config);
    if (connector.createTopics) await this.requireAbsent(connect, connector.name);
    await this.topics.saveWith(cluster, type, config, connector.createTopics, () => this.gateway.create(connect, connector.name, config));
    return this.detail(cluster, connect, connector.name);
  }

  /**
   * Replaces a connector's config. A secret still equal to the mask keeps its stored value;
   * the result is validated by the worker before anything is saved. With `createTopics`, the
   * missing topics of the new config are created first.
   */
  async updateConfig(
    cluster: ClusterConfig,
    connect: ConnectClusterConfig,
    name: string,
    submitted: Record<string, string>,
    createTopics?: TopicCreation,
  ): Promise<ConnectorDetail> {
    const stored = await this.gateway.connector(connect, name);
    const config = { ...unmaskConfig(submitted, stored.config), name };
    const type = await this.requireValid(connect, config);
    await this.topics.saveWith(cluster, type, config, createTopics, () => this.gateway.updateConfig(connect, name, config));
    return this.detail(cluster, connect, name);
  }

  /** Deletes a connector; the server checks the typed name again, whatever the UI did. */
  async delete(connect: ConnectClusterConfig, name: string, confirm: string | undefined): Promise<void> {
    if (confirm !== name) throw new AppError('CONFIRMATION_REQUIRED', `To delete ${name}, confirm with its exact name`);
    await this.gateway.delete(connect, name);
  }

  /** Pauses, resumes or stops a connector and answers its new status. */
  async changeState(
    cluster: ClusterConfig,
    connect: ConnectClusterConfig,
    name: string,
    to: 'pause' | 'resume' | 'stop',
  ): Promise<ConnectorDetail> {
    await this.gateway.changeState(connect, name, to);
    return this.detail(cluster, connect, name);
  }

  async restart(
    cluster: ClusterConfig,
    connect: ConnectClusterConfig,
    name: string,
    includeTasks: boolean,
    onlyFailed: boolean,
  ): Promise<ConnectorDetail> {
    await this.gateway.restart(connect, name, includeTasks, onlyFailed);
    return this.detail(cluster, connect, name);
  }

  async restartTask(cluster: ClusterConfig, connect: ConnectClusterConfig, name: string, task: number): Promise<ConnectorDetail> {
    await this.gateway.restartTask(connect, name, task);
    return this.detail(cluster, connect, name);
  }

  /** Refuses a name that is taken before any topic is made for it. */
  private async requireAbsent(connect: ConnectClusterConfig, name: string): Promise<void> {
    const exists = await this.gateway.connector(connect, name).then(() => true, ifNotFound(false));
    if (exists) throw new AppError('CONNECTOR_EXISTS', `Kafka Connect cluster ${connect.name} already has a connector named ${name}`);
  }

  private async requirePlugin(connect: ConnectClusterConfig, plugin: string): Promise<{ type: ConnectorType }> {
    const plugins = await this.gateway.plugins(connect);
    // Connect accepts the full class name or its simple name, with or without "Connector".
    const simple = (className: string) => className.split('.').at(-1)!;
    const match = plugins.find(({ class: className }) =>
      [className, simple(className), simple(className).replace(/Connector$/, '')].includes(plugin),
    );
    if (!match) {
      throw new AppError(
        'PLUGIN_NOT_FOUND',
        `Kafka Connect cluster ${connect.name} has no connector plugin ${plugin}; installed: ${plugins.map((p) => simple(p.class)).join(', ')}`,
      );
    }
    return { type: connectorType(match.type) };
  }

  /** Refuses a config the worker finds invalid; answers the plugin's type. */
  private async requireValid(connect: ConnectClusterConfig, config: Record<string, string>): Promise<ConnectorType> {
    const plugin = config['connector.class'];
    if (!plugin) throw new AppError('INVALID_CONNECTOR_CONFIG', 'The connector config is invalid: connector.class: is required');
    const { type } = await this.requirePlugin(connect, plugin);
    const validation = toValidation(await this.gateway.validate(connect, plugin, config), config);
    const problems = validation.fields.flatMap((field) => field.errors.map((error) => `${field.definition.name}: ${error}`));
    if (problems.length) throw new AppError('INVALID_CONNECTOR_CONFIG', `The connector config is invalid: ${problems.join('; ')}`);
    return type;
  }
}

function ifNotFound<T>(fallback: T): (err: unknown) => T {
  return (err) => {
    if (err instanceof AppError && err.code === 'CONNECTOR_NOT_FOUND') return fallback;
    throw err;
  };
}

function summarize(connect: ConnectClusterConfig, info: RawInfo, status: RawStatus): ConnectorSummary {
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

function connectorType(type: string | undefined): ConnectorType {
  return type === 'source' || type === 'sink' ? type : 'unknown';
}

function toValidation(validation: RawValidation, config: Record<string, string>): Omit<ConfigValidation, 'topicCheck'> {
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
