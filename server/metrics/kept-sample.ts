import { statusCode, statusOfCode } from './burrow';
import type { LagRule, MetricsSample, PartitionLagMeasure } from './metrics.model';

const RULES: readonly LagRule[] = [
  'no-lag',
  'stopped',
  'caught-up-in-window',
  'rewind',
  'stalled',
  'lag-not-decreasing',
  'lag-decreasing',
  'too-few-samples',
  'worst-partition',
];

/** One group's partitions in columns: a number per field, not an object per partition. */
interface PartitionColumns {
  topics: string[];
  partitions: Int32Array;
  committed: Float64Array;
  ends: Float64Array;
  /** NaN where it could not be told. */
  lagSeconds: Float64Array;
  status: Uint8Array;
  rule: Uint8Array;
}

/**
 * The latest sample, kept until the next: every figure as it was, except each group's
 * partitions, held in columns and made objects again only when a page or a scrape asks (a
 * cluster's groups may read tens of thousands of partitions).
 */
export class KeptSample {
  /** The sample with every group's `partitions` empty. */
  readonly sample: MetricsSample;
  readonly #partitions = new Map<string, PartitionColumns>();

  constructor(sample: MetricsSample) {
    this.sample = { ...sample, groups: sample.groups.map((group) => ({ ...group, partitions: [] })) };
    for (const group of sample.groups) {
      const count = group.partitions.length;
      if (!count) continue;
      const columns: PartitionColumns = {
        topics: new Array<string>(count),
        partitions: new Int32Array(count),
        committed: new Float64Array(count),
        ends: new Float64Array(count),
        lagSeconds: new Float64Array(count),
        status: new Uint8Array(count),
        rule: new Uint8Array(count),
      };
      group.partitions.forEach((p, index) => {
        columns.topics[index] = p.topic;
        columns.partitions[index] = p.partition;
        columns.committed[index] = p.committedOffset;
        columns.ends[index] = p.endOffset;
        columns.lagSeconds[index] = p.lagSeconds ?? NaN;
        columns.status[index] = statusCode(p.status);
        columns.rule[index] = Math.max(0, RULES.indexOf(p.rule));
      });
      this.#partitions.set(group.groupId, columns);
    }
  }

  /** A group's partitions as the sample measured them; none for a group it does not hold. */
  partitionsOf(groupId: string): PartitionLagMeasure[] {
    const columns = this.#partitions.get(groupId);
    if (!columns) return [];
    return columns.topics.map((topic, index) => {
      const lagSeconds = columns.lagSeconds[index]!;
      return {
        topic,
        partition: columns.partitions[index]!,
        committedOffset: columns.committed[index]!,
        endOffset: columns.ends[index]!,
        lag: Math.max(0, columns.ends[index]! - columns.committed[index]!),
        lagSeconds: Number.isNaN(lagSeconds) ? null : lagSeconds,
        status: statusOfCode(columns.status[index]!) ?? 'OK',
        rule: RULES[columns.rule[index]!]!,
      };
    });
  }

  /** The whole sample, partitions included. */
  full(): MetricsSample {
    return { ...this.sample, groups: this.sample.groups.map((group) => ({ ...group, partitions: this.partitionsOf(group.groupId) })) };
  }
}
