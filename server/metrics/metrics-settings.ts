import { ConfigError } from '../kafka/clusters-config';

/** Seconds between two samples when `KPC_METRICS_INTERVAL_S` is unset. */
export const DEFAULT_METRICS_INTERVAL_S = 15;

/**
 * How often the console measures (the lead sampler) and scrapes the Prometheus endpoints of
 * brokers and apps, in milliseconds: `KPC_METRICS_INTERVAL_S` seconds, 15 by default. A value
 * that is not a number of seconds from 1 to 3600 stops the console with one line saying so.
 */
export function metricsIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const text = env['KPC_METRICS_INTERVAL_S']?.trim();
  if (!text) return DEFAULT_METRICS_INTERVAL_S * 1000;
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(seconds >= 1 && seconds <= 3600)) {
    throw new ConfigError(`KPC_METRICS_INTERVAL_S must be a number of seconds from 1 to 3600, not "${text}"`);
  }
  return Math.round(seconds * 1000);
}
