import type { ClusterConfig } from '../kafka/clusters-config';
import type { MetricsSample } from './metrics.model';

/** Whether the sample was taken by this console instance, or read from the history another one wrote. */
export interface SampleOrigin {
  sampledHere: boolean;
}

export type SampleListener = (sample: MetricsSample, origin: SampleOrigin) => void;

/**
 * The console's measurements of every cluster: samples the live model on an interval, keeps
 * the history in memory and in the cluster, and answers the metric routes from it.
 */
export class MetricsService {
  readonly #latest = new Map<string, MetricsSample>();
  readonly #listeners = new Set<SampleListener>();

  /** The latest sample of a cluster; undefined before the first. */
  latest(cluster: ClusterConfig): MetricsSample | undefined {
    return this.#latest.get(cluster.name);
  }

  /** Calls `listener` with every new sample of every cluster; returns what unsubscribes it. */
  onSample(listener: SampleListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Gives a sample to the listeners (the sampler calls this). */
  protected publish(sample: MetricsSample, origin: SampleOrigin): void {
    this.#latest.set(sample.cluster, sample);
    for (const listener of this.#listeners) listener(sample, origin);
  }
}
