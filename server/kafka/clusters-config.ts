import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const clusterName = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'use lower-case letters, digits, "-" or "_" (it appears in URLs)');

const bootstrapServers = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[^:\s]+:\d{1,5}$/, 'each bootstrap server is host:port')).min(1));

const saslSchema = z.object({
  mechanism: z.enum(['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512']),
  username: z.string().min(1),
  password: z.string().min(1),
});

const tlsSchema = z.object({
  enabled: z.boolean().default(true),
  /** Paths to PEM files. */
  ca: z.string().optional(),
  cert: z.string().optional(),
  key: z.string().optional(),
  rejectUnauthorized: z.boolean().default(true),
});

const connectSchema = z.object({
  name: clusterName,
  url: z.url({ protocol: /^https?$/ }),
  username: z.string().optional(),
  password: z.string().optional(),
  /**
   * Connector classes that may be created (full or simple names, `*` as wildcard); unset,
   * all but the file connectors (all on the embedded cluster).
   */
  allowedConnectorClasses: z.array(z.string().min(1)).optional(),
});

/**
 * A Prometheus endpoint of one of the cluster's brokers or apps (e.g. the JMX exporter agent),
 * which the console scrapes and charts (server/metrics/app-metrics.service.ts).
 */
const prometheusSchema = z.object({
  name: z.string().trim().min(1, 'name the endpoint (it labels its lines on the charts)').max(100, 'keep the name under 100 characters'),
  url: z.url({
    protocol: /^https?$/,
    error: 'give the http:// or https:// address of its metrics, e.g. http://kafka-1:7071/metrics',
  }),
  kind: z.enum(['broker', 'connect', 'streams'], {
    error: 'kind is broker (a Kafka broker), connect (a Connect worker) or streams (a Kafka Streams app)',
  }),
});

const clusterSchema = z.object({
  name: clusterName,
  bootstrapServers,
  sasl: saslSchema.optional(),
  tls: tlsSchema.optional(),
  connect: z.array(connectSchema).default([]),
  /** The Prometheus endpoints of its brokers, Connect workers and Streams apps; none when unset. */
  prometheus: z
    .array(prometheusSchema)
    .refine(
      (endpoints) => new Set(endpoints.map((e) => e.name)).size === endpoints.length,
      'the names of its Prometheus endpoints must be unique',
    )
    .optional(),
  /** The console changes nothing on this cluster, whatever the user's role. */
  readOnly: z.boolean().optional(),
});

const fileSchema = z.object({
  clusters: z
    .array(clusterSchema)
    .min(1)
    .refine((clusters) => new Set(clusters.map((c) => c.name)).size === clusters.length, 'cluster names must be unique'),
});

export type SaslConfig = z.infer<typeof saslSchema>;
export type TlsConfig = z.infer<typeof tlsSchema>;
export type ConnectClusterConfig = z.infer<typeof connectSchema>;
export type PrometheusEndpointConfig = z.infer<typeof prometheusSchema>;
/** One cluster the console connects to, with its secrets: stays on the server. */
export type ClusterConfig = z.infer<typeof clusterSchema> & { embedded?: boolean };

/** Where the clusters come from; `embedded` means none are configured. */
export type ClustersSource =
  | {
      kind: 'file';
      path: string;
      clusters: ClusterConfig[];
      /** The whole file, `${VAR}`s replaced, for the sections other features read (`access:`). */
      document: Record<string, unknown>;
    }
  | { kind: 'env'; clusters: ClusterConfig[] }
  | { kind: 'embedded' };

/** A configuration the console cannot start with; the message says what to fix. */
export class ConfigError extends Error {}

/**
 * Finds the clusters to connect to, in order: the YAML file named by `KPC_CONFIG` (or
 * `kpc.config.yaml` in the working directory when it exists), then `KAFKA_BOOTSTRAP_SERVERS`
 * for a single cluster, else the embedded local cluster. `${VAR}` in the file is replaced by
 * that environment variable, so secrets stay out of the file.
 */
export function loadClustersSource(
  env: NodeJS.ProcessEnv = process.env,
  readFile: (path: string) => string | undefined = readIfExists,
): ClustersSource {
  const explicitPath = env['KPC_CONFIG'];
  const path = explicitPath ?? 'kpc.config.yaml';
  const text = readFile(path);
  if (text === undefined && explicitPath) throw new ConfigError(`KPC_CONFIG names ${path}, which cannot be read`);
  if (text !== undefined) {
    const document = parseConfigDocument(text, env, path);
    return { kind: 'file', path, clusters: validate(fileSchema, document, path).clusters, document };
  }
  if (env['KAFKA_BOOTSTRAP_SERVERS']) return { kind: 'env', clusters: [clusterFromEnv(env)] };
  return { kind: 'embedded' };
}

/** Parses and validates the YAML clusters file. */
export function parseClustersFile(text: string, env: NodeJS.ProcessEnv, path = 'config'): ClusterConfig[] {
  return validate(fileSchema, parseConfigDocument(text, env, path), path).clusters;
}

function parseConfigDocument(text: string, env: NodeJS.ProcessEnv, path: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = parseYaml(interpolate(text, env, path));
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(`${path} is not valid YAML: ${(err as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new ConfigError(`${path} must be a YAML mapping with a clusters: list`);
  return raw as Record<string, unknown>;
}

function clusterFromEnv(env: NodeJS.ProcessEnv): ClusterConfig {
  const mechanism = env['KAFKA_SASL_MECHANISM'];
  const raw = {
    name: env['KAFKA_CLUSTER_NAME'] ?? 'default',
    bootstrapServers: env['KAFKA_BOOTSTRAP_SERVERS'],
    ...(mechanism && {
      sasl: { mechanism, username: env['KAFKA_SASL_USERNAME'], password: env['KAFKA_SASL_PASSWORD'] },
    }),
    ...(env['KAFKA_TLS'] === 'true' && { tls: { enabled: true, ca: env['KAFKA_TLS_CA'] } }),
    ...(env['KAFKA_READ_ONLY'] === 'true' && { readOnly: true }),
    connect: env['KAFKA_CONNECT_URL'] ? [{ name: 'connect', url: env['KAFKA_CONNECT_URL'], ...allowedClassesFromEnv(env) }] : [],
  };
  return validate(clusterSchema, raw, 'the KAFKA_* environment variables');
}

/** `KAFKA_CONNECT_ALLOWED_CLASSES`: comma-separated, as `allowedConnectorClasses` in the file. */
function allowedClassesFromEnv(env: NodeJS.ProcessEnv): { allowedConnectorClasses?: string[] } {
  const value = env['KAFKA_CONNECT_ALLOWED_CLASSES'];
  if (value === undefined) return {};
  return {
    allowedConnectorClasses: value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

export function validate<T extends z.ZodType>(schema: T, raw: unknown, origin: string): z.infer<T> {
  const result = schema.safeParse(raw);
  if (!result.success) throw new ConfigError(`${origin} is not a valid configuration:\n${z.prettifyError(result.error)}`);
  return result.data;
}

function interpolate(text: string, env: NodeJS.ProcessEnv, path: string): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_match, name: string) => {
    const value = env[name];
    if (value === undefined) throw new ConfigError(`${path} uses \${${name}}, but that environment variable is not set`);
    return value;
  });
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
