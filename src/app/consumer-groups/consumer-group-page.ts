import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { AccessService } from '../access/access.service';
import { GroupLagSection } from '../metrics/group-lag-section';
import { rangeInUrl } from '../metrics/metrics-range';
import { MetricsService } from '../metrics/metrics.service';
import { changeRunner } from '../shared/change-runner';
import { DataAge } from '../shared/data-age';
import { ErrorPanel } from '../shared/error-panel';
import { liveResource } from '../shared/live-resource';
import { isIdle, isLagging, isStreamsApp, readShare, stateTone, totalReadShare } from './consumer-group-rules';
import { ConsumerGroupsService } from './consumer-groups.service';
import { NumberOrDashPipe } from './number-or-dash.pipe';
import { PartitionLagTable, type PartitionLagRow } from './partition-lag-table';
import { ReplayDialog, type ReplayDialogData } from './replay-dialog';
import { StateChip } from './state-chip';

/** Why Replay and Delete wait, told in their tooltips. */
const STOP_CONSUMERS_FIRST = 'Stop its consumers first';

/** `/clusters/:cluster/consumer-groups/:group`: members, lag per partition and over time, replay and delete. */
@Component({
  selector: 'kpc-consumer-group-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DataAge,
    DecimalPipe,
    ErrorPanel,
    GroupLagSection,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTooltipModule,
    NumberOrDashPipe,
    PartitionLagTable,
    RouterLink,
    StateChip,
  ],
  templateUrl: './consumer-group-page.html',
  styleUrl: './consumer-group-page.scss',
})
export class ConsumerGroupPage {
  /** The cluster name, bound from the route. */
  readonly cluster = input.required<string>();
  /** The group id, bound from the route (already decoded). */
  readonly group = input.required<string>();

  private readonly consumerGroups = inject(ConsumerGroupsService);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly access = inject(AccessService);
  private readonly metrics = inject(MetricsService);
  protected readonly deletion = changeRunner();

  /** The group, read again every few seconds while the page is in sight, so its lag moves as it is read. */
  protected readonly detail = liveResource({
    params: () => ({ cluster: this.cluster(), group: this.group() }),
    read: (params, options) => this.consumerGroups.detail(params.cluster, params.group, options),
  });
  protected readonly current = this.detail.value;
  /** The charts' range, from `?range=`. */
  protected readonly range = rangeInUrl();
  /** The group's lag, consume rate and Burrow status over the range, as the console sampled them. */
  protected readonly lagHistory = liveResource({
    params: () => ({ cluster: this.cluster(), group: this.group(), range: this.range.range() }),
    read: (params) => this.metrics.groupHistory(params.cluster, params.group, params.range),
  });
  protected readonly lagHistoryError = computed(() => (this.lagHistory.hasValue() ? undefined : this.lagHistory.error()));
  protected readonly lagHistoryFailure = computed(() => (this.lagHistory.hasValue() ? this.lagHistory.error()?.message : undefined));
  /** Each partition's Burrow status in the latest sample, by `topic-partition`. */
  private readonly partitionStatus = computed(
    () => new Map((this.lagHistory.value()?.current?.partitions ?? []).map((p) => [`${p.topic}-${p.partition}`, p])),
  );
  protected readonly asOf = computed(() => this.current()?.asOf);
  /** A failure with nothing to show instead. */
  protected readonly error = computed(() => (this.detail.hasValue() ? undefined : this.detail.error()));
  /** A failed background update: the last answer stays, marked as not updated. */
  protected readonly updateFailure = computed(() => (this.detail.hasValue() ? this.detail.error()?.message : undefined));
  protected readonly tone = computed(() => stateTone(this.current()?.state ?? ''));
  protected readonly protocolLabel = computed(() =>
    this.current()?.type === 'consumer'
      ? 'KIP-848 consumer protocol'
      : this.current()?.type === 'streams'
        ? 'Kafka Streams protocol (KIP-1071)'
        : 'classic protocol',
  );
  /** A classic Kafka Streams app, which has a page of its own with its topology. */
  protected readonly isStreamsApp = computed(() => {
    const group = this.current();
    return !!group && isStreamsApp(group);
  });
  protected readonly isIdle = computed(() => {
    const group = this.current();
    return !!group && isIdle(group);
  });
  private readonly resource = computed(() => ({ kind: 'consumerGroup' as const, name: this.group() }));
  /** Why the user may not delete the group (an `admin` change); undefined when they may. */
  private readonly whyNotDelete = computed(() => this.access.whyNot('admin', this.cluster(), this.resource()));
  protected readonly canDelete = computed(() => this.whyNotDelete() === undefined && this.isIdle() && !this.deletion.isBusy());
  protected readonly deleteTooltip = computed(
    () => this.whyNotDelete() ?? (this.isIdle() ? 'Delete the group and its offsets' : STOP_CONSUMERS_FIRST),
  );
  /** Whether Replay shows at all: only to whom may reset the group's offsets (an `operator`). */
  protected readonly showsReplay = computed(() => this.access.can('operator', this.cluster(), this.resource()));
  protected readonly canReplay = computed(() => this.isIdle() && (this.current()?.partitions.length ?? 0) > 0);
  protected readonly replayTooltip = computed(() =>
    this.canReplay() ? 'Reset the offsets so the group reads again' : STOP_CONSUMERS_FIRST,
  );
  protected readonly membersLabel = computed(() => {
    const count = this.current()?.memberCount ?? 0;
    return count === 1 ? '1 member' : `${count} members`;
  });
  protected readonly hasMembers = computed(() => (this.current()?.members.length ?? 0) > 0);
  /** Who consumes now, or the state when the members are not known by name. */
  protected readonly consumingNow = computed(
    () => (this.current()?.members ?? []).map((m) => `${m.clientId} @ ${m.host}`).join(', ') || this.current()?.state,
  );
  protected readonly isLagging = computed(() => isLagging(this.current()?.totalLag ?? null));
  protected readonly isCaughtUp = computed(() => this.current()?.totalLag === 0);
  protected readonly rows = computed<PartitionLagRow[]>(() =>
    (this.current()?.partitions ?? []).map((p) => ({
      ...p,
      readShare: readShare(p),
      isCommitted: p.committedOffset !== null,
      hasLag: p.lag !== null,
      isLagging: isLagging(p.lag),
      isCaughtUp: p.lag === 0,
      lagStatus: this.partitionStatus().get(`${p.topic}-${p.partition}`),
    })),
  );
  protected readonly readShare = computed(() => totalReadShare(this.current()?.partitions ?? []));

  /** Reads the group fresh from Kafka rather than from the server's live model. */
  protected refresh(): void {
    this.detail.refresh();
  }

  /** Opens the replay steps; reads the group again once the dialog closes. */
  protected openReplay(): void {
    const group = this.current();
    if (!group) return;
    this.dialog
      .open<ReplayDialog, ReplayDialogData>(ReplayDialog, {
        data: { cluster: this.cluster(), group },
        width: '880px',
        maxWidth: '95vw',
        autoFocus: false,
      })
      .afterClosed()
      // A reset made here shows in the server's next answer: no need to go to Kafka.
      .subscribe(() => this.detail.reload());
  }

  /** Deletes the group after the operator types its id; the server refuses while it has members. */
  protected deleteGroup(): void {
    const cluster = this.cluster();
    const groupId = this.group();
    this.deletion.run({
      confirm: {
        title: 'Delete consumer group',
        message: `Deletes ${groupId} with all its committed offsets. A consumer that joins later starts where its auto.offset.reset says.`,
        confirmLabel: 'Delete group',
        typeToConfirm: groupId,
        isDestructive: true,
      },
      call: () => this.consumerGroups.delete(cluster, groupId, groupId),
      success: `Deleted consumer group ${groupId}`,
      then: () => void this.router.navigate(['/clusters', cluster, 'consumer-groups']),
    });
  }
}
