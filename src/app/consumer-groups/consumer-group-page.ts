import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { filter, switchMap } from 'rxjs';
import type { ApiError } from '../shared/api-error';
import { ConfirmService } from '../shared/confirm.service';
import { ErrorPanel } from '../shared/error-panel';
import { apiErrorOf } from '../shared/resource-error';
import { ConsumerGroupsService } from './consumer-groups.service';
import { PartitionLagTable, type PartitionLagRow } from './partition-lag-table';
import { ReplayDialog, type ReplayDialogData } from './replay-dialog';
import { StateChip } from './state-chip';

/** `/clusters/:cluster/consumer-groups/:group`: members, lag per partition, replay and delete. */
@Component({
  selector: 'kpc-consumer-group-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, ErrorPanel, MatButtonModule, MatIconModule, MatProgressBarModule, MatTooltipModule, PartitionLagTable, RouterLink, StateChip],
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
  private readonly confirmService = inject(ConfirmService);
  private readonly router = inject(Router);

  protected readonly detail = rxResource({
    params: () => ({ cluster: this.cluster(), group: this.group() }),
    stream: ({ params }) => this.consumerGroups.detail(params.cluster, params.group),
  });
  // A resource in error throws from value(): read it only through this.
  protected readonly current = computed(() => (this.detail.hasValue() ? this.detail.value() : undefined));
  protected readonly error = computed(() => apiErrorOf(this.detail.error()));
  protected readonly deleteError = signal<ApiError | undefined>(undefined);
  protected readonly tone = computed(() => this.consumerGroups.stateTone(this.current()?.state ?? ''));
  protected readonly isIdle = computed(() => {
    const group = this.current();
    return !!group && this.consumerGroups.isIdle(group);
  });
  protected readonly canReplay = computed(() => this.isIdle() && (this.current()?.partitions.length ?? 0) > 0);
  protected readonly membersLabel = computed(() => {
    const count = this.current()?.memberCount ?? 0;
    return count === 1 ? '1 member' : `${count} members`;
  });
  protected readonly memberNames = computed(() => (this.current()?.members ?? []).map((m) => `${m.clientId} @ ${m.host}`).join(', '));
  protected readonly rows = computed<PartitionLagRow[]>(() =>
    (this.current()?.partitions ?? []).map((p) => ({ ...p, readShare: this.consumerGroups.readShare(p) })),
  );
  protected readonly readShare = computed(() => {
    const partitions = this.current()?.partitions ?? [];
    const retained = partitions.reduce((sum, p) => sum + (p.logEndOffset - p.logStartOffset), 0);
    const read = partitions.reduce((sum, p) => sum + (p.committedOffset === null ? 0 : p.committedOffset - p.logStartOffset), 0);
    return retained > 0 ? Math.max(0, Math.min(1, read / retained)) : 1;
  });

  /** Reads the group again. */
  protected refresh(): void {
    this.detail.reload();
  }

  /** Opens the replay steps; reads the group again once the dialog closes. */
  protected openReplay(): void {
    const group = this.current();
    if (!group) return;
    this.dialog
      .open<ReplayDialog, ReplayDialogData>(ReplayDialog, { data: { cluster: this.cluster(), group }, width: '880px', maxWidth: '95vw', autoFocus: false })
      .afterClosed()
      .subscribe(() => this.refresh());
  }

  /** Deletes the group after the operator types its id; the server refuses while it has members. */
  protected deleteGroup(): void {
    const groupId = this.group();
    this.deleteError.set(undefined);
    this.confirmService
      .confirm({
        title: 'Delete consumer group',
        message: `Deletes ${groupId} with all its committed offsets. A consumer that joins later starts where its auto.offset.reset says.`,
        confirmLabel: 'Delete group',
        typeToConfirm: groupId,
        isDestructive: true,
      })
      .pipe(filter(Boolean), switchMap(() => this.consumerGroups.delete(this.cluster(), groupId)))
      .subscribe({
        next: () => void this.router.navigate(['/clusters', this.cluster(), 'consumer-groups']),
        error: (error: unknown) => this.deleteError.set(apiErrorOf(error)),
      });
  }
}
