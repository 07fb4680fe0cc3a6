import type { AuditAction, ConsumerGroupOffsetsRecord } from '../audit/audit.model';
import type { AuditService } from '../audit/audit.service';
import type { ClusterConfig } from '../kafka/clusters-config';
import { AppError } from '../shared/app-error';
import { toOffset } from '../shared/offset';
import type {
  OffsetChangeResult,
  OffsetResetCommand,
  OffsetResetRequest,
  ResetPreview,
  TopicPartitionOffset,
} from './consumer-group.model';
import { EARLIEST, LATEST, partitionKey, type ConsumerGroupsGateway, type PartitionRef } from './consumer-groups.gateway';
import { memberName, type ConsumerGroupsService } from './consumer-groups.service';
import { previewPartition, targetOffset, targetRule, type PartitionPosition } from './offset-targets';

export const RESET_ACTION = 'consumer-group.offsets.reset' satisfies AuditAction;
export const UNDO_ACTION = 'consumer-group.offsets.undo' satisfies AuditAction;

/**
 * Replay: previews where a reset would move a group's offsets, applies it with an audit
 * record, and undoes it from that record. Every change is refused while the group has members.
 */
export class OffsetResetService {
  constructor(
    private readonly gateway: ConsumerGroupsGateway,
    private readonly groups: ConsumerGroupsService,
    private readonly audit: AuditService,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Per partition: the current offset, the target and how many records are replayed or
   * skipped. Works for a group that never committed (its current offsets are null).
   */
  async preview(cluster: ClusterConfig, groupId: string, request: OffsetResetRequest): Promise<ResetPreview> {
    const rule = targetRule(request, this.now());
    const [description, positions] = await Promise.all([
      this.groups.describe(cluster, groupId),
      this.#positions(cluster, groupId, request, rule.kind === 'timestamp' ? rule.at : undefined),
    ]);
    const partitions = positions.map((position) => previewPartition(position, targetOffset(rule, position)));
    return {
      groupId,
      mode: request.mode,
      value: request.value ?? null,
      resolvedTimestamp: rule.kind === 'timestamp' ? rule.at : null,
      partitions,
      totals: {
        partitions: partitions.length,
        replayed: partitions.reduce((sum, p) => sum + p.replayed, 0),
        skipped: partitions.reduce((sum, p) => sum + p.skipped, 0),
      },
      activeMembers: description.members.map(memberName),
    };
  }

  /**
   * Applies a reset, audited from intent to outcome. "Exactly the previewed targets": a
   * duration moves with the clock and a timestamp may resolve differently as records arrive,
   * so recomputing here could commit offsets the operator never saw. When the command carries
   * the previewed `targets`, those are committed after checking they cover the same partitions
   * and still lie within each log (409 PREVIEW_OUTDATED otherwise); without them (a script),
   * the targets are computed now as a preview would. Resets and undos of one group run one at
   * a time, across console instances too, and each refuses (409) when the group's offsets
   * moved since what it previewed, so no change silently overwrites another.
   */
  async reset(cluster: ClusterConfig, groupId: string, command: OffsetResetCommand): Promise<OffsetChangeResult> {
    if (command.confirm !== true) {
      throw new AppError('CONFIRMATION_REQUIRED', 'A reset changes what the group reads: send "confirm": true to apply it');
    }
    this.groups.refuseWhileActive(await this.groups.describe(cluster, groupId), 'reset');
    const preview = await this.preview(cluster, groupId, command);
    const previewed = preview.partitions.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.currentOffset }));
    if (command.expected) refuseIfMoved(groupId, command.expected, previewed);
    const targets = command.targets
      ? checkedTargets(command.targets, preview)
      : preview.partitions.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.targetOffset }));
    const { auditId } = await this.audit.track(
      cluster,
      {
        action: RESET_ACTION,
        subject: { kind: 'consumer-group', name: groupId },
        parameters: { mode: command.mode, value: command.value ?? null, topics: command.topics },
        before: previewed,
      },
      async () => {
        await this.#refuseIfChanged(cluster, groupId, previewed);
        // Kafka itself refuses the commit (mapped to 409 GROUP_ACTIVE) if a consumer joined meanwhile.
        await this.gateway.commitOffsets(
          cluster,
          groupId,
          targets.map((t) => ({ topic: t.topic, partition: t.partition, offset: BigInt(t.offset) })),
        );
      },
      { exclusive: true, after: () => targets },
    );
    return { auditId, groupId, partitions: changes(previewed, targets) };
  }

  /**
   * Puts back the offsets a reset found, from its audit record; where the group had none,
   * its offsets are deleted again. Refused while active, for a reset that was not applied, and
   * for one undone already: two undos of one reset, even from two consoles, apply at most once.
   */
  async undo(cluster: ClusterConfig, groupId: string, auditId: string): Promise<OffsetChangeResult> {
    const reset = await this.#undoableReset(cluster, groupId, auditId);
    this.groups.refuseWhileActive(await this.groups.describe(cluster, groupId), 'reset');
    const restore = reset.before;
    const current = await this.#committed(cluster, groupId, restore);
    const { auditId: undoId } = await this.audit.track(
      cluster,
      { action: UNDO_ACTION, subject: { kind: 'consumer-group', name: groupId }, parameters: { auditId }, before: current },
      async () => {
        // Another undo may have been applied between the checks above and this turn.
        await this.#undoableReset(cluster, groupId, auditId);
        await this.#refuseIfChanged(cluster, groupId, current);
        await this.gateway.commitOffsets(
          cluster,
          groupId,
          restore.filter(hasOffset).map((p) => ({ ...p, offset: BigInt(p.offset) })),
        );
        await this.gateway.deleteOffsets(
          cluster,
          groupId,
          restore.filter((p) => p.offset === null),
        );
      },
      { exclusive: true, after: () => restore },
    );
    return { auditId: undoId, groupId, partitions: changes(current, restore) };
  }

  async #undoableReset(cluster: ClusterConfig, groupId: string, auditId: string): Promise<ConsumerGroupOffsetsRecord> {
    const reset = await this.audit.find(cluster, auditId);
    if (!reset) throw new AppError('AUDIT_RECORD_NOT_FOUND', `There is no audit record ${auditId} on ${cluster.name}`);
    if (reset.action !== RESET_ACTION || reset.subject.name !== groupId) {
      throw new AppError('NOT_UNDOABLE', `Audit record ${auditId} is not an offset reset of consumer group ${groupId}`);
    }
    if (reset.outcome !== 'applied') {
      throw new AppError(
        'NOT_UNDOABLE',
        `That reset of ${groupId} was not applied (its outcome is ${reset.outcome}), so there is nothing to undo`,
      );
    }
    if (reset.undoneBy) {
      throw new AppError('ALREADY_UNDONE', `That reset of ${groupId} was undone already (audit record ${reset.undoneBy})`);
    }
    return reset;
  }

  /** The group's committed offsets of these partitions now; null where it has none. */
  async #committed(cluster: ClusterConfig, groupId: string, partitions: PartitionRef[]): Promise<TopicPartitionOffset[]> {
    const committed = await this.gateway.committedOffsets(cluster, [groupId]);
    const now = new Map((committed.get(groupId) ?? []).map((p) => [partitionKey(p.topic, p.partition), toOffset(p.offset)]));
    return partitions.map(({ topic, partition }) => ({ topic, partition, offset: now.get(partitionKey(topic, partition)) ?? null }));
  }

  /** 409 PREVIEW_OUTDATED when the group's offsets are no longer those a change was decided on. */
  async #refuseIfChanged(cluster: ClusterConfig, groupId: string, decidedOn: TopicPartitionOffset[]): Promise<void> {
    refuseIfMoved(groupId, decidedOn, await this.#committed(cluster, groupId, decidedOn));
  }

  /** Current offset and log bounds of each requested partition (and the offset for a time). */
  async #positions(
    cluster: ClusterConfig,
    groupId: string,
    request: OffsetResetRequest,
    at: number | undefined,
  ): Promise<PartitionPosition[]> {
    const counts = await this.gateway.partitionCounts(
      cluster,
      request.topics.map((t) => t.topic),
    );
    const refs: PartitionRef[] = request.topics.flatMap(({ topic, partitions }) => {
      const count = counts.get(topic) ?? 0;
      const wrong = partitions?.find((partition) => partition >= count);
      if (wrong !== undefined) {
        throw new AppError(
          'VALIDATION_FAILED',
          `Topic ${topic} has ${count} partitions (0 to ${count - 1}); there is no partition ${wrong}`,
        );
      }
      return (partitions ?? Array.from({ length: count }, (_, i) => i)).map((partition) => ({ topic, partition }));
    });
    const unique = [...new Map(refs.map((r) => [partitionKey(r.topic, r.partition), r])).values()];
    const [committed, starts, ends, forTime] = await Promise.all([
      this.gateway.committedOffsets(cluster, [groupId]),
      this.gateway.logOffsets(cluster, unique, EARLIEST),
      this.gateway.logOffsets(cluster, unique, LATEST),
      at === undefined ? Promise.resolve(undefined) : this.gateway.logOffsets(cluster, unique, BigInt(at)),
    ]);
    const current = new Map((committed.get(groupId) ?? []).map((p) => [partitionKey(p.topic, p.partition), toOffset(p.offset)]));
    return unique.map(({ topic, partition }) => {
      const key = partitionKey(topic, partition);
      const offsetForTime = forTime?.get(key);
      return {
        topic,
        partition,
        currentOffset: current.get(key) ?? null,
        logStartOffset: toOffset(starts.get(key) ?? 0n),
        logEndOffset: toOffset(ends.get(key) ?? 0n),
        ...(offsetForTime !== undefined && { offsetForTime: toOffset(offsetForTime) }),
      };
    });
  }
}

/** The previewed targets, checked against the partitions and logs as they are now. */
function checkedTargets(targets: TopicPartitionOffset[], preview: ResetPreview): { topic: string; partition: number; offset: number }[] {
  const given = new Map(targets.map((t) => [partitionKey(t.topic, t.partition), t.offset]));
  if (given.size !== preview.partitions.length || preview.partitions.some((p) => !given.has(partitionKey(p.topic, p.partition)))) {
    throw new AppError(
      'VALIDATION_FAILED',
      'The request body is not valid: targets must name exactly the partitions of the topics to reset',
    );
  }
  return preview.partitions.map((p) => {
    const offset = given.get(partitionKey(p.topic, p.partition));
    if (typeof offset !== 'number' || offset < p.logStartOffset || offset > p.logEndOffset) {
      throw new AppError(
        'PREVIEW_OUTDATED',
        `${p.topic} partition ${p.partition} now holds offsets ${p.logStartOffset} to ${p.logEndOffset}, which no longer include the previewed ${offset}: preview again`,
      );
    }
    return { topic: p.topic, partition: p.partition, offset };
  });
}

/** 409 PREVIEW_OUTDATED naming the first partition whose committed offset is not the expected one. */
function refuseIfMoved(groupId: string, expected: TopicPartitionOffset[], now: TopicPartitionOffset[]): void {
  const current = new Map(now.map((p) => [partitionKey(p.topic, p.partition), p.offset]));
  const moved = expected.find(
    (p) => current.has(partitionKey(p.topic, p.partition)) && current.get(partitionKey(p.topic, p.partition)) !== p.offset,
  );
  if (!moved) return;
  const nowAt = current.get(partitionKey(moved.topic, moved.partition));
  throw new AppError(
    'PREVIEW_OUTDATED',
    `The offsets of ${groupId} moved since the preview (${moved.topic} partition ${moved.partition}: ${moved.offset ?? 'none'} then, ` +
      `${nowAt ?? 'none'} now), perhaps by another reset or a consumer: preview again`,
  );
}

/** Each partition's offset before and after an applied change. */
function changes(before: TopicPartitionOffset[], after: TopicPartitionOffset[]): OffsetChangeResult['partitions'] {
  const was = new Map(before.map((p) => [partitionKey(p.topic, p.partition), p.offset]));
  return after.map((p) => ({
    topic: p.topic,
    partition: p.partition,
    before: was.get(partitionKey(p.topic, p.partition)) ?? null,
    after: p.offset,
    outcome: 'applied' as const,
  }));
}

function hasOffset(p: TopicPartitionOffset): p is TopicPartitionOffset & { offset: number } {
  return typeof p.offset === 'number';
}
