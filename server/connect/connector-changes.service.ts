import type { ConnectorRecord } from '../audit/audit.model';
import type { AuditService } from '../audit/audit.service';
import type { ClusterConfig, ConnectClusterConfig } from '../kafka/clusters-config';
import { AppError } from '../shared/app-error';
import { requireTypedName } from '../shared/validation';
import { maskConfig, unmaskConfig } from './connect-secrets';
import { isConnectorClassAllowed, requireConnectorClassAllowed } from './connector-class-policy';
import type { ConnectGateway } from './connect.gateway';
import { MASKED_VALUE, type ConnectorDetail, type ConnectorType, type NewConnector, type TopicCreation } from './connect.model';
import { ifNotFound, type ConnectService } from './connect.service';
import { toValidation } from './connector-shapes';
import type { ConnectorTopicsService } from './connector-topics.service';

/**
 * What changes a connector: create, config, delete, pause, resume, stop, restart. Each is in
 * the audit log from intent to outcome with its input (secrets masked) and the state before
 * and after; a config is validated by the worker itself before it is saved.
 */
/** A connector change as its audit record describes it. */
type ConnectorChange = Pick<ConnectorRecord, 'action' | 'before'> & { parameters: Record<string, unknown> };

/** The state each change asks Connect to reach (its target state). */
const TARGET_STATES = { pause: 'PAUSED', resume: 'RUNNING', stop: 'STOPPED' } as const;

export class ConnectorChangesService {
  constructor(
    private readonly gateway: ConnectGateway,
    private readonly connect: ConnectService,
    private readonly topics: ConnectorTopicsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Creates a connector once the worker found its config valid; with `createTopics`, its
   * missing topics first (deleted again if the connector cannot be created).
   */
  async create(cluster: ClusterConfig, connect: ConnectClusterConfig, connector: NewConnector): Promise<ConnectorDetail> {
    // A new connector has no stored secret for a mask to stand for.
    const masked = Object.keys(connector.config).filter((key) => connector.config[key]!.includes(MASKED_VALUE));
    if (masked.length) throw new AppError('VALIDATION_FAILED', `Type a value for ${masked.join(', ')}`);
    const config = { ...connector.config, name: connector.name };
    const change: ConnectorChange = {
      action: 'connector.create',
      parameters: { config: maskConfig(config), createTopics: connector.createTopics ?? null },
      before: null,
    };
    await this.#requireAllowedClass(cluster, connect, connector.name, config, change);
    const type = await this.#requireValid(connect, config);
    if (connector.createTopics) await this.#requireAbsent(connect, connector.name);
    await this.#audited(
      cluster,
      connect,
      connector.name,
      change,
      () => this.topics.saveWith(cluster, type, config, connector.createTopics, () => this.gateway.create(connect, connector.name, config)),
      () => ({ config: maskConfig(config) }),
    );
    return this.connect.detail(cluster, connect, connector.name);
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
    const change: ConnectorChange = {
      action: 'connector.config.update',
      parameters: { createTopics: createTopics ?? null },
      before: { config: maskConfig(stored.config) },
    };
    // Refused whatever the class was before: a file connector made before the allow-list
    // must not be pointed at another file either.
    await this.#requireAllowedClass(cluster, connect, name, config, change);
    const type = await this.#requireValid(connect, config);
    await this.#audited(
      cluster,
      connect,
      name,
      change,
      () => this.topics.saveWith(cluster, type, config, createTopics, () => this.gateway.updateConfig(connect, name, config)),
      () => ({ config: maskConfig(config) }),
    );
    return this.connect.detail(cluster, connect, name);
  }

  /** Deletes a connector; the server checks the typed name again, whatever the UI did. */
  async delete(cluster: ClusterConfig, connect: ConnectClusterConfig, name: string, confirm: string | undefined): Promise<void> {
    requireTypedName(name, confirm, 'delete');
    const stored = await this.gateway.connector(connect, name);
    await this.#audited(
      cluster,
      connect,
      name,
      { action: 'connector.delete', parameters: {}, before: { config: maskConfig(stored.config) } },
      () => this.gateway.delete(connect, name),
    );
  }

  /** Pauses, resumes or stops a connector and answers its new status. */
  changeState(
    cluster: ClusterConfig,
    connect: ConnectClusterConfig,
    name: string,
    to: 'pause' | 'resume' | 'stop',
  ): Promise<ConnectorDetail> {
    // Connect moves to the state asked for a moment later: the record keeps what was asked.
    return this.#stateChange(
      cluster,
      connect,
      name,
      `connector.${to}`,
      {},
      () => this.gateway.changeState(connect, name, to),
      TARGET_STATES[to],
    );
  }

  restart(
    cluster: ClusterConfig,
    connect: ConnectClusterConfig,
    name: string,
    includeTasks: boolean,
    onlyFailed: boolean,
  ): Promise<ConnectorDetail> {
    return this.#stateChange(cluster, connect, name, 'connector.restart', { includeTasks, onlyFailed }, () =>
      this.gateway.restart(connect, name, includeTasks, onlyFailed),
    );
  }

  restartTask(cluster: ClusterConfig, connect: ConnectClusterConfig, name: string, task: number): Promise<ConnectorDetail> {
    return this.#stateChange(cluster, connect, name, 'connector.task.restart', { task }, () =>
      this.gateway.restartTask(connect, name, task),
    );
  }

  /**
   * One audited change of a connector's state, answering its detail after: the state before
   * is read first, the state after is `target` when one is asked for, else what Connect reports.
   */
  async #stateChange(
    cluster: ClusterConfig,
    connect: ConnectClusterConfig,
    name: string,
    action: ConnectorRecord['action'],
    parameters: Record<string, unknown>,
    apply: () => Promise<void>,
    target?: string,
  ): Promise<ConnectorDetail> {
    const before = await this.#state(connect, name);
    const { result } = await this.#audited(
      cluster,
      connect,
      name,
      { action, parameters, before },
      async () => {
        await apply();
        return this.connect.detail(cluster, connect, name);
      },
      (detail) => ({ state: target ?? detail.state }),
    );
    return result;
  }

  /** One connector change, in the audit log from intent to outcome; secrets in it are masked. */
  #audited<T>(
    cluster: ClusterConfig,
    connect: ConnectClusterConfig,
    name: string,
    change: ConnectorChange,
    apply: () => Promise<T>,
    after?: (result: T) => ConnectorRecord['after'],
  ): Promise<{ result: T; auditId: string }> {
    return this.audit.track(
      cluster,
      { ...change, subject: { kind: 'connector', name }, parameters: { connectCluster: connect.name, ...change.parameters } },
      apply,
      { after },
    );
  }

  /** The connector's state before a change, for its audit record. */
  async #state(connect: ConnectClusterConfig, name: string): Promise<{ state: string }> {
    return { state: (await this.gateway.status(connect, name)).connector.state };
  }

  /** Refuses a name that is taken before any topic is made for it. */
  async #requireAbsent(connect: ConnectClusterConfig, name: string): Promise<void> {
    const exists = await this.gateway.connector(connect, name).then(() => true, ifNotFound(false));
    if (exists) throw new AppError('CONNECTOR_EXISTS', `Kafka Connect cluster ${connect.name} already has a connector named ${name}`);
  }

  /**
   * Refuses a class outside the Connect cluster's allow-list before anything but the plugin
   * list is asked of the worker; the refusal is in the audit log as a failed change.
   */
  async #requireAllowedClass(
    cluster: ClusterConfig,
    connect: ConnectClusterConfig,
    name: string,
    config: Record<string, string>,
    change: ConnectorChange,
  ): Promise<void> {
    const plugin = config['connector.class'];
    if (!plugin) return; // #requireValid names the missing class.
    const { className } = await this.connect.requirePlugin(connect, plugin);
    if (isConnectorClassAllowed(cluster, connect, className)) return;
    await this.#audited(cluster, connect, name, change, async () => requireConnectorClassAllowed(cluster, connect, className));
  }

  /** Refuses a config the worker finds invalid; answers the plugin's type. */
  async #requireValid(connect: ConnectClusterConfig, config: Record<string, string>): Promise<ConnectorType> {
    const plugin = config['connector.class'];
    if (!plugin) throw new AppError('INVALID_CONNECTOR_CONFIG', 'The connector config is invalid: connector.class: is required');
    const { type } = await this.connect.requirePlugin(connect, plugin);
    const validation = toValidation(await this.gateway.validate(connect, plugin, config), config);
    const problems = validation.fields.flatMap((field) => field.errors.map((error) => `${field.definition.name}: ${error}`));
    if (problems.length) throw new AppError('INVALID_CONNECTOR_CONFIG', `The connector config is invalid: ${problems.join('; ')}`);
    return type;
  }
}
