import { ConfigError } from '../kafka/clusters-config';
import { DAY } from './metric-series';
import type { MetricsSettings } from './metrics.service';

/**
 * How often the console samples each cluster and how long it keeps the history:
 * `KPC_METRICS_INTERVAL_S` (15 by default, at least 1) and `KPC_METRICS_RETENTION_HOURS`
 * (168, a week, by default).
 */
export function metricsSettings(env: NodeJS.ProcessEnv = process.env): MetricsSettings {
  const interval = numberIn(env, 'KPC_METRICS_INTERVAL_S', 15, 1, 3600);
  const retentionHours = numberIn(env, 'KPC_METRICS_RETENTION_HOURS', 168, 1, 24 * 90);
  return { intervalMs: interval * 1000, retentionMs: Math.min(retentionHours * 3_600_000, 90 * DAY) };
}

/** The sampling interval alone, for what runs on the same beat (the Prometheus endpoints' scrapes). */
export const metricsIntervalMs = (env: NodeJS.ProcessEnv = process.env): number => metricsSettings(env).intervalMs;

function numberIn(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max)
    throw new ConfigError(`${name} must be a number from ${min} to ${max}; it is "${text}"`);
  return value;
}
