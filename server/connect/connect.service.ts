import type { ClusterConfig, ConnectClusterConfig } from '../kafka/clusters-config';
import { AppError } from '../shared/app-error';
import { maskConfig } from './connect-secrets';
import { publicUrl, type ConnectGateway, type RawStatus } from './connect.gateway';
import type {
  ConfigValidation,
  ConnectClusterSummary,
  ConnectorDetail,
  ConnectorPlugin,
  ConnectorSummary,
  ConnectorType,
} from './connect.model';
import { isConnectorClassAllowed } from './connector-class-policy';
import { connectorType, summarize, toValidation } from './connector-shapes';
import { cannotPublishWarning } from './connector-topics';
import type { ConnectorTopicsService } from './connector-topics.service';

/**
 * Connectors of the Connect clusters configured for a Kafka cluster, as read: lists, details,
 * plugins and the worker's own validation. Secrets never leave it unmasked, and the topics a
 * connector needs are checked against the Kafka cluster. Changes are in
 * `ConnectorChangesService`.
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

  /** The connector plugins installed on the worker, each saying whether it may be created here. */
  async plugins(cluster: ClusterConfig, connect: ConnectClusterConfig): Promise<ConnectorPlugin[]> {
    const plugins = await this.gateway.plugins(connect);
    return plugins.map((plugin) => ({
      className: plugin.class,
      type: connectorType(plugin.type),
      version: plugin.version,
      allowed: isConnectorClassAllowed(cluster, connect, plugin.class),
    }));
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

  /** The installed plugin a config names, or 404 PLUGIN_NOT_FOUND listing those installed. */
  async requirePlugin(connect: ConnectClusterConfig, plugin: string): Promise<{ type: ConnectorType; className: string }> {
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
    return { type: connectorType(match.type), className: match.class };
  }
}

/** Answers `fallback` where Connect said the connector does not exist. */
export function ifNotFound<T>(fallback: T): (err: unknown) => T {
  return (err) => {
    if (err instanceof AppError && err.code === 'CONNECTOR_NOT_FOUND') return fallback;
    throw err;
  };
}
