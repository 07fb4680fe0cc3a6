import type { ClusterConfig } from '../kafka/clusters-config';
import type { BridgeGateway, PartitionBounds, PlannedRange } from './bridge.gateway';
import type { BridgeSettings, SequenceCheckRequest } from './bridge.model';
import type { ScanResult, SequencedRecord } from './sequence-check';

/**
 * Which records a check reads: `limit` records in all, shared among the partitions asked for
 * (one, or all) so that a partition with fewer records leaves its share to the others; the
 * newest of each, or from `fromOffset` on.
 */
export function planScan(bounds: PartitionBounds[], request: SequenceCheckRequest & { limit: number }): PlannedRange[] {
  const chosen = request.partition === undefined ? bounds : bounds.filter((b) => b.partition === request.partition);
  const firstOf = (b: PartitionBounds) => {
    if (request.fromOffset === undefined) return b.start;
    const from = BigInt(request.fromOffset);
    return from < b.start ? b.start : from > b.end ? b.end : from;
  };
  const available = chosen.map((b) => ({ bounds: b, count: Number(b.end - firstOf(b)) })).sort((a, b) => a.count - b.count);
  let remaining = request.limit;
  const ranges: PlannedRange[] = available.map(({ bounds: b, count }, index) => {
    const share = Math.min(count, Math.floor(remaining / (available.length - index)));
    remaining -= share;
    return request.fromOffset === undefined
      ? { partition: b.partition, from: b.end - BigInt(share), to: b.end }
      : { partition: b.partition, from: firstOf(b), to: firstOf(b) + BigInt(share) };
  });
  return ranges.sort((a, b) => a.partition - b.partition);
}

/**
 * Reads the planned ranges forward, one fetch of every open range at a time, keeping only
 * each record's place, key and sequence; stops at the byte or time budget, saying so.
 */
export async function runScan(
  gateway: BridgeGateway,
  cluster: ClusterConfig,
  topic: string,
  bounds: PartitionBounds[],
  plan: PlannedRange[],
  settings: BridgeSettings,
  budget: { bytes: number; deadline: number },
  onProgress: (recordsRead: number) => void,
): Promise<ScanResult> {
  const reached = new Map(plan.map((range) => [range.partition, range.from]));
  const records = new Map<number, SequencedRecord[]>(plan.map((range) => [range.partition, []]));
  let read = 0;
  let bytes = 0;
  let stoppedEarly: string | undefined;
  for (;;) {
    const open = plan
      .filter((range) => reached.get(range.partition)! < range.to)
      .map((range) => ({ ...range, from: reached.get(range.partition)! }));
    if (open.length === 0) break;
    if (bytes >= budget.bytes) {
      stoppedEarly = `it read its budget of ${budget.bytes / 1024 / 1024} MiB`;
      break;
    }
    if (Date.now() >= budget.deadline) {
      stoppedEarly = 'it ran out of time';
      break;
    }
    for (const step of await gateway.scanStep(cluster, topic, open, settings)) {
      records.get(step.partition)!.push(...step.records);
      reached.set(step.partition, step.nextOffset);
      read += step.records.length;
      bytes += step.bytes;
    }
    onProgress(read);
  }
  const boundsOf = new Map(bounds.map((b) => [b.partition, b]));
  return {
    topic,
    sequenceField: settings.sequenceField,
    keyField: settings.keyField,
    ranges: plan.map((range) => {
      const b = boundsOf.get(range.partition)!;
      const to = reached.get(range.partition)!;
      return {
        partition: range.partition,
        fromOffset: Number(range.from),
        toOffset: Number(to),
        fromLogStart: range.from <= b.start,
        toLogEnd: to >= b.end,
      };
    }),
    records,
    ...(stoppedEarly && { stoppedEarly }),
  };
}
