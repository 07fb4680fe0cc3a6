import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { Gauge, Registry } from 'prom-client';
import type { ConnectService } from '../connect/connect.service';
import type { ConnectorState, ConnectorSummary } from '../connect/connect.model';
import type { ClusterConfig } from '../kafka/clusters-config';
import { AppError } from '../shared/app-error';
import type { LagStatus } from './metrics.model';
import type { MetricsService } from './metrics.service';

/**
 * A status as a number, as Burrow's API numbers them, so a Prometheus rule can compare it
 * (`kpc_consumergroup_status_code >= 3`); 0 is Burrow's NOTFOUND, never exported.
 */
export const STATUS_CODES: Record<LagStatus, number> = { OK: 1, WARN: 2, ERR: 3, STOP: 4, STALL: 5, REWIND: 6 };
const STATUSES = Object.keys(STATUS_CODES) as LagStatus[];
const CONNECTOR_STATES: ConnectorState[] = ['RUNNING', 'PAUSED', 'STOPPED', 'FAILED', 'UNASSIGNED', 'RESTARTING'];

/** What `/metrics` reads. */
export interface MetricsExportSources {
  clusters: readonly ClusterConfig[];
  metrics: Pick<MetricsService, 'latest'>;
  connect: Pick<ConnectService, 'list'>;
}

/**
 * The console's measurements in the Prometheus text format, from the latest sample of each
 * cluster and from Connect as it is at scrape time, so teams alert in the stack they already
 * run. Names start with `kpc_`; labels are `cluster`, `group`, `topic`, `partition`, `connect`,
 * `connector`, `task`, and `status`/`state` for the one-per-value series.
 */
export class MetricsExport {
  readonly registry = new Registry();
  readonly #gauges;
  /** One scrape at a time: each refills the gauges before it is written. */
  #scraping: Promise<unknown> = Promise.resolve();

  constructor(private readonly sources: MetricsExportSources) {
    const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
      new Gauge<L>({ name, help, labelNames, registers: [this.registry] });
    const group = ['cluster', 'group'] as const;
    const partition = ['cluster', 'group', 'topic', 'partition'] as const;
    const topic = ['cluster', 'topic'] as const;
    this.#gauges = {
      sampleTime: gauge('kpc_sample_timestamp_seconds', 'When the console last sampled the cluster (Unix time)', ['cluster']),
      underReplicated: gauge('kpc_cluster_under_replicated_partitions', 'Partitions with fewer in-sync replicas than replicas', [
        'cluster',
      ]),
      offline: gauge('kpc_cluster_offline_partitions', 'Partitions with no leader', ['cluster']),
      groupLag: gauge('kpc_consumergroup_lag', 'Records the group is behind, summed over its partitions', group),
      groupLagSeconds: gauge('kpc_consumergroup_lag_seconds', 'Seconds the group is behind: the largest of its partitions', group),
      consumeRate: gauge('kpc_consumergroup_consume_rate', 'Records the group commits per second', group),
      statusCode: gauge(
        'kpc_consumergroup_status_code',
        "The group's status by Burrow's rules: 1 OK, 2 WARN, 3 ERR, 4 STOP, 5 STALL, 6 REWIND",
        group,
      ),
      status: gauge('kpc_consumergroup_status', "1 for the group's status by Burrow's rules, 0 for the others", [...group, 'status']),
      partitionLag: gauge('kpc_consumergroup_partition_lag', 'Records the group is behind on a partition', partition),
      partitionLagSeconds: gauge('kpc_consumergroup_partition_lag_seconds', 'Seconds the group is behind on a partition', partition),
      partitionStatusCode: gauge('kpc_consumergroup_partition_status_code', "The partition's status, numbered as the group's", partition),
      topicRate: gauge('kpc_topic_records_per_second', 'Records written to the topic per second', topic),
      topicBytes: gauge('kpc_topic_bytes_per_second', 'Bytes the topic grows by per second (one replica)', topic),
      topicSize: gauge('kpc_topic_size_bytes', 'Bytes on disk, one replica of each partition', topic),
      topicPartitions: gauge('kpc_topic_partitions', 'Partitions of the topic', topic),
      connectUp: gauge('kpc_connect_up', 'Whether the Connect cluster answered the scrape', ['cluster', 'connect']),
      connectorState: gauge('kpc_connector_state', "1 for the connector's state, 0 for the others", [
        'cluster',
        'connect',
        'connector',
        'state',
      ]),
      taskState: gauge('kpc_connector_task_state', "1 for the task's state, 0 for the others", [
        'cluster',
        'connect',
        'connector',
        'task',
        'state',
      ]),
    };
  }

  /** The metrics in the Prometheus text format, read now. */
  async scrape(): Promise<string> {
    const scrape = this.#scraping.then(async () => {
      const connectors = await this.#connectors();
      this.registry.resetMetrics();
      for (const cluster of this.sources.clusters) this.#fillSample(cluster);
      this.#fillConnectors(connectors);
      return this.registry.metrics();
    });
    this.#scraping = scrape.catch(() => undefined);
    return scrape;
  }

  #fillSample(cluster: ClusterConfig): void {
    const sample = this.sources.metrics.latest(cluster);
    if (!sample) return;
    const g = this.#gauges;
    const at = { cluster: cluster.name };
    g.sampleTime.set(at, sample.time / 1000);
    g.underReplicated.set(at, sample.underReplicatedPartitions);
    g.offline.set(at, sample.offlinePartitions);
    for (const measure of sample.groups) {
      const labels = { cluster: cluster.name, group: measure.groupId };
      g.groupLag.set(labels, measure.lag);
      if (measure.lagSeconds !== null) g.groupLagSeconds.set(labels, measure.lagSeconds);
      if (measure.consumeRate !== null) g.consumeRate.set(labels, measure.consumeRate);
      g.statusCode.set(labels, STATUS_CODES[measure.status]);
      for (const status of STATUSES) g.status.set({ ...labels, status }, status === measure.status ? 1 : 0);
      for (const partition of measure.partitions) {
        const where = { ...labels, topic: partition.topic, partition: String(partition.partition) };
        g.partitionLag.set(where, partition.lag);
        if (partition.lagSeconds !== null) g.partitionLagSeconds.set(where, partition.lagSeconds);
        g.partitionStatusCode.set(where, STATUS_CODES[partition.status]);
      }
    }
    for (const measure of sample.topics) {
      const labels = { cluster: cluster.name, topic: measure.topic };
      g.topicPartitions.set(labels, measure.partitions);
      if (measure.recordsPerSecond !== null) g.topicRate.set(labels, measure.recordsPerSecond);
      if (measure.bytesPerSecond !== null) g.topicBytes.set(labels, measure.bytesPerSecond);
      if (measure.sizeBytes !== null) g.topicSize.set(labels, measure.sizeBytes);
    }
  }

  /** Every Connect cluster's connectors; undefined for a worker that does not answer. */
  async #connectors() {
    return Promise.all(
      this.sources.clusters.flatMap((cluster) =>
        cluster.connect.map(async (connect) => ({
          cluster: cluster.name,
          connect: connect.name,
          connectors: await this.sources.connect.list(connect).catch((): ConnectorSummary[] | undefined => undefined),
        })),
      ),
    );
  }

  #fillConnectors(connectClusters: { cluster: string; connect: string; connectors: ConnectorSummary[] | undefined }[]): void {
    const g = this.#gauges;
    for (const { cluster, connect, connectors } of connectClusters) {
      g.connectUp.set({ cluster, connect }, connectors ? 1 : 0);
      for (const connector of connectors ?? []) {
        const labels = { cluster, connect, connector: connector.name };
        for (const state of CONNECTOR_STATES) g.connectorState.set({ ...labels, state }, connector.state === state ? 1 : 0);
        for (const task of connector.tasks) {
          for (const state of CONNECTOR_STATES) {
            g.taskState.set({ ...labels, task: String(task.id), state }, task.state === state ? 1 : 0);
          }
        }
      }
    }
  }
}

/** Who may scrape: anyone where the console is open (loopback), else a scraper with the token. */
export interface MetricsAccess {
  /** No sign-in configured. */
  isOpen: boolean;
  /** `KPC_METRICS_TOKEN`: the bearer token a scraper sends when sign-in is configured. */
  token: string | undefined;
}

/**
 * `GET /metrics`, outside `/api` where scrapers look for it. With sign-in configured, a
 * scraper is no user with a session: it sends `Authorization: Bearer <KPC_METRICS_TOKEN>`, and
 * without a token configured the endpoint is closed (403) rather than open to anyone.
 */
export function metricsEndpoint(exporter: MetricsExport, access: MetricsAccess): RequestHandler {
  const expected = access.token ? digest(access.token) : undefined;
  return (req, res, next) => {
    // Mounted with app.use: only the path itself, and only reads.
    if (req.path !== '/' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      next();
      return;
    }
    if (!access.isOpen && !expected) {
      next(
        new AppError(
          'METRICS_TOKEN_NOT_CONFIGURED',
          'Sign-in is configured, so /metrics answers only a scraper with a bearer token: set KPC_METRICS_TOKEN on the console and give Prometheus the same token (authorization: credentials)',
        ),
      );
      return;
    }
    if (expected) {
      const sent = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '')?.[1]?.trim();
      if (!sent || !timingSafeEqual(digest(sent), expected)) {
        res.set('WWW-Authenticate', 'Bearer realm="kpc-metrics"');
        next(
          new AppError(
            'METRICS_TOKEN_INVALID',
            '/metrics needs the bearer token KPC_METRICS_TOKEN sets: send Authorization: Bearer <token>',
          ),
        );
        return;
      }
    }
    exporter.scrape().then((text) => {
      res.set('Content-Type', exporter.registry.contentType).send(text);
    }, next);
  };
}

/** Comparing digests keeps the comparison's time the same whatever the token's length. */
function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
