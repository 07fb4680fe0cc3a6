import type { ConnectorOffsetsRecord } from '../audit/audit.model';
import type { AuditService } from '../audit/audit.service';
import type { ClusterConfig, ConnectClusterConfig } from '../kafka/clusters-config';
import { AppError } from '../shared/app-error';
import type { ConnectGateway, RawOffsets } from './connect.gateway';
import type { ConnectorOffsets, ConnectorState, ConnectorType, OffsetsChangeResult, OffsetsRewind } from './connect.model';

/** How long the rewind waits for a connector to stop before it gives up, leaving it as it is. */
const STOP_TIMEOUT_MS = 20_000;
const POLL_MS = 250;

/** Who changes offsets, for the audit log. */
export interface OffsetsChangeContext {
  cluster: ClusterConfig;
  connect: ConnectClusterConfig;
  name: string;
}

/**
 * A connector's offsets (KIP-875): where a source connector resumes reading its system, or a
 * sink connector its topics. Connect changes them only while the connector is STOPPED; every
 * change is audited with the offsets before and after, like a consumer-group reset.
 */
export class ConnectorOffsetsService {
  constructor(
    private readonly gateway: ConnectGateway,
    private readonly audit: AuditService,
  ) {}

  /** The offsets as Connect reports them, with the connector's type to tell their shapes apart. */
  async offsets(connect: ConnectClusterConfig, name: string): Promise<ConnectorOffsets> {
    const [info, offsets] = await Promise.all([this.gateway.connector(connect, name), this.gateway.offsets(connect, name)]);
    return { connector: name, type: connectorType(info.type), offsets };
  }

  /** Alters the offsets of a connector that is already stopped (else 409 CONNECTOR_NOT_STOPPED). */
  async alter(context: OffsetsChangeContext, offsets: RawOffsets): Promise<OffsetsChangeResult> {
    return this.#change(context, 'connector.offsets.alter', { offsets }, () =>
      this.gateway.alterOffsets(context.connect, context.name, offsets),
    );
  }

  /** Deletes the offsets of a stopped connector: it starts over as if new. */
  async reset(context: OffsetsChangeContext): Promise<OffsetsChangeResult> {
    return this.#change(context, 'connector.offsets.reset', {}, () => this.gateway.resetOffsets(context.connect, context.name));
  }

  /**
   * The guided flow: stop the connector, wait until it is STOPPED, alter (with offsets) or
   * reset (without), audit, and resume when asked. A failed step is named in the error and
   * the connector is left stopped, so nothing runs on half-changed offsets unnoticed.
   */
  async rewind(context: OffsetsChangeContext, rewind: OffsetsRewind): Promise<OffsetsChangeResult> {
    const { connect, name } = context;
    await step('find the connector', () => this.gateway.status(connect, name), false);
    await step('stop the connector', () => this.gateway.changeState(connect, name, 'stop'), false);
    await step('wait for the connector to stop', () => this.waitUntilStopped(connect, name), true);
    const result = await step(
      rewind.offsets ? 'alter the offsets' : 'reset the offsets',
      () => (rewind.offsets ? this.alter(context, rewind.offsets) : this.reset(context)),
      true,
    );
    if (!rewind.resume) return result;
    await step('resume the connector', () => this.gateway.changeState(connect, name, 'resume'), true);
    return { ...result, state: 'RUNNING' };
  }

  /** One audited change of the offsets, with the offsets before and after and the state it leaves. */
  async #change(
    context: OffsetsChangeContext,
    action: ConnectorOffsetsRecord['action'],
    parameters: { offsets?: ConnectorOffsetsRecord['before'] },
    apply: () => Promise<void>,
  ): Promise<OffsetsChangeResult> {
    const { cluster, connect, name } = context;
    const before = await this.offsets(connect, name);
    const { result: after, auditId } = await this.audit.track(
      cluster,
      {
        action,
        subject: { kind: 'connector', name },
        parameters: { connectCluster: connect.name, ...parameters },
        before: before.offsets,
      },
      async () => {
        await apply();
        return this.offsets(connect, name);
      },
      { exclusive: true, after: (offsets) => offsets.offsets },
    );
    const status = await this.gateway.status(connect, name);
    return { connector: name, before, after, auditId, state: status.connector.state as ConnectorState };
  }

  private async waitUntilStopped(connect: ConnectClusterConfig, name: string): Promise<void> {
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    for (;;) {
      const status = await this.gateway.status(connect, name);
      // STOPPED is reached once the tasks are gone too; before that Connect may still refuse.
      if (status.connector.state === 'STOPPED' && status.tasks.length === 0) return;
      if (Date.now() > deadline) {
        throw new AppError('CONNECTOR_STOP_TIMEOUT', `${name} did not stop within ${STOP_TIMEOUT_MS / 1000} s`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}

/** Runs one step of the rewind; its failure names the step and whether the connector is left stopped. */
async function step<T>(name: string, run: () => Promise<T>, leftStopped: boolean): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const state = leftStopped ? ' The connector is left stopped: check it, then resume it or try again.' : '';
    throw new AppError(err.code, `Could not ${name}: ${err.message.replace(/\.$/, '')}.${state}`, { cause: err, status: err.status });
  }
}

function connectorType(type: string): ConnectorType {
  return type === 'source' || type === 'sink' ? type : 'unknown';
}
