import { ConfigError } from '../kafka/clusters-config';
import type { MetricsSettings } from './metrics.service';

/** Seconds between two samples when `KPC_METRICS_INTERVAL_S` is unset. */
export const DEFAULT_METRICS_INTERVAL_S = 15;
/** Hours of history kept when `KPC_METRICS_RETENTION_HOURS` is unset: a week. */
const DEFAULT_RETENTION_HOURS = 168;

/**
 * How often the console samples each cluster (and scrapes the Prometheus endpoints of its
 * brokers and apps) and how long it keeps the history: `KPC_METRICS_INTERVAL_S` (15 s by
 * default, 1 to 3600) and `KPC_METRICS_RETENTION_HOURS` (a week by default, up to 90 days). A
 * value out of range stops the console with one line saying what it takes.
 */
export function metricsSettings(env: NodeJS.ProcessEnv = process.env): MetricsSettings {
  return {
    intervalMs: Math.round(numberIn(env, 'KPC_METRICS_INTERVAL_S', DEFAULT_METRICS_INTERVAL_S, 1, 3600, 'seconds') * 1000),
    retentionMs: Math.round(numberIn(env, 'KPC_METRICS_RETENTION_HOURS', DEFAULT_RETENTION_HOURS, 1, 24 * 90, 'hours') * 3_600_000),
  };
}

/** The sampling interval alone, in milliseconds: what runs on the same beat (the Prometheus scrapes). */
export const metricsIntervalMs = (env: NodeJS.ProcessEnv = process.env): number => metricsSettings(env).intervalMs;

function numberIn(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, unit: string): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) throw new ConfigError(`${name} must be a number of ${unit} from ${min} to ${max}, not "${text}"`);
  return value;
}
