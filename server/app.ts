import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import { AlertEvaluator } from './alerts/alert-evaluator';
import { AlertEvents } from './alerts/alert-events';
import { AlertRules } from './alerts/alert-rules';
import { alertsRoutes } from './alerts/alerts.routes';
import { AlertsService } from './alerts/alerts.service';
import { advisorRoutes } from './advisor/advisor.routes';
import { AdvisorGateway } from './advisor/advisor.gateway';
import { AdvisorService } from './advisor/advisor.service';
import { ChangelogCheck } from './advisor/changelog.check';
import { ConsumersCheck } from './advisor/consumers.check';
import { CopartitionCheck } from './advisor/copartition.check';
import { DurabilityCheck } from './advisor/durability.check';
import { DuplicatesCheck } from './advisor/duplicates.check';
import { RocksDbCheck } from './advisor/rocksdb.check';
import { StreamsFacts } from './advisor/streams-facts';
import { BatchingCheck } from './advisor/batching.check';
import { producerReadings } from './advisor/batch-producers';
import { sourceConnectors } from './advisor/key-sources';
import { KeysCheck } from './advisor/keys.check';
import { LogSampleGateway } from './advisor/log-sample.gateway';
import { auditRoutes } from './audit/audit.routes';
import { AuditService } from './audit/audit.service';
import type { ClusterConfig } from './kafka/clusters-config';
import { ClusterModel, type ModelTiming } from './kafka/cluster-model';
import { KafkaClients } from './kafka/kafka-clients';
import { BridgeGateway } from './bridge/bridge.gateway';
import { bridgeRoutes } from './bridge/bridge.routes';
import { BridgeService } from './bridge/bridge.service';
import { clustersRoutes } from './clusters/clusters.routes';
import { ClustersService } from './clusters/clusters.service';
import { ConnectGateway } from './connect/connect.gateway';
import { connectRoutes } from './connect/connect.routes';
import { ConnectService } from './connect/connect.service';
import { ConnectorChangesService } from './connect/connector-changes.service';
import { ConnectorOffsetsService } from './connect/connector-offsets.service';
import { ConnectorTopicsService } from './connect/connector-topics.service';
import { ConsumerGroupsGateway } from './consumer-groups/consumer-groups.gateway';
import { consumerGroupsRoutes } from './consumer-groups/consumer-groups.routes';
import { ConsumerGroupsService } from './consumer-groups/consumer-groups.service';
import { StreamsGateway } from './streams/streams.gateway';
import { streamsRoutes } from './streams/streams.routes';
import { StreamsReplayService } from './streams/streams-replay.service';
import { StreamsService } from './streams/streams.service';
import { StreamsTopologies } from './streams/streams-topologies';
import { MetricsGateway } from './metrics/metrics.gateway';
import { metricsRoutes } from './metrics/metrics.routes';
import { MetricsService, type MetricsSettings } from './metrics/metrics.service';
import { OffsetResetService } from './consumer-groups/offset-reset.service';
import { CopartitionGateway } from './copartition/copartition.gateway';
import { copartitionRoutes } from './copartition/copartition.routes';
import { CopartitionService } from './copartition/copartition.service';
import { healthRoutes } from './health/health.routes';
import { appMetricsRoutes } from './metrics/app-metrics.routes';
import { AppMetricsService } from './metrics/app-metrics.service';
import { metricsIntervalMs, metricsSettings } from './metrics/metrics-settings';
import { openApiRoutes } from './openapi/openapi.routes';
import { HealthService } from './health/health.service';
import { MessagesGateway } from './topics/messages.gateway';
import { MessagesService } from './topics/messages.service';
import { TopicsGateway } from './topics/topics.gateway';
import { topicsRoutes } from './topics/topics.routes';
import { topicSearchRoutes } from './topics/topic-search.routes';
import { TopicSearchService } from './topics/topic-search.service';
import { TopicsService } from './topics/topics.service';
import { errorMiddleware, jsonBody, notFound } from './shared/error-middleware';
import { rememberActor } from './shared/actor';
import type { ConsoleAccess } from './access/access-config';
import { accessRoutes, type OidcSignIn } from './access/access.routes';
import { AccessService } from './access/access.service';
import { actorOf, authenticate } from './access/request-access';
import { SessionRevocations } from './access/session-revocations';
import { Sessions } from './access/sessions';
import { hostCheck, sameOriginChanges, securityHeaders } from './shared/browser-safety';
import type { Logger } from './shared/logger';
import { MetricsExport, metricsEndpoint } from './metrics/metrics-export';
import { PROJECT_ROOT } from './project';

/** Where `ng build` writes the browser app (`KPC_BROWSER_DIST` overrides it). */
export const BROWSER_DIST = process.env['KPC_BROWSER_DIST'] ?? resolve(PROJECT_ROOT, 'dist', 'kpc', 'browser');

export interface AppOptions {
  clusters: readonly ClusterConfig[];
  logger: Logger;
  /** Serve the built Angular app from here; omitted in API-only specs. */
  browserDist?: string;
  /** Keys the audit log's hash chain; see {@link AuditService}. */
  auditKey?: string;
  /**
   * The `Host` values the console answers to (see `allowedHostsFor`); any other is refused, on
   * every path, so a DNS-rebinding page cannot drive a console on loopback.
   */
  allowedHosts: readonly string[];
  /** Sign-in and roles; omitted, the console is open (loopback only). */
  access?: AppAccessOptions;
  /** How fresh the live model keeps each part; specs of other features read through it at once. */
  modelTiming?: ModelTiming;
  /** Sample every cluster on this interval and keep the history so long; omitted (specs of other features), nothing is sampled. */
  metrics?: MetricsSettings;
  /** Between two metric samples and Prometheus scrapes; default `KPC_METRICS_INTERVAL_S` (see metricsIntervalMs). */
  metricsIntervalMs?: number;
}

export interface AppAccessOptions {
  config: ConsoleAccess;
  /** Signs session cookies; the same on every instance. */
  sessionKey: string;
  secureCookies: boolean;
  oidc?: OidcSignIn;
}

export interface ConsoleApp {
  app: Express;
  /** The audit log, for specs that check what an action recorded. */
  audit: AuditService;
  /** The Streams apps' own topology descriptions; the embedded demo gives its apps'. */
  streamsTopologies: StreamsTopologies;
  /** Rates, lag and status of every cluster over time. */
  metrics: MetricsService;
  /** Closes the Kafka connections the app opened. */
  close(): Promise<void>;
}

/** Builds the Express app: API routes, the Angular app, and the error middleware last. */
export function createApp({
  clusters,
  logger,
  browserDist,
  auditKey,
  allowedHosts,
  access: accessOptions,
  modelTiming,
  metrics: metricsOptions,
  metricsIntervalMs: intervalMs = metricsOptions?.intervalMs ?? metricsIntervalMs(),
}: AppOptions): ConsoleApp {
  const gateway = new KafkaClients();
  // What the console knows of each cluster, kept in memory: routes answer from it.
  const model = new ClusterModel(gateway, modelTiming);
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => !req.url?.startsWith('/api') } }));
  app.use(hostCheck(allowedHosts));

  const clustersService = new ClustersService(clusters, model);
  const audit = new AuditService(clusters, gateway, { signingKey: auditKey });

  const api = express.Router();
  api.use(sameOriginChanges(allowedHosts));
  api.use(jsonBody());
  const access = new AccessService(accessOptions?.config, clusters);
  const sessions =
    accessOptions &&
    new Sessions(
      { key: accessOptions.sessionKey, ttlMs: accessOptions.config.session.ttl, secure: accessOptions.secureCookies },
      new SessionRevocations(gateway, clusters[0], logger),
    );
  if (sessions) api.use(sessions.middleware());
  api.use(authenticate(access, sessions));
  if (sessions) api.use(sessions.csrfProtection);
  // After the body is read and the user known: what runs for the request from here on knows who asked.
  api.use(rememberActor(actorOf));
  api.use(accessRoutes(access, sessions, accessOptions?.oidc));
  api.use(clustersRoutes(clustersService));
  api.use(auditRoutes(audit, clustersService));
  const topicsGateway = new TopicsGateway(gateway);
  const topics = new TopicsService(model, topicsGateway, audit);
  const messagesGateway = new MessagesGateway(gateway);
  api.use(topicsRoutes(clustersService, topics, new MessagesService(topicsGateway, messagesGateway, audit)));
  api.use(topicSearchRoutes(clustersService, new TopicSearchService(topicsGateway, messagesGateway)));
  const copartition = new CopartitionService(gateway, new CopartitionGateway(gateway, topicsGateway), audit);
  api.use(copartitionRoutes(clustersService, copartition));
  const consumerGroupsGateway = new ConsumerGroupsGateway(gateway);
  const consumerGroups = new ConsumerGroupsService(consumerGroupsGateway, model, audit);
  const offsetResets = new OffsetResetService(consumerGroupsGateway, consumerGroups, audit);
  api.use(consumerGroupsRoutes(clustersService, consumerGroups, offsetResets));
  const topologies = new StreamsTopologies(gateway, audit);
  const streams = new StreamsService(model, new StreamsGateway(gateway), consumerGroupsGateway, topologies);
  api.use(streamsRoutes(clustersService, streams, new StreamsReplayService(streams, offsetResets), topologies));
  const connectGateway = new ConnectGateway();
  // A connector's missing topics are made by the topics feature, under its rules.
  const connectorTopics = new ConnectorTopicsService(gateway, topics);
  const connect = new ConnectService(connectGateway, connectorTopics);
  const connectorChanges = new ConnectorChangesService(connectGateway, connect, connectorTopics, audit);
  api.use(connectRoutes(clustersService, connect, connectorChanges, new ConnectorOffsetsService(connectGateway, audit)));
  const metrics = new MetricsService(
    model,
    consumerGroupsGateway,
    new MetricsGateway(gateway),
    metricsOptions ?? metricsSettings({}),
    logger,
  );
  if (metricsOptions) void metrics.start(clusters);
  api.use(metricsRoutes(clustersService, metrics));
  // The Advisor's lessons; each check is one of the rules in server/advisor/.
  const bridge = new BridgeService(gateway, model, new BridgeGateway(gateway, connectGateway), audit);
  const streamsFacts = new StreamsFacts(streams, new StreamsGateway(gateway), model);
  const advisorGateway = new AdvisorGateway(gateway, connectGateway);
  // One reader of record batches for the checks that read logs, so one report reads a topic once.
  const logSamples = new LogSampleGateway(gateway, model);
  api.use(
    advisorRoutes(
      clustersService,
      new AdvisorService([
        new DurabilityCheck(model, advisorGateway),
        new ConsumersCheck(metrics),
        new DuplicatesCheck(bridge, metrics),
        new CopartitionCheck(copartition, model),
        new ChangelogCheck(streamsFacts),
        new RocksDbCheck(streamsFacts),
        new BatchingCheck({
          metrics,
          logs: logSamples,
          // Called at report time, once the scraper below exists.
          producers: (cluster) => producerReadings(appMetrics.metrics(cluster, '15m')),
          connectors: (cluster) => sourceConnectors(connectGateway, cluster),
        }),
        new KeysCheck({ metrics, logs: logSamples, connectors: (cluster) => sourceConnectors(connectGateway, cluster) }),
      ]),
    ),
  );

  api.use(bridgeRoutes(clustersService, bridge));
  api.use(healthRoutes(new HealthService(clusters, gateway, connect)));
  const alertRules = new AlertRules(gateway, audit);
  const alertEvents = new AlertEvents(gateway);
  api.use(alertsRoutes(clustersService, new AlertsService(alertRules, alertEvents)));
  const alertEvaluator = new AlertEvaluator(metrics, clusters, alertRules, alertEvents, connect, logger);
  alertEvaluator.start();
  // Scrapes the Prometheus endpoints the clusters list (none: it does nothing).
  const appMetrics = new AppMetricsService(clusters, { intervalMs, logger }).start();
  api.use(appMetricsRoutes(clustersService, appMetrics));
  api.use(openApiRoutes());
  api.use(notFound);
  app.use('/api', api);
  app.use(
    '/metrics',
    metricsEndpoint(new MetricsExport({ clusters, metrics, connect }), {
      isOpen: access.isOpen,
      token: process.env['KPC_METRICS_TOKEN'] || undefined,
    }),
  );

  if (browserDist && existsSync(browserDist)) {
    app.use(express.static(browserDist, { index: false, maxAge: '1h' }));
    // Deep links such as /clusters/local/overview belong to the Angular router.
    app.get('/{*path}', (_req, res) => res.sendFile(join(browserDist, 'index.html')));
  }
  app.use(notFound);
  app.use(errorMiddleware(logger));
  return {
    app,
    audit,
    streamsTopologies: topologies,
    metrics,
    close: async () => {
      await alertEvaluator.close();
      await metrics.close();
      await appMetrics.close();
      model.close();
      connectGateway.close();
      await gateway.close();
    },
  };
}
