import type { MetricsSample, PartitionLagMeasure } from './metrics.model';

/**
 * The latest sample, kept until the next: every figure as it was, except each group's
 * partitions (a cluster's groups may read tens of thousands), which the sampler tells again
 * from what it keeps when a page or a scrape asks. An instance that only reads the history
 * another one writes has none.
 */
export class KeptSample {
  /** The sample with every group's `partitions` empty. */
  readonly sample: MetricsSample;

  constructor(
    sample: MetricsSample,
    private readonly partitions: (groupId: string) => PartitionLagMeasure[] = () => [],
  ) {
    this.sample = { ...sample, groups: sample.groups.map((group) => ({ ...group, partitions: [] })) };
  }

  /** A group's partitions as the sample measured them; none for a group it does not hold. */
  partitionsOf(groupId: string): PartitionLagMeasure[] {
    return this.partitions(groupId);
  }

  /** The whole sample, partitions included. */
  full(): MetricsSample {
    return { ...this.sample, groups: this.sample.groups.map((group) => ({ ...group, partitions: this.partitionsOf(group.groupId) })) };
  }
}
